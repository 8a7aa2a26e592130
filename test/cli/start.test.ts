import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'teller-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function teller(args: string[], input: string): Promise<{ code: number | null; out: string }> {
  return new Promise((done) => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      TELLER_DATA_DIR: dir,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => done({ code, out }));
    child.stdin.end(input);
  });
}

describe('teller start without platform settings', () => {
  it('opens the console on the embedded SQLite file and keeps what was typed', async () => {
    const first = await teller(['start'], '/as olga\n/election create "Console test"\n/quit\n');
    expect(first.out).toContain('Teller console on');
    expect(first.out).toContain('Election 1 "Console test" created');
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, 'teller.db'))).toBe(true);
    expect(existsSync(join(dir, 'teller.key'))).toBe(true);
    const second = await teller(['start'], '/election list\n');
    expect(second.out).toContain('1. Console test — draft');
  });
});
