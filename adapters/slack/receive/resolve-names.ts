// Typed names -> ids, before the core sees a command. Slack (should_escape: false) sends a member or
// channel picked from autocomplete as `<@U123|carol>` / `<#C123|branch-elections>`, but one typed by hand
// as `@carol` / `#branch-elections`. The core would take `carol` for a member id and store a member who
// does not exist; so every member and channel argument that is not already an id is looked up here and
// rewritten in place, token by token, using the core's own tokenizer so the core reads the rest exactly
// as typed. A name that matches nobody, or several people, refuses the command: never guess a member.

import type { WebClient } from '@slack/web-api';
import { argsFromText, tokenSpans, type ArgSpec, type CommandSpec } from '../../../src/core/index.js';
import type { DirectoryUser, SlackDirectory } from './directory.js';

/** a refusal, as a catalog key: the caller translates it into the member's language */
export interface NameProblem {
  arg: string;
  key: string;
  params: Record<string, string>;
}

export type Resolved =
  | { ok: true; text: string; memberIds: string[] }
  | { ok: false; problems: NameProblem[] };

const MEMBER_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;
const CHANNEL_MENTION = /^<#([CGD][A-Z0-9]+)(?:\|[^>]*)?>$/;
/** Slack's own mentions of groups and everyone: not members, left for the core to refuse */
const SPECIAL = /^<[!^]/;

/** Drop the command's words from the front, keeping the arguments verbatim (as the core does). */
export function splitPath(text: string, path: readonly string[]): { head: string; rest: string } {
  let rest = text.trimStart();
  for (let i = 0; i < path.length; i++) rest = rest.replace(/^\S+\s*/, '');
  return { head: text.slice(0, text.length - rest.length), rest };
}

export async function resolveNames(
  directory: SlackDirectory,
  client: WebClient,
  teamId: string,
  spec: CommandSpec,
  text: string,
): Promise<Resolved> {
  const spans = tokenSpans(text);
  const { sources } = argsFromText(text, spec.args);
  const replacements = new Map<number, string>();
  const memberIds: string[] = [];
  const problems: NameProblem[] = [];

  for (const arg of spec.args) {
    if (arg.kind !== 'member' && arg.kind !== 'members' && arg.kind !== 'channel') continue;
    for (const index of sources[arg.name] ?? []) {
      const token = spans[index];
      // given as name=value (the core's rule: the name is this argument's), or positionally
      const named = /^([A-Za-z][\w-]*)=(.*)$/s.exec(token.value);
      const isNamed = named !== null && nameMatches(named[1], arg);
      const value = isNamed ? named[2] : token.value;
      // "@ann,@bob" typed as one token becomes one token per member; members="…" splits on spaces too
      // (as the core splits that string); a quoted "@Carol Chen" is one name
      const parts =
        arg.kind === 'members'
          ? value
              .split(isNamed ? /[\s,;]+/ : /[,;]+/)
              .map((p) => p.trim())
              .filter(Boolean)
          : [value];
      const out: string[] = [];
      // a comma list is always rewritten, into one token per member
      let changed = parts.length > 1;
      for (const part of parts) {
        const r =
          arg.kind === 'channel'
            ? await channelOf(directory, client, teamId, part)
            : await memberOf(directory, client, teamId, part);
        if ('problem' in r) problems.push({ arg: arg.name, ...r.problem });
        else {
          if (r.id && !memberIds.includes(r.id) && arg.kind !== 'channel') memberIds.push(r.id);
          changed ||= r.text !== part;
          out.push(r.text);
        }
      }
      if (!changed || problems.length > 0) continue;
      // ids and mentions hold no spaces or quotes; several members stay separate tokens unless the
      // argument was given by name (members="…"), where they must stay one token
      const joined = out.join(' ');
      replacements.set(index, isNamed ? `${named![1]}=${out.length > 1 ? `"${joined}"` : joined}` : joined);
    }
  }
  if (spec.id === ROLL_IMPORT)
    await resolveImportList(
      directory,
      client,
      teamId,
      text,
      spans,
      sources.list ?? [],
      replacements,
      memberIds,
      problems,
    );
  if (problems.length > 0) return { ok: false, problems };
  let rewritten = text;
  // right to left, so earlier spans keep their offsets
  for (const index of [...replacements.keys()].sort((a, b) => b - a)) {
    const span = spans[index];
    rewritten = rewritten.slice(0, span.start) + replacements.get(index)! + rewritten.slice(span.end);
  }
  return { ok: true, text: rewritten, memberIds };
}

/** `roll import`'s list is free text to the registry but holds members: one per entry, with an optional weight */
const ROLL_IMPORT = 'roll.import';
const QUOTES: Record<string, string> = { '"': '"', '“': '”', "'": "'" };

