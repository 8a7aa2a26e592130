import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommandTable, deployCommands } from '../../../adapters/discord/index.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { commandProblems } from '../../fakes/discord/command-limits.js';
import { harness } from '../../core/harness.js';
import { FakeCore, SPECS } from '../../fakes/discord/fake-core.js';

/** every (route key -> leaf options) the deployed JSON exposes */
function leaves(json: any[]): Map<string, any[]> {
  const out = new Map<string, any[]>();
  for (const cmd of json) {
    const opts = cmd.options ?? [];
    if (!opts.some((o: any) => o.type === 1 || o.type === 2)) out.set(cmd.name, opts);
    for (const o of opts) {
      if (o.type === 1) out.set(`${cmd.name} ${o.name}`, o.options ?? []);
      if (o.type === 2)
        for (const s of o.options ?? []) out.set(`${cmd.name} ${o.name} ${s.name}`, s.options ?? []);
    }
  }
  return out;
}

describe('deploy-commands', () => {
  let discord: FakeDiscord;
  beforeEach(async () => {
    discord = new FakeDiscord();
    await discord.start();
  });
  afterEach(() => discord.stop());

  it('registers exactly the definitions that dispatch routes by, for one guild', async () => {
    const core = new FakeCore();
    const result = await deployCommands({
      core,
      token: 't',
      applicationId: discord.applicationId,
      guildId: '42',
      apiUrl: discord.apiUrl,
    });
    const sent = discord.deployed.get('42')!;
    const table = buildCommandTable(core);
    expect(sent).toEqual(JSON.parse(JSON.stringify(table.json)));
    expect(result).toMatchObject({ scope: 'guild', omitted: [] });
    expect(discord.deployed.has('global')).toBe(false);

    const routes = leaves(sent);
    // every listed command reachable, every route deployed maps back to the spec it was built from
    for (const spec of SPECS.filter((s) => s.listed)) expect([...table.routes.values()]).toContain(spec);
    for (const [key, spec] of table.routes) {
      expect(routes.has(key), key).toBe(true);
      expect(spec.listed).toBe(true);
    }
    expect([...table.routes.values()].some((s) => s.id === 'ballot.cast')).toBe(false);
    expect(routes.get('vote')).toBeDefined();
    expect(routes.get('nominate')).toBeDefined();
    expect(table.routes.get('election roll show')?.id).toBe('roll.show');
  });

  it('types the options from the argument kinds', async () => {
    const core = new FakeCore();
    await deployCommands({ core, token: 't', applicationId: discord.applicationId, apiUrl: discord.apiUrl });
    const routes = leaves(discord.deployed.get('global')!);
    const nominate = routes.get('election nominate')!;
    expect(nominate.find((o) => o.name === 'member')).toMatchObject({ type: 6, required: true });
    expect(nominate.find((o) => o.name === 'election')).toMatchObject({ type: 3, autocomplete: true });
    const create = routes.get('election create')!;
    expect(create.find((o) => o.name === 'channel')).toMatchObject({ type: 7, required: false });
    const contest = routes.get('election contest add')!;
    expect(contest.find((o) => o.name === 'seats')).toMatchObject({ type: 4, min_value: 1, max_value: 50 });
    expect(contest.find((o) => o.name === 'method')?.choices?.map((c: any) => c.value)).toEqual([
      'plurality',
      'irv',
      'score',
    ]);
    // Discord refuses a required option after an optional one
    for (const opts of routes.values()) {
      const firstOptional = opts.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(opts.slice(firstOptional).every((o) => !o.required)).toBe(true);
    }
    // offered in servers only: an election belongs to a server
    expect(discord.deployed.get('global')!.map((c) => c.contexts)).toEqual(
      discord.deployed.get('global')!.map(() => [0]),
    );
    const settings = discord.deployed.get('global')!.find((c) => c.name === 'teller-settings');
    expect(settings.default_member_permissions).toBe(String(1n << 5n));
    expect(
      discord.deployed.get('global')!.find((c) => c.name === 'election').description_localizations?.['zh-CN'],
    ).toBe('举办选举：设置、提名、投票、计票');
  });

  it('keeps Discord limits: 25 entries a level, names lowercase, descriptions at most 100', () => {
    const core = new FakeCore();
    const many = Array.from({ length: 30 }, (_, i) => ({ ...SPECS[1], id: `x.c${i}`, path: [`C${i}`] }));
    (core as any).commands = [...SPECS, ...many];
    const table = buildCommandTable(core);
    const root = table.json.find((c) => c.name === 'election')!;
    expect(root.options!.length).toBe(25);
    // 8 entries from the registry (5 commands, 3 groups) would fill first; with too many, the two that
    // have shortcuts of their own (/vote, /nominate) leave /election to them: 19 extras fit, 11 do not
    expect(table.omitted).toEqual(Array.from({ length: 11 }, (_, i) => `x.c${i + 19}`));
    expect(table.routes.has('election c18')).toBe(true);
    expect(table.routes.has('election c19')).toBe(false);
    expect(table.routes.has('election vote')).toBe(false);
    expect(table.routes.get('vote')?.id).toBe('ballot.get');
    expect(table.routes.get('nominate')?.id).toBe('nomination.create');
    for (const o of root.options!) expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
    for (const c of table.json) expect(c.description.length).toBeLessThanOrEqual(100);
  });

  it('deploys the real registry within Discord limits, every listed command reachable', async () => {
    const { core } = harness();
    const result = await deployCommands({
      core,
      token: 't',
      applicationId: discord.applicationId,
      guildId: '7',
      apiUrl: discord.apiUrl,
    });
    const sent = discord.deployed.get('7')!;
    expect(commandProblems(sent)).toEqual([]);
    const table = buildCommandTable(core);
    const routed = new Set([...table.routes.values()].map((s) => s.id));
    const unreachable = core.commands.filter((c) => c.listed && !routed.has(c.id)).map((c) => c.id);
    // what did not fit under /election is still reachable through /teller, and reported
    expect(result.omitted).toEqual(unreachable);
    expect(result.omitted.length).toBeLessThanOrEqual(2);
    expect(leaves(sent).has('election count run')).toBe(routed.has('result.count.run'));
  });

  it('names commands and options as the README does, where Discord allows it (issue 9)', () => {
    const { core } = harness();
    const table = buildCommandTable(core);
    // /election help exists, and nothing is left out
    expect(table.routes.get('election help')?.id).toBe('help');
    expect(table.omitted).toEqual([]);
    const routes = leaves(table.json);
    expect(routes.get('election configure')!.map((o) => o.name)).toEqual([
      'election',
      'seconders',
      'self-nomination',
      'objection-days',
      'objection-decision-days',
      'candidate-notice-days',
      'roll-objection-days',
      'reminders',
      'preset',
      'differential',
      'proxy-limit',
      'turnout',
      'confirmations',
      'survey',
      'override',
    ]);
    expect(routes.get('election schedule')!.map((o) => o.name)).toEqual([
      'election',
      'roll-publish',
      'roll-objections-close',
      'nominations-open',
      'nominations-close',
      'candidates-publish',
      'voting-open',
      'voting-close',
      'certify',
      'override',
    ]);
    expect(routes.get('election contest add')!.map((o) => o.name)).toEqual(
      expect.arrayContaining(['max-marks', 'tie-break', 'score-min', 'score-max']),
    );
    // every option is the README's spelling of its argument
    for (const [key, spec] of table.routes) {
      const names = routes
        .get(key)!
        .map((o) => o.name)
        .sort();
      expect(names, key).toEqual(
        spec.args.map((a) => a.name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).sort(),
      );
    }
  });

  it('the fake refuses definitions Discord would refuse', async () => {
    const bad = [
      {
        name: 'Election',
        type: 1,
        description: '',
        options: [
          { type: 3, name: 'a', description: 'x', required: false },
          { type: 3, name: 'b', description: 'y', required: true },
        ],
      },
    ];
    expect(commandProblems(bad)).toEqual([
      'Election: bad name',
      'Election: description must be 1-100 characters',
      'Election.b: required option after an optional one',
    ]);
  });
});
