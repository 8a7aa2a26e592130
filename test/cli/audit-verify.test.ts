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
const env = { ...process.env, DATABASE_URL: file, TELLER_DATA_DIR: dir, TELLER_SECRET: 'audit-cli-test-secret', LOG_LEVEL: 'silent' as const };

async function teller(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

describe('teller audit verify', () => {
  beforeAll(async () => {
    const t = await buildTeller(loadConfig(env), { info: () => undefined, error: () => undefined });
    for (const text of ['create "Audit me"', 'contest add 1 Chair 1 plurality', 'roll add 1 @a @b @c', 'nominations open 1']) {
      const r = await t.core.dispatch({ platform: 'console', platformOrgId: 'console', actor: { memberId: 'olga' }, channelId: 'general', command: '', args: { text } });
      expect(r.kind).toBe('ok');
    }
    await t.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an intact chain', async () => {
    const { code, out } = await teller(['audit', 'verify']);
    expect(out).toContain('election 1 "Audit me": intact (4 entries)');
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
