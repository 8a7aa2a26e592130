// The key file beside the data: made once, whole, even when several Teller processes start together.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadServerSecret } from '../src/secret.js';
import { StartupError } from '../src/startup-error.js';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'teller-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function loadInChild(dataDir: string): Promise<string> {
  const code = `import { loadServerSecret } from './src/secret.ts'; process.stdout.write(loadServerSecret(undefined, ${JSON.stringify(dataDir)}));`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: root,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (status) => (status === 0 ? done(out) : fail(new Error(`exit ${status}`))));
  });
}

describe('loadServerSecret', () => {
  it('uses TELLER_SECRET when set, touching nothing', () => {
    expect(loadServerSecret('configured-secret-1234', join(dir, 'never-made'))).toBe(
      'configured-secret-1234',
    );
    expect(readdirSync(dir)).not.toContain('never-made');
  });

  it('creates teller.key once (mode 600) and reads it back afterwards', () => {
    const data = join(dir, 'once', 'nested');
    const first = loadServerSecret(undefined, data);
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(statSync(join(data, 'teller.key')).mode & 0o777).toBe(0o600);
    expect(loadServerSecret(undefined, data)).toBe(first);
    expect(readdirSync(data)).toEqual(['teller.key']);
  });

  it('processes starting together all end up with the one key on disk', async () => {
    const data = join(dir, 'race');
    const keys = await Promise.all(Array.from({ length: 4 }, () => loadInChild(data)));
    const onDisk = readFileSync(join(data, 'teller.key'), 'utf8').trim();
    expect(new Set(keys)).toEqual(new Set([onDisk]));
    expect(readdirSync(data)).toEqual(['teller.key']);
  });

  it('refuses a key file that is empty or too short to be a key', () => {
    const data = mkdtempSync(join(dir, 'short-'));
    writeFileSync(join(data, 'teller.key'), '  \n');
    expect(() => loadServerSecret(undefined, data)).toThrow(StartupError);
    expect(() => loadServerSecret(undefined, data)).toThrow(/teller\.key is empty: .*TELLER_SECRET/);
    writeFileSync(join(data, 'teller.key'), 'abc\n');
    expect(() => loadServerSecret(undefined, data)).toThrow(/shorter than 16 characters/);
  });
});
