// One set of definitions drives both deployment and dispatch: the deployed JSON and the route table
// that maps an incoming /election group/subcommand back to its CommandSpec come from the same walk
// over core.commands, so they cannot drift apart.
import { ApplicationCommandOptionType as Opt, PermissionFlagsBits } from 'discord.js';
import { argLabel, type ArgSpec, type CommandSpec, type TellerCore } from '../../../src/core/index.js';
import { clip } from '../../shared/index.js';
import { withinBudget } from './budget.js';
import { spillGroups } from './spill.js';
import { deployedPaths, groupWords, MAX_CHILDREN, type Paths, rootEntries, slug } from './gather.js';

export const ROOT = 'election';
/** Discord-only: who may create elections (a role, or Manage Server by default) */
export const SETTINGS_COMMAND = 'teller-settings';
/** every command by its typed words, for anything deployment had no room for */
export const TEXT_COMMAND = 'teller';

/**
 * Groups deployed as a command of their own rather than under /election, which has no room left: its 25
 * entries are taken, and its names and shortest descriptions come close to Discord's 8000 characters.
 * The objection commands (issue 14) are `/objection file`, `/objection decide` … on Discord.
 */
export const OWN_COMMANDS: readonly string[] = ['objection'];

const ownGroup = (spec: CommandSpec) =>
  spec.path.length >= 2 && OWN_COMMANDS.includes(slug(spec.path[0])) ? slug(spec.path[0]) : undefined;

// Discord's own limit on a description (and MAX_CHILDREN, 25 entries a level, in gather.ts)
const MAX_DESCRIPTION = 100;

export interface CommandOptionJson {
  type: number;
  name: string;
  description: string;
  description_localizations?: Record<string, string>;
  required?: boolean;
  choices?: { name: string; value: string }[];
  autocomplete?: boolean;
  min_value?: number;
  max_value?: number;
  options?: CommandOptionJson[];
}

export interface CommandJson {
  name: string;
  type: 1;
  description: string;
  description_localizations?: Record<string, string>;
  options?: CommandOptionJson[];
  default_member_permissions?: string;
  contexts?: number[];
}

export interface CommandTable {
  json: CommandJson[];
  /** route key ('election roll add', 'vote') -> spec */
  routes: Map<string, CommandSpec>;
  /** specs that did not fit Discord's 25-per-level limit; reachable through /teller */
  omitted: string[];
}

export function buildCommandTable(core: Pick<TellerCore, 'commands' | 'translate'>): CommandTable {
  const describe = (key: string) => describeIn(core, key);
  const routes = new Map<string, CommandSpec>();
  const omitted: string[] = [];
  const listed = servedUnderRoot(core.commands.filter((c) => c.listed && !ownGroup(c)));
  const paths = deployedPaths(listed, ROOT);
  const groupNames = groupWords(paths);

  const top: CommandOptionJson[] = [];
  const groups = new Map<string, CommandOptionJson>();
  for (const spec of listed) {
    const path = paths.get(spec) ?? spec.path;
    if (path.length === 0) continue;
    const first = slug(path[0]);
    // a one-word command whose word is also a group ('count' beside 'count confirm') goes inside the
    // group under its id's last word ('count run'), since Discord cannot run a group by itself
    const [group, sub] =
      path.length >= 2
        ? [first, slug(path.slice(1).join('-'))]
        : groupNames.has(first)
          ? [first, innerName(spec, paths)]
          : [undefined, first];
    const leaf: CommandOptionJson = {
      type: Opt.Subcommand,
      name: sub,
      ...describe(spec.summaryKey),
      options: optionsOf(spec.args, describe),
    };
    if (group === undefined) {
      if (top.length >= MAX_CHILDREN) {
        omitted.push(spec.id);
        continue;
      }
      top.push(leaf);
      routes.set(`${ROOT} ${sub}`, spec);
      continue;
    }
    let g = groups.get(group);
    if (!g) {
      if (top.length >= MAX_CHILDREN) {
        omitted.push(spec.id);
        continue;
      }
      g = { type: Opt.SubcommandGroup, name: group, ...describe(`discord.group.${group}`), options: [] };
      if (g.description === `discord.group.${group}`) g.description = group;
      groups.set(group, g);
      top.push(g);
    }
    if (g.options!.length >= MAX_CHILDREN) {
      omitted.push(spec.id);
      continue;
    }
    g.options!.push(leaf);
    routes.set(`${ROOT} ${group} ${sub}`, spec);
  }

  // contexts [0]: guild channels only. Elections belong to a server, so Discord should not offer the
  // commands in DMs at all (ballot buttons in DMs are components, not commands, and still work).
  const taken = new Set([
    ROOT,
    TEXT_COMMAND,
    SETTINGS_COMMAND,
    ...core.commands.flatMap((s) => (s.aliases ?? []).map(slug)),
  ]);
  const spilled = spillGroups(
    { name: ROOT, type: 1, ...describe('discord.command.election'), contexts: [0], options: top },
    taken,
  );
  for (const group of spilled.moved)
    for (const [key, spec] of [...routes])
      if (key.startsWith(`${ROOT} ${group} `)) {
        routes.delete(key);
        routes.set(key.slice(ROOT.length + 1), spec);
      }
  const json: CommandJson[] = [spilled.root, ...spilled.commands];
  // the shortcuts, one command of their own per alias in the registry: `/vote 3`, `/nominate 3 1 @x`
  for (const spec of core.commands)
    for (const name of (spec.aliases ?? []).map(slug)) {
      json.push({
        name,
        type: 1,
        ...describe(spec.summaryKey),
        contexts: [0],
        options: optionsOf(spec.args, describe),
      });
      routes.set(name, spec);
    }
  // the groups with a command of their own: `/objection file 3 President "…"`
  for (const name of OWN_COMMANDS) {
    const subs: CommandOptionJson[] = [];
    for (const spec of core.commands.filter((c) => c.listed && ownGroup(c) === name)) {
      const sub = slug(spec.path.slice(1).join('-'));
      if (subs.length >= MAX_CHILDREN) {
        omitted.push(spec.id);
        continue;
      }
      subs.push({
        type: Opt.Subcommand,
        name: sub,
        ...describe(spec.summaryKey),
        options: optionsOf(spec.args, describe),
      });
      routes.set(`${name} ${sub}`, spec);
    }
    if (subs.length > 0)
      json.push({ name, type: 1, ...describe(`discord.command.${name}`), contexts: [0], options: subs });
  }
  json.push({
    name: TEXT_COMMAND,
    type: 1,
    ...describe('discord.command.teller'),
    contexts: [0],
    options: [{ type: Opt.String, name: 'command', required: true, ...describe('discord.option.command') }],
  });
  json.push({
    name: SETTINGS_COMMAND,
    type: 1,
    ...describe('discord.command.settings'),
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    contexts: [0],
    options: [
      {
        type: Opt.Subcommand,
        name: 'creator-role',
        ...describe('discord.settings.creator_role'),
        options: [{ type: Opt.Role, name: 'role', required: false, ...describe('discord.option.role') }],
      },
    ],
  });
  return { json: json.map(withinBudget), routes, omitted };
}

