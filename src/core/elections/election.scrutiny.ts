// The scrutineers' part in the count (C12, issue 13): how many confirmations the count needs, who
// confirmed it with what observation, who disputed it and whether the organisers resolved it. All of it
// is read from the audit chain since the count last changed (the count itself, a tie decision, a
// recount), so what the announcement says of the scrutiny is what the record says. Here, below the
// ballot box and the results, because both keep a count hidden until it is confirmed.
import type { Translate } from '../../i18n/index.js';
import type { ElectionContext } from '../kit/context.js';
import { mention } from '../kit/say.js';
import type { AuditEntry } from '../audit/audit.types.js';

/** Events that make a new version of the count: confirmations of an earlier one no longer stand. */
export const NEW_COUNT = new Set(['phase.counted', 'tie.decided', 'count.recounted']);

export interface Scrutiny {
  scrutineers: string[];
  /** confirmations the count needs before anyone else sees it: the setting, or all scrutineers up to two */
  needed: number;
  confirmed: { memberId: string; observation: string | null }[];
  disputes: { memberId: string; note: string; resolution: string | null }[];
  /** the count may be shown and announced: enough confirmations, and no dispute left open */
  clear: boolean;
}

function sinceCount(log: readonly AuditEntry[]): readonly AuditEntry[] {
  let from = 0;
  // the chain's order, not the clock: a decision and a confirmation may share a millisecond
  log.forEach((a, i) => {
    if (NEW_COUNT.has(a.event)) from = i;
  });
  return log.slice(from);
}

export async function scrutinyOf(ctx: ElectionContext): Promise<Scrutiny> {
  const e = ctx.election;
  const scrutineers = (await ctx.tx.roles.list(e.id))
    .filter((r) => r.role === 'scrutineer')
    .map((r) => r.memberId);
  const needed = e.settings.confirmations ?? Math.min(scrutineers.length, 2);
  const recent = sinceCount(await ctx.tx.audit.list(e.id));
  const confirmed = new Map<string, string | null>();
  const disputes: Scrutiny['disputes'] = [];
  for (const a of recent) {
    if (a.event === 'count.confirmed' && !confirmed.has(a.actor))
      confirmed.set(a.actor, (a.data.observation as string | undefined) ?? null);
    if (a.event === 'count.disputed')
      disputes.push({ memberId: a.actor, note: String(a.data.note), resolution: null });
    if (a.event === 'count.resolved') for (const d of disputes) d.resolution ??= String(a.data.note);
  }
  const list = [...confirmed].map(([memberId, observation]) => ({ memberId, observation }));
  return {
    scrutineers,
    needed,
    confirmed: list,
    disputes,
    clear: list.length >= needed && disputes.every((d) => d.resolution !== null),
  };
}

/** The members whose confirmation stands for the count as it is now. */
export async function standingConfirmations(ctx: ElectionContext): Promise<string[]> {
  return (await scrutinyOf(ctx)).confirmed.map((c) => c.memberId);
}

/**
 * The scrutineers' conclusion (监督情况及结论) as the announcement gives it: who confirmed, with their
 * observations; each dispute and how the organisers resolved it.
 */
export function conclusionLines(t: Translate, s: Scrutiny): string[] {
  const lines = s.confirmed.map((c) =>
    c.observation
      ? t('scrutiny.confirmed_with', { member: mention(c.memberId), observation: c.observation })
      : t('scrutiny.confirmed_line', { member: mention(c.memberId) }),
  );
  for (const d of s.disputes)
    lines.push(
      t('scrutiny.dispute_line', {
        member: mention(d.memberId),
        note: d.note,
        resolution: d.resolution ?? '—',
      }),
    );
  return lines;
}
