import { tally } from '../../counting/index.js';
import { BALLOT_KIND, type CountResult, type TieDecision, type TieRecord } from '../../counting/types.js';
import { candidatesOf } from '../ballots/ballot.service.js';
import { toEngineBallot, writeInsOf } from '../ballots/ballot.rules.js';
import type { ElectionContext } from '../kit/context.js';
import { notifyMember } from '../notices/notice.service.js';
import { planConfirmReminder } from '../elections/timetable.js';
import type { Contest } from '../shared/election.types.js';
import type { StoredResult } from './result.types.js';
import type { AuditEntry } from '../audit/audit.types.js';
import { applyRulings } from './result.rulings.js';
import { presetOf, RON } from '../shared/presets.js';

/** What every contest's count reads alike, read once for the whole count. */
interface CountBasis {
  roll: { weight: number }[];
  decisions: (TieDecision & { contest: number })[];
  /** those present (实到) the organisers recorded, per round */
  attendance: Map<number, number>;
}

/** Count one contest with the engine; the ballots come without any link to voters. */
async function countContest(
  ctx: ElectionContext,
  contest: Contest,
  basis: CountBasis,
): Promise<StoredResult> {
  const e = ctx.election;
  const candidates = await candidatesOf(ctx, contest);
  const roll = basis.roll;
  const eligibleWeight = roll.reduce((s, r) => s + r.weight, 0);
  const stored = await ctx.tx.ballots.listForCount(contest.id);
  const kind = BALLOT_KIND[contest.method];
  const { order: _order, writeIn: _writeIn, ...options } = contest.options;
  const decisions = basis.decisions
    .filter((d) => d.contest === contest.number)
    .map(({ contest: _contest, ...d }) => d);
  // C3: an approve-oppose ballot approving more candidates than seats is invalid, unless max-marks says
  if (contest.method === 'approve-oppose') options.maxMarks ??= contest.seats;
  // C5's `present` base: everyone who voted was there, whatever the attendance recorded says
  const round = contest.round ?? 1;
  const present = Math.max(basis.attendance.get(round) ?? 0, stored.length);
  // R5, C4: each member written in stands after the listed candidates, in a fixed order
  const written = [...new Set(stored.flatMap((b) => writeInsOf(b.content, kind)))].sort();
  const writeIns = new Map(written.map((id, i) => [id, candidates.length + i]));
  const writtenNames = await Promise.all(
    written.map(async (id) => (await ctx.tx.members.get(ctx.org.id, id))?.displayName ?? id),
  );
  const counted: CountResult = tally({
    method: contest.method,
    seats: contest.seats,
    candidates: [...candidates.map((c) => c.name), ...writtenNames].map((name) => ({ name })),
    ballots: stored.map((b) => toEngineBallot(b.content, kind, b.weight, candidates.length, writeIns)),
    // the seed for any lot is fixed by the election, so a recount draws the same lots
    options: {
      ...options,
      ...(decisions.length > 0 ? { decisions } : {}),
      eligible: eligibleWeight,
      present,
      seed: options.seed ?? `${e.id}:${contest.number}`,
    },
  });
  // the rules' say over the count: a round void for turnout (C1), no majority of the votes cast (R2)
  const ron = candidates.findIndex((c) => c.memberId === RON);
  // before the rules too, so the C8 margin is counted among the listed candidates
  const listedOnly = (r: CountResult) =>
    written.length > 0 ? withWriteIns(r, candidates.length, written.length) : r;
  const ruled = applyRulings(presetOf(e.settings), listedOnly(counted), {
    eligible: roll.length,
    present,
    ...(e.settings.differential !== undefined ? { differential: e.settings.differential } : {}),
    ...(e.settings.turnout ? { turnout: e.settings.turnout } : {}),
    ...(ron < 0 ? {} : { ronIndex: ron }),
  });
  const result = listedOnly(ruled);
  return {
    electionId: e.id,
    contestId: contest.id,
    round,
    result,
    eligible: roll.length,
    issued: roll.length,
    present,
    createdAt: ctx.now.toISOString(),
  };
}

/**
 * A result with members written in: which candidates they are, and a further round among the listed
 * candidates only, since a further round's ballot lists nominees (a written-in member is on no list;
 * where the contest takes write-ins, they may be written in again).
 */
