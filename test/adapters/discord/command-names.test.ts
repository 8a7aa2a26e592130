// Discord's commands are named as the README names them, and every difference Discord's limits force
// is in the README's generated table (issue 9: there was no /election help, options were
// `selfnomination` and `objectiondays`, and nothing said where Discord differed).
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  differencesMarkdown,
  README_END,
  README_START,
  withDifferences,
} from '../../../adapters/discord/index.js';
import { harness } from '../../core/harness.js';
import { textOf } from './discord-driver.js';
import { SPECS } from '../../fakes/discord/fake-core.js';
import { ok, startRealCore, type RealCore } from './real-core.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('the README and the deployed Discord commands', () => {
  it('carries the table of differences exactly as the registry produces it (npm run docs:discord)', () => {
    const { core } = harness();
    const block = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    expect(block, 'run `npm run docs:discord` to regenerate the README table').toBe(
      differencesMarkdown(core),
    );
    expect(withDifferences(readme, differencesMarkdown(core))).toBe(readme);
    // the differences the README lists are the ones Discord's limits force, and no more
    expect(block).toContain('| `/election count` | `/election count run` |');
    expect(block).toContain('| `/election voting ballots publish` | `/election voting ballots-publish` |');
    // `roll objections close` has three words, one more than Discord's two levels allow, so it is the one
    // difference of /election the word "objection" may appear in; an option such as objection-days keeps
    // its name
    expect(block).toContain('| `/election roll objections close` | `/election roll objections-close` |');
    // the objection commands (issue 14) are a command of their own on Discord, each under its own words
    expect(block).toContain('| `/election objection file` | `/objection file` |');
    expect(
      block
        .replace(/^\| `\/election roll objections close` .*$/m, '')
        .replace(/^\| `\/election objection [a-z ]+` \| `\/objection [a-z-]+` .*$/gm, ''),
    ).not.toMatch(/help|self-?nomination|objection|max-?marks/);
  });

  it('the table would show a difference the registry introduced', () => {
    const deep = { ...SPECS[4], id: 'roll.deep.thing', path: ['roll', 'deep', 'thing'] };
    const wide = {
      ...SPECS[1],
      id: 'x.wide',
      args: Array.from({ length: 26 }, (_, i) => ({ ...SPECS[2].args[0], name: `opt${i}` })),
    };
    const table = differencesMarkdown({ commands: [...SPECS, deep, wide], translate: (_l, k) => k });
    expect(table).toContain('| `/election roll deep thing` | `/election roll deep-thing` |');
    expect(table).toContain('| `/election list opt25=…` | `/teller list opt25=…` |');
  });
});

describe("commands typed on Discord with the README's names", () => {
  let rc: RealCore;
  afterEach(() => rc.stop());

  it('/election help answers with what the member may do', async () => {
    rc = await startRealCore();
    const cb = await rc.driver.run('olga', 'help', {});
    expect(cb.data.flags & 64).toBe(64);
    expect(textOf(cb)).toMatch(/\/election create/);
    expect(textOf(cb)).toMatch(/\/election voting open <election>/);
  });

  it('self-nomination and objection-days reach the core as those arguments', async () => {
    rc = await startRealCore();
    await ok(rc, 'olga', 'create "Board 2026"', true);
    const cb = await rc.driver.run('olga', 'election.configure', {
      election: '1',
      selfNomination: 'no',
      objectionDays: 5,
    });
    expect(textOf(cb)).toMatch(/self-nomination no, 5 day\(s\) for objections/);
    // the option names the member typed are the README's
    const sent = [...rc.discord.interactions.values()].at(-1);
    expect(sent.data.options[0].options.map((o: { name: string }) => o.name)).toEqual([
      'election',
      'self-nomination',
      'objection-days',
    ]);
  });
});
