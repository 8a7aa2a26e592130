// What an upheld objection changes, and undoing it when an appeal overturns the decision. Each effect
// keeps the election coherent with the phase it is in:
// - exclude: before voting opens the nomination stops standing (C11 lets the published list change by
//   this procedure only); once voting has opened the ballots list them, so exclusion needs the round
//   voided too (`void=yes`, after the count), and the round held again leaves them off;
// - roll: corrected while the roll is open; once voting opened, only with the rounds voided, since a
//   ballot cannot be taken back or given after the fact;
// - void: a counted round is void; its result calls for a re-vote among its candidates, which
//   `/election voting round` opens (the count keeps the void: objection.rules.ts voidsInForce).

import { candidatesOf } from '../ballots/ballot.service.js';
import { findContest } from '../elections/election.service.js';
import { ROLL_OPEN } from '../elections/election.rules.js';
import type { ElectionContext } from '../kit/context.js';
import { mention } from '../kit/say.js';
import { ACTIVE } from '../nominations/nomination.rules.js';
import type { Contest } from '../shared/election.types.js';
import { fail, ok, type Result } from '../shared/result.js';
import { hidesObjector, voidResult, voidsInForce } from './objection.rules.js';
import { chainOf, latestOf } from './objection.service.js';
import type { Effect, EffectRecord, Objection } from './objection.types.js';

export interface EffectOrder {
  effect: Effect;
  /** exclude, roll: whom; else the member the objection names */
  member?: string;
  status?: 'eligible' | 'ineligible';
  /** exclude, void: which contest; else the one the objection names */
  contest?: string;
  /** exclude, roll after voting opened: void the rounds too */
  void?: boolean;
  reason: string;
  ref: string;
}

const BEFORE_VOTING: readonly string[] = ['nominating', 'reviewing', 'published'];
const COUNTED: readonly string[] = ['counted', 'announced'];

async function contestOf(ctx: ElectionContext, o: Objection, order: EffectOrder): Promise<Result<Contest>> {
  if (order.contest) return findContest(ctx, order.contest);
  const contests = await ctx.tx.contests.list(ctx.election.id);
  const named = o.contestId ? contests.find((c) => c.id === o.contestId) : undefined;
  if (named) return ok(named);
  const member = order.member ?? o.memberId;
  if (member) {
    const standing = new Set(
      (await ctx.tx.nominations.list(ctx.election.id))
        .filter((n) => n.nominee === member && ACTIVE.includes(n.status))
        .map((n) => chainOf(contests, n.contestId)[0]?.id),
    );
    if (standing.size === 1) return ok(contests.find((c) => standing.has(c.id))!);
  }
  return findContest(ctx, undefined);
}

/** Void the latest counted round of each contest, leaving `excluded` off the round held again. */
async function voidRounds(
  ctx: ElectionContext,
  contests: readonly Contest[],
  excluded: string | undefined,
): Promise<Result<NonNullable<EffectRecord['voided']>>> {
  const phase = ctx.election.phase;
  if (!COUNTED.includes(phase))
    return fail(
      BEFORE_VOTING.includes(phase) || phase === 'draft'
        ? 'objection.nothing_to_void'
        : 'objection.void_after_count',
    );
  const all = await ctx.tx.contests.list(ctx.election.id);
  const results = await ctx.tx.results.list(ctx.election.id);
  const voided: NonNullable<EffectRecord['voided']> = [];
  for (const c of contests) {
    const leaf = latestOf(all, c.id);
    const stored = leaf && results.find((r) => r.contestId === leaf.id);
    if (!leaf || !stored) return fail('objection.void_not_counted', { contest: c.name });
    if (excluded && !(await candidatesOf(ctx, leaf)).some((x) => x.memberId === excluded))
      return fail('objection.not_standing', { member: mention(excluded), contest: leaf.name }, 'member');
    voided.push({ contestId: leaf.id, round: stored.round, before: stored.result });
  }
  return ok(voided);
}

