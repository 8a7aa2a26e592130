import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildTeller } from '../../src/main.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'teller-audit-'));
const file = join(dir, 'teller.db');
const env = {
  ...process.env,
  DATABASE_URL: file,
  TELLER_DATA_DIR: dir,
  TELLER_SECRET: 'audit-cli-test-secret',
  LOG_LEVEL: 'silent' as const,
};

async function teller(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: root,
      env,
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

describe('teller audit verify', () => {
  beforeAll(async () => {
    const t = await buildTeller(loadConfig(env), { info: () => undefined, error: () => undefined });
    for (const text of [
      'create "Audit me"',
      'contest add 1 Chair 1 plurality',
      'roll add 1 @a @b @c',
      'nominations open 1',
    ]) {
      const r = await t.core.dispatch({
        platform: 'console',
        platformOrgId: 'console',
        actor: { memberId: 'olga' },
        channelId: 'general',
        command: '',
        args: { text },
      });
      expect(r.kind).toBe('ok');
    }
    await t.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an intact chain', async () => {
    const { code, out } = await teller(['audit', 'verify']);
    // four commands' entries, and the checkpoint record of the one phase change
    expect(out).toMatch(/election 1 "Audit me" \([0-9a-f]{32}\): intact \(5 entries, head [0-9a-f]{16}\)/);
    expect(code).toBe(0);
  });

  it('names the first edited entry and exits 1', async () => {
    const db = new BetterSqlite3(file);
    db.prepare(`update audit_entries set data = '{"members":"@mallory","weight":1}' where seq = 3`).run();
    db.close();
    const { code, out } = await teller(['audit', 'verify']);
    expect(out).toContain('BROKEN at entry 3 (edited)');
    expect(code).toBe(1);
  });

  it('names a removed entry', async () => {
    const db = new BetterSqlite3(file);
    db.prepare(`delete from audit_entries where seq = 2`).run();
    db.close();
    const { out } = await teller(['audit', 'verify']);
    expect(out).toContain('BROKEN at entry 2 (removed)');
  });
});

describe('teller audit verify against posted checkpoints', () => {
  const dir2 = mkdtempSync(join(tmpdir(), 'teller-audit-anchor-'));
  const file = join(dir2, 'teller.db');
  const env2 = { ...env, DATABASE_URL: file, TELLER_DATA_DIR: dir2 };
  const teller = async (args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
        cwd: root,
        env: env2,
      });
      return { code: 0, out: stdout };
    } catch (e) {
      const err = e as { code: number; stdout: string };
      return { code: err.code, out: err.stdout };
    }
  };
  beforeAll(async () => {
    const t = await buildTeller(loadConfig(env2), { info: () => undefined, error: () => undefined });
    for (const text of [
      'create "Anchored"',
      'contest add 1 Chair 1 plurality',
      'roll add 1 @a @b @c',
      'nominations open 1',
      'nominations close 1',
    ]) {
      const r = await t.core.dispatch({
        platform: 'console',
        platformOrgId: 'console',
        actor: { memberId: 'olga' },
        channelId: 'general',
        command: '',
        args: { text },
      });
      expect(r.kind).toBe('ok');
    }
    await t.close();
  });
  afterAll(() => rmSync(dir2, { recursive: true, force: true }));

  it('checks one election against a checkpoint copied from its channel, and fails when the log is shorter', async () => {
    const db = new BetterSqlite3(file);
    const { id } = db.prepare('select id from elections').get() as { id: string };
    const post = (
      db.prepare(`select body from outbox where purpose = 'checkpoint'`).get() as { body: string }
    ).body;
    const [, count, head] = /count=(\d+) head=([0-9a-f]+)/.exec(post)!;
    db.prepare('delete from audit_entries where seq >= ?').run(Number(count));
    db.close();
    const { code, out } = await teller(['audit', 'verify', '--election', id, '--expect', `${count}:${head}`]);
    expect(out).toContain(`SHORTER than a checkpoint`);
    expect(code).toBe(1);
    expect((await teller(['audit', 'verify', '--expect', `${count}:${head}`])).code).toBe(2);
  });

  it('fails for an election whose whole log was deleted', async () => {
    const db = new BetterSqlite3(file);
    db.prepare('delete from audit_entries').run();
    db.close();
    const { code, out } = await teller(['audit', 'verify']);
    expect(out).toContain('MISSING: the election exists but has no audit entries');
    expect(code).toBe(1);
  });
});
