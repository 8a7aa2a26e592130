import { tally } from '../../counting/index.js';
import { BALLOT_KIND, type CountResult, type TieDecision, type TieRecord } from '../../counting/types.js';
import { candidatesOf } from '../ballots/ballot.service.js';
import { toEngineBallot, writeInsOf } from '../ballots/ballot.rules.js';
import type { ElectionContext } from '../kit/context.js';
import type { Contest } from '../shared/election.types.js';
import type { StoredResult } from './result.types.js';
import type { AuditEntry } from '../audit/audit.types.js';
import { applyRulings } from './result.rulings.js';
import {
  channelFigures,
  reconcile,
  roundPaper,
  setAsideOf,
  withSetAside,
  type SetAside,
} from './result.paper.js';
import type { BallotIssue, BallotReturn } from '../paper/paper.types.js';
import { presetOf, RON } from '../shared/presets.js';
import { voidResult, voidsInForce, type VoidInForce } from '../objections/objection.rules.js';

/** What every contest's count reads alike, read once for the whole count. */
interface CountBasis {
  roll: { weight: number }[];
  decisions: (TieDecision & { contest: number })[];
  /** those present (实到) the organisers recorded, per round */
  attendance: Map<number, number>;
  /** rounds an upheld objection voided, by the contest counted in them (issue 14) */
  voids: Map<string, VoidInForce>;
  /** paper and mail ballots issued and returned, where some members vote so */
  paper?: { issues: BallotIssue[]; returns: BallotReturn[]; voters: Set<string> };
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
  const online = await ctx.tx.ballots.listForCount(contest.id);
  // issue 13: the confirmed paper and mail batches join the box; those set aside are cast and invalid
  const paper = basis.paper ? await ctx.tx.paper.confirmedBallots(contest.id) : [];
  const asPaper = (b: (typeof paper)[number]) => ({ content: b.content, weight: 1 });
  const stored = [...online, ...paper.filter((b) => !b.spoilt).map(asPaper)];
  const setAside = setAsideOf(paper);
  const kind = BALLOT_KIND[contest.method];
  const { order: _order, writeIn: _writeIn, ...options } = contest.options;
  const decisions = basis.decisions
    .filter((d) => d.contest === contest.number)
    .map(({ contest: _contest, ...d }) => d);
  // C3: an approve-oppose ballot approving more candidates than seats is invalid, unless max-marks says
  if (contest.method === 'approve-oppose') options.maxMarks ??= contest.seats;
  // C5's `present` base: everyone who voted was there, whatever the attendance recorded says
  const round = contest.round ?? 1;
  const present = Math.max(basis.attendance.get(round) ?? 0, online.length + paper.length);
  // R5, C4: each member written in stands after the listed candidates, in a fixed order
  const written = [...new Set(stored.flatMap((b) => writeInsOf(b.content, kind)))].sort();
  const writeIns = new Map(written.map((id, i) => [id, candidates.length + i]));
  const writtenNames = await Promise.all(
    written.map(async (id) => (await ctx.tx.members.get(ctx.org.id, id))?.displayName ?? id),
  );
  // approve-oppose's `cast` base counts the set-aside ballots, so its engine takes them; for every
  // other method they touch no figure but the ballots', added after the count
  const aoa = contest.method === 'approve-oppose';
  const count = (ballots: readonly { content: string; weight: number }[], aside: SetAside) => {
    const r = tally({
      method: contest.method,
      seats: contest.seats,
      candidates: [...candidates.map((c) => c.name), ...writtenNames].map((name) => ({ name })),
      ballots: ballots.map((b) => toEngineBallot(b.content, kind, b.weight, candidates.length, writeIns)),
      // the seed for any lot is fixed by the election, so a recount draws the same lots
      options: {
        ...options,
        ...(decisions.length > 0 ? { decisions } : {}),
        ...(aoa ? { setAside: aside } : {}),
        eligible: eligibleWeight,
        present,
        seed: options.seed ?? `${e.id}:${contest.number}`,
      },
    });
    return aoa ? r : { ...r, ballots: withSetAside(r.ballots, aside) };
  };
  const counted = count(stored, setAside);
  const channels = basis.paper
    ? channelFigures(
        counted.ballots,
        roll.length,
        roundPaper(basis.paper.issues, basis.paper.returns, basis.paper.voters, round),
        new Map(
          (['paper', 'mail'] as const)
            .map((ch) => [ch, paper.filter((b) => b.channel === ch)] as const)
            .filter(([, mine]) => mine.length > 0)
            .map(([ch, mine]) => [
              ch,
              count(mine.filter((b) => !b.spoilt).map(asPaper), setAsideOf(mine)).ballots,
            ]),
        ),
      )
    : undefined;
  // the rules' say over the count: a round void for turnout (C1), no majority of the votes cast (R2)
  const ron = candidates.findIndex((c) => c.memberId === RON);
  // before the rules too, so the C8 margin is counted among the listed candidates
  const listedOnly = (r: CountResult) =>
    written.length > 0 ? withWriteIns(r, candidates.length, written.length) : r;
  const preset = presetOf(e.settings);
  const reconciled = channels ? reconcile(preset, counted, channels) : counted;
  const ruled = applyRulings(preset, listedOnly(reconciled), {
    eligible: roll.length,
    present,
    ...(e.settings.differential !== undefined ? { differential: e.settings.differential } : {}),
    ...(e.settings.turnout ? { turnout: e.settings.turnout } : {}),
    ...(ron < 0 ? {} : { ronIndex: ron }),
  });
  // an upheld objection's void stands at every count, as the organisers' tie decisions do
  const voided = basis.voids.get(contest.id);
  const listed = listedOnly(ruled);
  const result = voided
    ? voidResult(
        listed,
        candidates.map((c) => c.memberId),
        voided,
      )
    : listed;
  return {
    electionId: e.id,
    contestId: contest.id,
    round,
    result,
    eligible: roll.length,
    // a member issued a paper or mail ballot got that one instead of the online one
    issued: channels ? channels.reduce((n, c) => n + c.issued, 0) : roll.length,
    present,
    ...(channels ? { channels } : {}),
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
    voids: voidsInForce(await ctx.tx.objections.list(e.id), await ctx.tx.objections.appeals(e.id)),
    ...(e.settings.offlineBallots
      ? {
          paper: {
            issues: await ctx.tx.paper.issues(e.id),
            returns: await ctx.tx.paper.returns(e.id),
            voters: new Set(await ctx.tx.participation.voters(e.id)),
          },
        }
      : {}),
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