export async function applyEffect(
  ctx: ElectionContext,
  o: Objection,
  order: EffectOrder,
): Promise<Result<EffectRecord>> {
  const e = ctx.election;
  const member = order.member ?? o.memberId ?? undefined;
  if (order.effect === 'none') return ok({ effect: 'none' });
  if (order.effect === 'void') {
    const contest = await contestOf(ctx, o, order);
    if (!contest.ok) return contest;
    const voided = await voidRounds(ctx, [contest.value], undefined);
    return voided.ok ? ok({ effect: 'void', voided: voided.value }) : voided;
  }
  if (!member) return fail('objection.member_needed', {}, 'member');
  if (order.effect === 'exclude') {
    const contest = await contestOf(ctx, o, order);
    if (!contest.ok) return contest;
    if (COUNTED.includes(e.phase)) {
      if (!order.void) return fail('objection.exclude_needs_void', { member: mention(member) }, 'void');
      const voided = await voidRounds(ctx, [contest.value], member);
      return voided.ok
        ? ok({
            effect: 'exclude',
            member,
            contestId: contest.value.id,
            excluded: member,
            voided: voided.value,
          })
        : voided;
    }
    if (!BEFORE_VOTING.includes(e.phase)) return fail('objection.exclude_during_voting');
    const chain = new Set(chainOf(await ctx.tx.contests.list(e.id), contest.value.id).map((c) => c.id));
    const n = (await ctx.tx.nominations.list(e.id)).find(
      (x) => x.nominee === member && chain.has(x.contestId) && ACTIVE.includes(x.status),
    );
    if (!n) return fail('objection.not_standing', { member: mention(member), contest: contest.value.name });
    await ctx.tx.nominations.update({
      ...n,
      status: 'rejected',
      reason: `${order.ref}: ${order.reason}`,
      updatedAt: ctx.now.toISOString(),
    });
    await ctx.audit('nomination.rejected', {
      nomination: n.number,
      reason: order.reason,
      objection: order.ref,
    });
    return ok({
      effect: 'exclude',
      member,
      contestId: n.contestId,
      nomination: { number: n.number, status: n.status, reason: n.reason },
    });
  }
  // roll
  if (!order.status) return fail('objection.status_needed', {}, 'status');
  const open = ROLL_OPEN.includes(e.phase);
  if (!open && !(COUNTED.includes(e.phase) && order.void))
    return fail('objection.roll_frozen', { member: mention(member) }, 'void');
  const before = await ctx.tx.roll.get(e.id, member);
  if (!before && order.status === 'ineligible')
    return fail('roll.not_on_roll', { member: mention(member) }, 'member');
  // the roll decides who votes in every contest: corrected after voting, every contest votes again
  let voided: EffectRecord['voided'];
  if (!open) {
    const roots = (await ctx.tx.contests.list(e.id)).filter((c) => !c.parentId);
    const v = await voidRounds(ctx, roots, undefined);
    if (!v.ok) return v;
    voided = v.value;
  }
  const reason = order.status === 'ineligible' ? `${order.ref}: ${order.reason}` : null;
  await ctx.tx.roll.upsert({
    electionId: e.id,
    memberId: member,
    weight: before?.weight ?? 1,
    addedBy: before?.addedBy ?? ctx.actor.memberId,
    addedAt: before?.addedAt ?? ctx.now.toISOString(),
    status: order.status,
    reason,
  });
  // the roll's record names whose entry changed, as every correction does; not that they objected
  await ctx.audit('roll.status', {
    member,
    status: order.status,
    reason,
    objection: hidesObjector(o, member) ? null : order.ref,
  });
  return ok({
    effect: 'roll',
    member,
    status: order.status,
    rollBefore: before ? { status: before.status, reason: before.reason, weight: before.weight } : null,
    ...(voided ? { voided } : {}),
  });
}

/**
 * Undo an effect an upheld appeal overturned, all of it or nothing: the catalog key of why it can no
 * longer be undone (the round was held again, voting opened on the list, the roll is frozen), or null.
 */
export async function undoEffect(
  ctx: ElectionContext,
  rec: EffectRecord,
  ref: string,
): Promise<string | null> {
  const e = ctx.election;
  const contests = await ctx.tx.contests.list(e.id);
  if ((rec.voided ?? []).some((v) => contests.some((c) => c.parentId === v.contestId)))
    return 'objection.undo_rerun';
  if (rec.nomination && !BEFORE_VOTING.includes(e.phase)) return 'objection.undo_voting';
  if (rec.effect === 'roll' && !ROLL_OPEN.includes(e.phase)) return 'objection.undo_roll';
  if (rec.nomination) {
    const n = await ctx.tx.nominations.get(e.id, rec.nomination.number);
    if (n) {
      await ctx.tx.nominations.update({
        ...n,
        status: rec.nomination.status as typeof n.status,
        reason: rec.nomination.reason,
        updatedAt: ctx.now.toISOString(),
      });
      await ctx.audit('nomination.reinstated', { nomination: n.number, objection: ref });
    }
  }
  if (rec.effect === 'roll' && rec.member) {
    const was = rec.rollBefore;
    const now = await ctx.tx.roll.get(e.id, rec.member);
    if (was && now) await ctx.tx.roll.upsert({ ...now, status: was.status, reason: was.reason });
    else if (!was) await ctx.tx.roll.remove(e.id, rec.member);
    await ctx.audit('roll.status', {
      member: rec.member,
      status: was?.status ?? 'removed',
      reason: was?.reason ?? null,
      objection: ref,
    });
  }
  const results = await ctx.tx.results.list(e.id);
  for (const v of rec.voided ?? []) {
    const stored = results.find((r) => r.contestId === v.contestId);
    if (stored) await ctx.tx.results.put({ ...stored, result: v.before as typeof stored.result });
  }
  return null;
}

/**
 * Make the stored results of these contests say what the voids in force say: after a void is decided
 * or undone, every void still in force (another objection's too) is applied again.
 */
export async function syncVoids(ctx: ElectionContext, contestIds: readonly string[]): Promise<void> {
  const e = ctx.election;
  const voids = voidsInForce(await ctx.tx.objections.list(e.id), await ctx.tx.objections.appeals(e.id));
  const contests = await ctx.tx.contests.list(e.id);
  const results = await ctx.tx.results.list(e.id);
  for (const id of contestIds) {
    const v = voids.get(id);
    const contest = contests.find((c) => c.id === id);
    const stored = results.find((r) => r.contestId === id);
    if (!v || !contest || !stored) continue;
    const listed = (await candidatesOf(ctx, contest)).map((c) => c.memberId);
    await ctx.tx.results.put({ ...stored, result: voidResult(stored.result, listed, v) });
  }
}
