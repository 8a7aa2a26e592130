// The README is for users; keep it current with the code: every command and every variable is there.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../src/core/app/registry.js';
import { METHOD_IDS } from '../src/counting/types.js';
import { argLabel } from '../src/core/kit/arg-text.js';
import { DEFAULT_SETTINGS } from '../src/core/elections/election.commands.js';
import { contestDefaults } from '../src/core/elections/election.view.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const configSource = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');

describe('README', () => {
  it('documents every command in the registry', () => {
    const missing = COMMAND_SPECS.filter((s) => s.listed && !readme.includes(s.path.join(' '))).map(
      (s) => s.id,
    );
    expect(missing).toEqual([]);
  });

  it('documents every environment variable the config reads', () => {
    const vars = [...configSource.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    expect(vars.length).toBeGreaterThan(10);
    expect(vars.filter((v) => !readme.includes(v))).toEqual([]);
  });

  it('names every counting method and the two set-up commands', () => {
    expect(METHOD_IDS.filter((m) => !readme.includes(`\`${m}\``))).toEqual([]);
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });

  it('backs the secret-ballot section with tests that exist', () => {
    const section = readme.split('## The secret ballot, and its limits')[1]?.split('\n## ')[0] ?? '';
    const named = [...new Set([...section.matchAll(/`(test\/[^`]+\.test\.ts)`/g)].map((m) => m[1]))];
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((f) => !existsSync(new URL(`../${f}`, import.meta.url)))).toEqual([]);
  });

  it('lists every option of configure and contest add with the default the code uses', () => {
    const section = readme.split('### Options and their defaults')[1]?.split('\n#')[0] ?? '';
    const rows = new Map<string, string>();
    for (const m of section.matchAll(/^\| (`[^|]+`) \| [^|]+ \| [^|]+ \| ([^|]+) \|$/gm)) {
      for (const name of m[1].matchAll(/`([^`]+)`/g)) rows.set(name[1], m[2].trim());
    }
    const named = COMMAND_SPECS.filter(
      (s) => s.id === 'election.configure' || s.id === 'election.contest.add',
    ).flatMap((s) => s.args.filter((a) => !a.positional).map((a) => argLabel(a.name)));
    expect(named.length).toBeGreaterThan(15);
    expect(named.filter((n) => !rows.has(n))).toEqual([]);
    const yesNo = (b: boolean) => (b ? 'yes' : 'no');
    const d = contestDefaults('irv', 1);
    expect(rows.get('seconders')).toBe(`\`${DEFAULT_SETTINGS.seconders}\``);
    expect(rows.get('self-nomination')).toBe(`\`${yesNo(DEFAULT_SETTINGS.selfNomination)}\``);
    expect(rows.get('objection-days')).toBe(`\`${DEFAULT_SETTINGS.objectionDays}\``);
    expect(rows.get('blank')).toBe(`\`${yesNo(d.allowBlank ?? true)}\``);
    expect(rows.get('tie-break')).toBe(`\`${d.tieBreak}\``);
    expect(rows.get('order')).toBe(`\`${d.order}\``);
    expect(rows.get('share')).toBe(
      `\`${(contestDefaults('approve-oppose', 1).threshold?.share ?? 0) * 100}\``,
    );
    expect(rows.get('base')).toBe(`\`${contestDefaults('approve-oppose', 1).threshold?.base}\``);
    const score = contestDefaults('score', 1).scoreRange!;
    expect(rows.get('score-min')).toContain(`\`${score.min}\` and \`${score.max}\``);
  });
});
