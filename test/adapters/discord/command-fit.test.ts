// The timeline's commands (issue 11) took /election past Discord's 25 entries and its 8000 characters.
// The generator makes them fit without leaving anything out: one-word commands gather into the group
// their module names, and descriptions shorten only as far as the budget needs.
import { spillGroups } from '../../../adapters/discord/commands/spill.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommandTable, deployCommands } from '../../../adapters/discord/index.js';
import {
  commandChars,
  MAX_COMMAND_CHARS,
  shorten,
  withinBudget,
} from '../../../adapters/discord/commands/budget.js';
import type { CommandJson } from '../../../adapters/discord/commands/command-definitions.js';
import type { CommandSpec } from '../../../src/core/index.js';
import { harness } from '../../core/harness.js';
import { commandProblems } from '../../fakes/discord/command-limits.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { SPECS } from '../../fakes/discord/fake-core.js';

const oneWord = (id: string, word: string): CommandSpec => ({ ...SPECS[0], id, path: [word] });
const translate = (_l: string | undefined, k: string) => k;

describe('the real registry on Discord', () => {
  let discord: FakeDiscord;
  beforeEach(async () => {
    discord = new FakeDiscord();
    await discord.start();
  });
  afterEach(() => discord.stop());

  it('deploys the timeline commands, every command reachable under /election or its shortcut', async () => {
    const { core } = harness();
    const result = await deployCommands({
      core,
      token: 't',
      applicationId: discord.applicationId,
      guildId: '9',
      apiUrl: discord.apiUrl,
    });
    expect(result.omitted).toEqual([]);
    const sent = discord.deployed.get('9')!;
    expect(commandProblems(sent)).toEqual([]);
    const table = buildCommandTable(core);
    const route = (id: string) => [...table.routes].find(([, s]) => s.id === id)?.[0];
    expect(route('election.schedule')).toBe('election schedule');
    expect(route('election.timeline')).toBe('election timeline');
    expect(route('roll.objections.close')).toBe('election roll objections-close');
    expect(route('result.tie.decide')).toBe('election tie decide');
    // the nomination module's one-word commands joined the nominations group, and the organisation's
    // settings the org group (the tie group took the root's last place)
    expect(route('nomination.second')).toBe('election nominations second');
    expect(route('nomination.accept')).toBe('election nominations accept');
    expect(route('nomination.decline')).toBe('election nominations decline');
    // past 8000 characters the last group, org, is a command of its own (spill.ts)
    expect(route('org.language')).toBe('org language');
    expect(route('org.timezone')).toBe('org timezone');
    expect(route('org.retention')).toBe('org retention');
    // the paper group took one more place: the result module's one-word commands made a group of theirs
    expect(route('paper.batch')).toBe('election paper batch');
    expect(route('result.announce')).toBe('election result announce');
    expect(route('result.certify')).toBe('election result certify');
    // /election is full: the objection commands (issue 14) are a command of their own, named as typed
    expect(route('objection.file')).toBe('objection file');
    expect(route('objection.appeal.decide')).toBe('objection appeal-decide');
    expect(route('objection.panel')).toBe('org appeal-panel');
    const own = sent.find((c: CommandJson) => c.name === 'objection');
    expect(own.options.map((o: { name: string }) => o.name)).toEqual([
      'file',
      'list',
      'show',
      'assign',
      'findings',
      'decide',
      'appeal',
      'appeal-decide',
    ]);
    for (const [key, spec] of table.routes) {
      if (key.startsWith('objection ')) continue;
      const gathered = ['nomination.', 'org.', 'result.'].some((m) => spec.id.startsWith(m));
      if (gathered && spec.path.length === 1) continue;
      if (!key.startsWith('election ')) continue; // a shortcut (/vote) or a group of its own (/org)
      const deployed = key.split(' ').slice(1);
      expect(deployed[0], spec.id).toBe(spec.path[0]);
    }
    const root = sent.find((c: CommandJson) => c.name === 'election');
    // the objection commands never joined it, and the org group left for a command of its own; the
    // report (result report) and the survey's option took the room the archive group had, so it left too
    expect(root.options).toHaveLength(22);
    const archive = sent.find((c: CommandJson) => c.name === 'archive');
    expect(archive.options.map((o: { name: string }) => o.name).sort()).toEqual([
      'answer',
      'export',
      'request',
      'run',
    ]);
    const org = sent.find((c: CommandJson) => c.name === 'org');
    expect(org.options.map((o: { name: string }) => o.name)).toEqual([
      'language',
      'timezone',
      'retention',
      'appeal-panel',
    ]);
    for (const locale of [undefined, 'zh-CN'])
      expect(commandChars(root, locale)).toBeLessThanOrEqual(MAX_COMMAND_CHARS);
  });
});

