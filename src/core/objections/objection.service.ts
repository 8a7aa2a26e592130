// What the objection commands share: finding an objection by its reference, the contests it concerns,
// who has a stake in it (and so may neither investigate it nor hear its appeal), who may appeal it, and
// until when.

import type { ElectionContext } from '../kit/context.js';
import { mention } from '../kit/say.js';
import { ACTIVE } from '../nominations/nomination.rules.js';
import type { Contest } from '../shared/election.types.js';
import { fail, ok, type Result } from '../shared/result.js';
import { parseRef } from './objection.rules.js';
import {
  type Appeal,
  DEFAULT_APPEAL_DAYS,
  DEFAULT_DECISION_DAYS,
  type Objection,
  refOf,
} from './objection.types.js';

const DAY = 86_400_000;

export async function findObjection(ctx: ElectionContext, ref: string): Promise<Result<Objection>> {
  const number = parseRef(ref);
  const found =
    number === undefined
      ? undefined
      : (await ctx.tx.objections.list(ctx.election.id)).find((o) => o.number === number);
  return found
    ? ok(found)
    : fail('objection.unknown', { ref: ref.slice(0, 12), number: ctx.election.number }, 'ref');
}

/** Dispatch reads roles only for commands with an access rule; these are open to anyone and ask here. */
export async function isOrganiser(ctx: ElectionContext): Promise<boolean> {
  return (await ctx.tx.roles.list(ctx.election.id)).some(
    (r) => r.memberId === ctx.actor.memberId && r.role === 'organiser',
  );
}

export async function appealOf(ctx: ElectionContext, o: Objection): Promise<Appeal | undefined> {
  return (await ctx.tx.objections.appeals(ctx.election.id)).find((a) => a.objectionId === o.id);
}

/** A contest and every further round of it: one position, however many ballots it took. */
export function chainOf(contests: readonly Contest[], contestId: string): Contest[] {
  const byId = new Map(contests.map((c) => [c.id, c]));
  const root = (c: Contest): Contest => {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    return parent ? root(parent) : c;
  };
  const start = byId.get(contestId);
  if (!start) return [];
  const top = root(start).id;
  return contests.filter((c) => root(c).id === top);
}

/** The round of a contest counted last: no further round continues it. */
export function latestOf(contests: readonly Contest[], contestId: string): Contest | undefined {
  const chain = chainOf(contests, contestId);
  return chain.find((c) => !contests.some((x) => x.parentId === c.id));
}

/** The contests in which a member's nomination still stands, in contest order. */
export async function standingIn(ctx: ElectionContext, member: string): Promise<Contest[]> {
  const contests = await ctx.tx.contests.list(ctx.election.id);
  const ids = new Set(
    (await ctx.tx.nominations.list(ctx.election.id))
      .filter((n) => n.nominee === member && ACTIVE.includes(n.status))
      .map((n) => n.contestId),
  );
  return contests.filter((c) => ids.has(c.id));
}

/**
 * The contests an objection concerns: the one it names, with its rounds; else those its member stands
 * in; and for the roll, which decides who votes in every contest, all of them.
 */
export async function concernedContests(ctx: ElectionContext, o: Objection): Promise<Contest[]> {
  const contests = await ctx.tx.contests.list(ctx.election.id);
  if (o.period === 'roll') return contests;
  if (o.contestId) return chainOf(contests, o.contestId);
  if (!o.memberId) return [];
  const ids = new Set(
    (await standingIn(ctx, o.memberId)).flatMap((c) => chainOf(contests, c.id).map((x) => x.id)),
  );
  return contests.filter((c) => ids.has(c.id));
}

/** Members with a stake in the decision, besides the objector: whom it names, and whom its effects touch. */
export async function affectedBy(ctx: ElectionContext, o: Objection, appeal?: Appeal): Promise<string[]> {
  const out = new Set<string>(o.memberId ? [o.memberId] : []);
  const nominations = await ctx.tx.nominations.list(ctx.election.id);
  for (const effect of [o.effect, appeal?.effect])
    if (effect) {
      if (effect.member) out.add(effect.member);
      if (effect.excluded) out.add(effect.excluded);
      // a voided round touches everyone who stood in it
      for (const v of effect.voided ?? [])
        for (const n of nominations)
          if (n.contestId === v.contestId && n.status === 'approved') out.add(n.nominee);
    }
  out.delete(o.objector);
  return [...out];
}

/**
 * Why a member may not investigate an objection or hear its appeal (C15: investigated independently):
 * they filed it, it is about them, or they stand in a contest it concerns. The panel also loses the
 * original investigator and whoever appealed.
 */
export async function recusal(
  ctx: ElectionContext,
  o: Objection,
  member: string,
  appeal?: Appeal,
): Promise<Result<true>> {
  const who = { member: mention(member), ref: refOf(o) };
  if (member === o.objector) return fail('objection.recused_objector', who, 'member');
  if (member === o.memberId) return fail('objection.recused_subject', who, 'member');
  if (appeal) {
    if (member === o.investigator) return fail('objection.recused_investigator', who, 'member');
    if (member === appeal.appellant) return fail('objection.recused_appellant', who, 'member');
    if ((await affectedBy(ctx, o, appeal)).includes(member))
      return fail('objection.recused_subject', who, 'member');
  }
  const concerned = new Set((await concernedContests(ctx, o)).map((c) => c.id));
  const stands = (await standingIn(ctx, member)).find((c) => concerned.has(c.id));
  if (stands) return fail('objection.recused_candidate', { ...who, contest: stands.name }, 'member');
  return ok(true);
}

/** When a decision is due: the election's `objection-decision-days` after filing (C10: 3 days). */
export function dueFrom(ctx: ElectionContext, filed: Date): Date {
  const days = ctx.election.settings.objectionDecisionDays ?? DEFAULT_DECISION_DAYS;
  return new Date(filed.getTime() + days * DAY);
}

/** Until when a decision may be appealed: the organisation's appeal days after it. */
export async function appealCloses(ctx: ElectionContext, o: Objection): Promise<Date | undefined> {
  if (!o.decidedAt) return undefined;
  const days = (await ctx.tx.objections.panel(ctx.org.id))?.appealDays ?? DEFAULT_APPEAL_DAYS;
  return new Date(new Date(o.decidedAt).getTime() + days * DAY);
}

/** Whether the objection's decision, as it now stands, upheld it (an appeal's decision is final). */
export function standsUpheld(o: Objection, appeal: Appeal | undefined): boolean {
  if (appeal?.outcome === 'upheld') return o.outcome !== 'upheld';
  return o.outcome === 'upheld';
}
