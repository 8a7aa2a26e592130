// Election names for autocomplete, from the core's read-only election query: the same elections
// `/election list` shows any member of the server, as data rather than read back out of its reply.
import type { Invocation } from '../../../src/core/index.js';
import type { HandlerDeps } from './handler-deps.js';

const MAX_CHOICES = 25;
/** Discord's limit on an autocomplete choice's name */
const MAX_NAME = 100;

export async function electionChoices(
  deps: HandlerDeps,
  base: Omit<Invocation, 'command' | 'args'>,
  typed: string,
): Promise<{ name: string; value: string }[]> {
  let found: { name: string; value: string }[];
  try {
    const elections = await deps.core.elections({
      platform: base.platform,
      platformOrgId: base.platformOrgId,
    });
    found = elections.map((e) => ({
      name: `#${e.number} ${e.title}`.slice(0, MAX_NAME),
      value: String(e.number),
    }));
  } catch (err) {
    // autocomplete is a convenience: a failed read still lets the member pick the number they typed
    deps.logger.warn('discord autocomplete could not read the elections', { error: String(err) });
    return echo(typed);
  }
  const needle = typed.replace(/^#/, '').toLowerCase();
  const matching = found.filter(
    (e) => !needle || e.value.startsWith(needle) || e.name.toLowerCase().includes(needle),
  );
  return matching.length > 0 ? matching.slice(0, MAX_CHOICES) : echo(typed);
}

/** what the member typed, so a known number still works when the list cannot be read */
function echo(typed: string): { name: string; value: string }[] {
  const n = typed.replace(/^#/, '').trim();
  return /^\d+$/.test(n) ? [{ name: `#${n}`, value: n }] : [];
}