describe('gathering one-word commands', () => {
  // SPECS take 6 entries once /vote and /nominate leave /election to their shortcuts
  const filler = (n: number) => Array.from({ length: n }, (_, i) => oneWord(`f${i}.run`, `f${i}`));

  it('happens only past 25 entries: a registry that fits keeps the README’s words', () => {
    const specs = [...SPECS, oneWord('org.language', 'language'), oneWord('org.timezone', 'timezone')];
    const table = buildCommandTable({ commands: specs, translate });
    expect(table.routes.get('election language')?.id).toBe('org.language');
    expect(table.routes.get('election timezone')?.id).toBe('org.timezone');
  });

  it('makes a group named by the module when there is none, saving one entry', () => {
    const specs = [
      ...SPECS,
      ...filler(18),
      oneWord('org.language', 'language'),
      oneWord('org.timezone', 'timezone'),
    ];
    const table = buildCommandTable({ commands: specs, translate });
    const root = table.json.find((c) => c.name === 'election')!;
    expect(root.options!.length).toBeLessThanOrEqual(25);
    expect(table.omitted).toEqual([]);
    expect(table.routes.get('election org language')?.id).toBe('org.language');
    expect(table.routes.get('election org timezone')?.id).toBe('org.timezone');
    // gathering went no further than needed: the filler kept its words
    expect(table.routes.get('election f0')?.id).toBe('f0.run');
  });

  it('joins an existing group of the module’s plural, and never the root’s own name', () => {
    const specs = [
      ...SPECS,
      ...filler(17),
      { ...SPECS[2], id: 'nominations.open', path: ['nominations', 'open'] },
      oneWord('nomination.second', 'second'),
      oneWord('election.cancel', 'cancel'),
    ];
    const table = buildCommandTable({ commands: specs, translate });
    expect(table.omitted).toEqual([]);
    expect(table.routes.get('election nominations second')?.id).toBe('nomination.second');
    expect(table.routes.get('election cancel')?.id).toBe('election.cancel');
    expect([...table.routes.keys()].some((k) => k.startsWith('election election'))).toBe(false);
  });

  it('keeps a module whole: one too big for a group stays, and what does not fit is left to /teller', () => {
    const many = Array.from({ length: 30 }, (_, i) => oneWord(`x.c${i}`, `c${i}`));
    const table = buildCommandTable({ commands: [...SPECS, ...many], translate });
    expect([...table.routes.keys()].some((k) => k.startsWith('election x '))).toBe(false);
    expect(table.omitted.length).toBeGreaterThan(0);
  });
});

describe('the 8000-character budget', () => {
  const option = (name: string, description: string, zh?: string) => ({
    type: 3,
    name,
    description,
    ...(zh ? { description_localizations: { 'zh-CN': zh } } : {}),
  });
  const command = (n: number, description: string, zh?: string): CommandJson => ({
    name: 'election',
    type: 1,
    description: 'Run elections',
    options: Array.from({ length: n }, (_, g) => ({
      type: 2,
      name: `g${g}`,
      description: 'a group',
      options: Array.from({ length: 25 }, (_, s) => ({
        type: 1,
        name: `s${s}`,
        description: 'a subcommand',
        options: [option('when', description, zh)],
      })),
    })),
  });

  it('leaves a command that fits exactly as it was', () => {
    const small = command(1, 'a time such as 2026-12-14 09:00');
    expect(withinBudget(small)).toBe(small);
  });

  it('shortens the longest descriptions just enough, in every locale, keeping names and the root whole', () => {
    const long = 'a time (2026-12-14 09:00) in the organisation’s zone, or a duration after the step before';
    const big = command(
      4,
      long,
      '组织所在时区的时间（2026-12-14 09:00），或前一步骤之后的时长，或 none，'.repeat(2),
    );
    expect(commandChars(big)).toBeGreaterThan(MAX_COMMAND_CHARS);
    const fitted = withinBudget(big);
    for (const locale of [undefined, 'zh-CN']) {
      expect(commandChars(fitted, locale)).toBeLessThanOrEqual(MAX_COMMAND_CHARS);
    }
    expect(commandProblems([fitted])).toEqual([]);
    expect(fitted.description).toBe('Run elections');
    const leaf = fitted.options![0].options![0].options![0];
    expect(leaf.name).toBe('when');
    expect(leaf.description.endsWith('…')).toBe(true);
    expect(leaf.description.length).toBeGreaterThan(40);
    expect(long.startsWith(leaf.description.slice(0, -1))).toBe(true);
  });

  it('cuts at a word where one is near, and CJK text where it stands', () => {
    expect(shorten('a duration after the step before', 20)).toBe('a duration after…');
    expect(shorten('组织所在时区的时间或时长', 6)).toBe('组织所在时…');
    expect(shorten('short', 20)).toBe('short');
  });

  it('moves whole groups, the last first, to commands of their own when shortening cannot fit them', () => {
    // 20 groups of 25 subcommands with a 30-character option: far past 8000 however short the texts
    const big = command(20, 'a time such as 2026-12-14 09:00');
    expect(commandChars(withinBudget(big))).toBeGreaterThan(MAX_COMMAND_CHARS);
    const { root, commands, moved } = spillGroups(big, new Set(['vote']));
    expect(moved[0]).toBe('g19');
    expect(root.options!.map((o) => o.name)).toEqual(
      Array.from({ length: 20 - moved.length }, (_, g) => `g${g}`),
    );
    for (const c of [root, ...commands])
      expect(commandChars(withinBudget(c))).toBeLessThanOrEqual(MAX_COMMAND_CHARS);
    // each moved group keeps all its subcommands, options and descriptions
    expect(commands.map((c) => c.name)).toEqual([...moved].reverse());
    expect(commands[0]!.options).toHaveLength(25);
    expect(commandProblems([withinBudget(root), ...commands.map(withinBudget)])).toEqual([]);
  });
});
