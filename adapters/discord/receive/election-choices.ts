// Election names for autocomplete. The core's public entry has no query for "elections of this
// server", so this asks the registry's election list as the member (so they see only what the list
// would show them) and reads "#3 Title" entries from its fields and lines.
import type { Invocation, MessageBody } from '../../../src/core/index.js';
import type { HandlerDeps } from './handler-deps.js';

const LIST_COMMAND = 'election.list';
const MAX_CHOICES = 25;

export async function electionChoices(
  deps: HandlerDeps,
  base: Omit<Invocation, 'command' | 'args'>,
  typed: string,
): Promise<{ name: string; value: string }[]> {
  if (!deps.core.commands.some((c) => c.id === LIST_COMMAND)) return echo(typed);
  const res = await deps.dispatch({ ...base, command: LIST_COMMAND, args: {} });
  if (res.kind !== 'ok') return echo(typed);
  const found = entriesOf(res.reply.body);
  const needle = typed.replace(/^#/, '').toLowerCase();
  const matching = found.filter(
    (e) => !needle || e.value.startsWith(needle) || e.name.toLowerCase().includes(needle),
  );
  return matching.length > 0 ? matching.slice(0, MAX_CHOICES) : echo(typed);
}

export function entriesOf(body: MessageBody): { name: string; value: string }[] {
  const out = new Map<string, string>();
  const add = (line: string) => {
    const m = /#(\d+)\s*[-–—:·.]?\s*(.*)$/.exec(line.replace(/[*_`]/g, ''));
    if (m && !out.has(m[1])) out.set(m[1], `#${m[1]} ${m[2]}`.trim().slice(0, 100));
  };
  for (const f of body.fields ?? []) add(`${f.label} ${f.value.split('\n')[0]}`);
  for (const line of body.text.split('\n')) add(line);
  for (const a of body.actions ?? [])
    if (a.args.election && !out.has(a.args.election))
      out.set(a.args.election, `#${a.args.election} ${a.label}`.slice(0, 100));
  return [...out].map(([value, name]) => ({ name, value }));
}

/** what the member typed, so a known number still works when the list cannot be read */
function echo(typed: string): { name: string; value: string }[] {
  const n = typed.replace(/^#/, '').trim();
  return /^\d+$/.test(n) ? [{ name: `#${n}`, value: n }] : [];
}