/**
 * Entries are separated by commas, semicolons or line breaks ("@ann 2, @bob, <@U9>:3"); the first word of
 * each is a member, resolved like any other; weights and mentions stay as typed.
 */
async function resolveImportList(
  directory: SlackDirectory,
  client: WebClient,
  teamId: string,
  text: string,
  spans: ReturnType<typeof tokenSpans>,
  indexes: number[],
  replacements: Map<number, string>,
  memberIds: string[],
  problems: NameProblem[],
): Promise<void> {
  for (const index of indexes) {
    const token = spans[index];
    const named = /^list=(.*)$/s.exec(token.value);
    const value = named ? named[1] : token.value;
    const pieces = value.split(/([\n,;]+)/);
    let changed = false;
    for (let i = 0; i < pieces.length; i += 2) {
      // "@ann", "@ann 2", "@ann:2", a quoted "@Carol Chen 2", or a weight token of the entry before ("2")
      const m = /^(\s*)(.+?)((?:[\s:=]+\d+(?:\.\d+)?)?\s*)$/s.exec(pieces[i]);
      if (!m || /^\d+(?:\.\d+)?$/.test(m[2])) continue;
      const r = await memberOf(directory, client, teamId, m[2]);
      if ('problem' in r) {
        problems.push({ arg: 'list', ...r.problem });
        continue;
      }
      if (r.id && !memberIds.includes(r.id)) memberIds.push(r.id);
      if (r.text !== m[2]) {
        pieces[i] = m[1] + r.text + m[3];
        changed = true;
      }
    }
    if (!changed) continue;
    // keep the token's own form: list=…, and its quotes if it had them
    const raw = text.slice(token.start, token.end);
    const prefix = named ? 'list=' : '';
    const open = raw.slice(prefix.length, prefix.length + 1);
    const close = QUOTES[open];
    replacements.set(
      index,
      close ? `${prefix}${open}${pieces.join('')}${close}` : `${prefix}${pieces.join('')}`,
    );
  }
}

function nameMatches(typed: string, arg: ArgSpec): boolean {
  const camel = typed.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return camel === arg.name || typed === arg.name;
}

type One = { text: string; id?: string } | { problem: Omit<NameProblem, 'arg'> };
const problem = (key: string, params: Record<string, string>): One => ({ problem: { key, params } });

async function memberOf(
  directory: SlackDirectory,
  client: WebClient,
  teamId: string,
  typed: string,
): Promise<One> {
  const mention = MEMBER_MENTION.exec(typed);
  if (mention) return { text: typed, id: mention[1] };
  if (SPECIAL.test(typed) || typed.startsWith('<')) return { text: typed };
  try {
    const found = await directory.findMember(client, teamId, typed);
    if (found.kind === 'one') return { text: `<@${found.item.id}>`, id: found.item.id };
    if (found.kind === 'none') return problem('slack.name.no_member', { name: shownAs(typed, '@') });
    return problem('slack.name.ambiguous_member', {
      name: shownAs(typed, '@'),
      candidates: candidates(found.items),
    });
  } catch {
    return problem('slack.name.lookup_failed', { name: shownAs(typed, '@') });
  }
}

async function channelOf(
  directory: SlackDirectory,
  client: WebClient,
  teamId: string,
  typed: string,
): Promise<One> {
  if (CHANNEL_MENTION.test(typed) || typed.startsWith('<')) return { text: typed };
  try {
    const found = await directory.findChannel(client, teamId, typed);
    if (found.kind === 'one') return { text: `<#${found.item.id}>` };
    return problem('slack.name.no_channel', { name: shownAs(typed, '#') });
  } catch {
    return problem('slack.name.lookup_failed', { name: shownAs(typed, '#') });
  }
}

/** does this command take a member or a channel (so typed names must be looked up)? */
export function takesNames(spec: CommandSpec): boolean {
  return (
    spec.id === ROLL_IMPORT ||
    spec.args.some((a) => a.kind === 'member' || a.kind === 'members' || a.kind === 'channel')
  );
}

const shownAs = (typed: string, sigil: string) => (typed.startsWith(sigil) ? typed : `${sigil}${typed}`);

/** "Carol (Carol Smith), Carol (Carol Jones)": the display name, and the real name when it tells them apart */
function candidates(users: DirectoryUser[]): string {
  return users
    .slice(0, 10)
    .map((u) =>
      u.realName && u.realName !== u.shown
        ? `${u.shown} (${u.realName})`
        : u.name && u.name !== u.shown
          ? `${u.shown} (@${u.name})`
          : u.shown,
    )
    .join(', ');
}
