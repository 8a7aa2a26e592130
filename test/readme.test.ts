// The README is for users; keep it current with the code: every command and every variable is there.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../src/core/commands/registry.js';
import { METHOD_IDS } from '../src/counting/types.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const configSource = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every command in the registry', () => {
    const missing = COMMAND_SPECS.filter((s) => s.listed && !readme.includes(s.path.join(' '))).map((s) => s.id);
    expect(missing).toEqual([]);
  });

  it('documents every environment variable the config reads', () => {
    const vars = [...configSource.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(10);
    expect(vars.filter((v) => !readme.includes(v))).toEqual([]);
  });

  it('names every counting method and the two set-up commands', () => {
    expect(METHOD_IDS.filter((m) => !readme.includes('`' + m + '`'))).toEqual([]);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('backs the secret-ballot section with tests that exist', () => {
    const section = readme.split('## The secret ballot, and its limits')[1]?.split('\n## ')[0] ?? '';
    const named = [...new Set([...section.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]))];
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((f) => !existsSync(new URL(`../${f}`, import.meta.url)))).toEqual([]);
  });
});