function withWriteIns(result: CountResult, listed: number, count: number): CountResult {
  const writeIns = Array.from({ length: count }, (_, i) => listed + i);
  const fr = result.furtherRound;
  const furtherRound = fr && { ...fr, candidates: fr.candidates.filter((c) => c < listed) };
  return { ...result, writeIns, ...(furtherRound ? { furtherRound } : {}) };
}

/**
 * The organisers' decisions of ties, per contest, from the audit chain (`tie.decided`): the record of
 * a decision is what the count applies, so the two cannot disagree.
 */
function tieDecisions(log: readonly AuditEntry[]): CountBasis['decisions'] {
  const nums = (v: unknown) => String(v).split(',').filter(Boolean).map(Number);
  return log
    .filter((a) => a.event === 'tie.decided')
    .map((a) => ({
      contest: Number(a.data.contest),
      round: Number(a.data.round),
      purpose: a.data.purpose as TieRecord['purpose'],
      candidates: nums(a.data.candidates),
      chosen: nums(a.data.chosen),
    }));
}

/** The attendance the organisers recorded per round (`attendance.recorded`): the latest counts. */
export function attendanceOf(log: readonly AuditEntry[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const a of log)
    if (a.event === 'attendance.recorded') out.set(Number(a.data.round), Number(a.data.present));
  return out;
}

/** Count every contest again, replacing the stored results; audited per contest. */
export async function countAll(ctx: ElectionContext): Promise<Contest[]> {
  const e = ctx.election;
  const contests = await ctx.tx.contests.list(e.id);
  await ctx.tx.results.deleteForElection(e.id);
  // the organisers' tie decisions and attendance are on the audit chain: the record is what is counted
  const log = await ctx.tx.audit.list(e.id);
  const basis: CountBasis = {
    roll: (await ctx.tx.roll.list(e.id)).filter((r) => r.status === 'eligible'),
    decisions: tieDecisions(log),
    attendance: attendanceOf(log),
  };
  for (const c of contests) {
    const stored = await countContest(ctx, c, basis);
    await ctx.tx.results.put(stored);
    await ctx.audit('count.contest', {
      contest: c.number,
      winners: stored.result.winners.map((w) => stored.result.candidates[w]).join(', '),
      ties: stored.result.ties.length,
    });
  }
  return contests;
}

/** Ties the count stopped at for the organisers to decide. */
export function openTies(result: CountResult): TieRecord[] {
  return result.ties.filter((t) => t.rule === 'organiser' && t.chosen.length === 0);
}

/**
 * The count waits on the scrutineers: each is told now, and those who have not confirmed it a day later
 * are reminded (the job checks the election is still waiting).
 */
export async function askScrutineers(ctx: ElectionContext): Promise<void> {
  const e = ctx.election;
  const scrutineers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'scrutineer');
  if (scrutineers.length === 0) return;
  // once per version of the count: the count itself, then each tie decision that changed it
  const log = await ctx.tx.audit.list(e.id);
  const version = log.filter((a) => a.event === 'phase.counted' || a.event === 'tie.decided').length;
  for (const s of scrutineers)
    await notifyMember(ctx, s.memberId, `confirm-ask:${version}:${s.memberId}`, (t) => ({
      text: t('count.please_confirm', { number: e.number, title: e.title }),
      tone: 'info',
    }));
  await planConfirmReminder(ctx, e, new Date(ctx.now.getTime() + 86_400_000));
}

/**
 * Confirmations of the count as it stands: a tie decided after a scrutineer confirmed changed the count
 * they confirmed, so theirs no longer counts.
 */
export async function standingConfirmations(ctx: ElectionContext): Promise<string[]> {
  // the chain's order, not the clock: a decision and a confirmation may share a millisecond
  const log = await ctx.tx.audit.list(ctx.election.id);
  let from = 0;
  log.forEach((a, i) => {
    if (a.event === 'phase.counted' || a.event === 'tie.decided') from = i;
  });
  return [
    ...new Set(
      log
        .slice(from)
        .filter((a) => a.event === 'count.confirmed')
        .map((a) => a.actor),
    ),
  ];
}
