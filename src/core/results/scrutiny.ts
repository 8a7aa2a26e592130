// The scrutineers' part in the count (C12, issue 13): how many confirmations the count needs, who
// confirmed it with what observation, who disputed it and whether the organisers resolved it. All of it
// is read from the audit chain since the count last changed (the count itself, a tie decision, a
// recount), so what the announcement says of the scrutiny is what the record says.
import type { Translate } from '../../i18n/index.js';
import type { ElectionContext } from '../kit/context.js';
import { mention } from '../kit/say.js';
import { notifyMember } from '../notices/notice.service.js';
import { planConfirmReminder } from '../elections/timetable.js';
import type { AuditEntry } from '../audit/audit.types.js';
import { announcement } from './result.view.js';

/** Events that make a new version of the count: confirmations of an earlier one no longer stand. */
const NEW_COUNT = new Set(['phase.counted', 'tie.decided', 'count.recounted']);

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

/**
 * The count waits on the scrutineers: each sees the tally privately, before anyone else, with how to
 * confirm or dispute it; those who have not answered a day later are reminded (the job checks the
 * election is still waiting).
 */
export async function askScrutineers(ctx: ElectionContext): Promise<void> {
  const e = ctx.election;
  const s = await scrutinyOf(ctx);
  if (s.scrutineers.length === 0) return;
  const contests = await ctx.tx.contests.list(e.id);
  const results = await ctx.tx.results.list(e.id);
  const weighted = (await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1);
  // once per version of the count: the count itself, then each change to it
  const version = (await ctx.tx.audit.list(e.id)).filter((a) => NEW_COUNT.has(a.event)).length;
  for (const memberId of s.scrutineers)
    await notifyMember(ctx, memberId, `confirm-ask:${version}:${memberId}`, (t) => {
      const tally = announcement(t, e.title, contests, results, weighted, []);
      return {
        ...tally,
        title: t('scrutiny.private_title', { number: e.number, title: e.title }),
        text: t('count.please_confirm', { number: e.number, title: e.title }),
        tone: 'info',
      };
    });
  await planConfirmReminder(ctx, e, new Date(ctx.now.getTime() + 86_400_000));
}