function innerName(spec: CommandSpec, paths: Paths): string {
  const last = slug(spec.id.split('.').pop() ?? 'show');
  const taken = [...paths.values()].some(
    (p) => p.length >= 2 && slug(p[0]) === slug(spec.path[0]) && slug(p.slice(1).join('-')) === last,
  );
  return taken || last === slug(spec.path[0]) ? 'show' : last;
}

function optionsOf(args: readonly ArgSpec[], describe: (key: string) => Described): CommandOptionJson[] {
  // Discord requires every required option to come before the optional ones.
  const sorted = [...args].sort((a, b) => Number(b.required) - Number(a.required));
  return sorted.slice(0, MAX_CHILDREN).map((a) => {
    const o: CommandOptionJson = {
      type: optionType(a),
      name: optionName(a),
      ...describe(a.descriptionKey),
      required: a.required,
    };
    if (a.kind === 'election') o.autocomplete = true;
    if (a.kind === 'choice' && a.choices && a.choices.length <= MAX_CHILDREN)
      o.choices = a.choices.map((c) => ({ name: c, value: c }));
    if (a.kind === 'int') {
      if (a.min !== undefined) o.min_value = a.min;
      if (a.max !== undefined) o.max_value = a.max;
    }
    return o;
  });
}

export function optionType(a: ArgSpec): number {
  switch (a.kind) {
    case 'member':
      return Opt.User;
    case 'channel':
      return Opt.Channel;
    case 'int':
      return Opt.Integer;
    default:
      return Opt.String;
  }
}

interface Described {
  description: string;
  description_localizations?: Record<string, string>;
}

function describeIn(core: Pick<TellerCore, 'translate'>, key: string): Described {
  const en = describeText(core.translate('en', key));
  const zh = describeText(core.translate('zh-Hans', key));
  // Discord has two Chinese locales; Simplified is zh-CN.
  return zh && zh !== en
    ? { description: en, description_localizations: { 'zh-CN': zh } }
    : { description: en };
}

function describeText(s: string): string {
  return clip(s.trim() || '-', MAX_DESCRIPTION);
}

/**
 * An option's name: the argument as the README spells it (`objection-days`, `self-nomination`), which
 * Discord allows (lowercase, 1-32 of letters, digits, - and _). Dispatch maps options back the same way.
 */
export function optionName(a: Pick<ArgSpec, 'name'>): string {
  return slug(argLabel(a.name));
}

/**
 * The commands placed under /election. Discord allows 25 entries there; when the registry needs more,
 * commands that also have a shortcut of their own (`/vote` for `/election vote`) are left to it, last
 * first, before anything has to be left out (and typed through /teller instead).
 */
function servedUnderRoot(listed: readonly CommandSpec[]): CommandSpec[] {
  const entries = (specs: readonly CommandSpec[]) => rootEntries(new Map(specs.map((s) => [s, s.path])));
  const out = [...listed];
  for (let i = out.length - 1; i >= 0 && entries(out) > MAX_CHILDREN; i--) {
    if ((out[i].aliases?.length ?? 0) > 0 && out[i].path.length === 1) out.splice(i, 1);
  }
  return out;
}

export { slug };
