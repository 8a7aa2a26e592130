// `/election results <election> [contest] [round]` (issue 13): the announced results again, at any time
// after the announcement, to whoever asks, and to them alone, laid out as the announcement was. Once
// announced, results are public: everyone in the organisation may see them, then and after
// certification and archiving. Before that they are refused, whoever asks: a count not yet confirmed
// and announced is not a result, and no member may learn it early from this command.
//
// A contest held over further rounds (a run-off, a re-vote) is its contests of every round: named, it
// shows them all; with a round, only that round's. A round without a contest is every contest of it.
import type { AuditEntry } from '../audit/audit.types.js';
import { findContest } from '../elections/election.service.js';
import { arg } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import type { Contest, Phase } from '../shared/election.types.js';
import { fail, ok, type Result } from '../shared/result.js';
import { formatTime } from '../shared/time.js';
import { standingConfirmations } from '../elections/election.scrutiny.js';
import { recordsOpen } from '../audit/records.access.js';
import { announcement } from './result.view.js';

/** the phases in which an election's results stand announced */
const SHOWN: readonly Phase[] = ['announced', 'certified', 'archived'];

/** the contest a further round continues, back to the first round's */
function rootOf(contest: Contest, all: readonly Contest[]): Contest {
  let c = contest;
  for (
    let parent = all.find((x) => x.id === c.parentId);
    parent;
    parent = all.find((x) => x.id === c.parentId)
  )
    c = parent;
  return c;
}

const roundOf = (c: Contest) => c.round ?? 1;

/** the contests to show: all, one held over its rounds, or one round of it (or of every contest) */
async function chosen(
  ctx: ElectionContext,
  all: Contest[],
  args: { contest?: string; round?: number },
): Promise<Result<Contest[]>> {
  let shown = all;
  let named: Contest | undefined;
  if (args.contest !== undefined) {
    const found = await findContest(ctx, args.contest);
    if (!found.ok) return found;
    named = rootOf(found.value, all);
    shown = all.filter((c) => rootOf(c, all).id === named!.id);
  }
  if (args.round === undefined) return ok(shown);
  const inRound = shown.filter((c) => roundOf(c) === args.round);
  if (inRound.length > 0) return ok(inRound);
  const rounds = [...new Set(shown.map(roundOf))].sort((a, b) => a - b).join(', ');
  return named
    ? fail('results.no_round', { contest: named.name, round: args.round, rounds })
    : fail('results.no_round_any', { number: ctx.election.number, round: args.round, rounds });
}

/** why the results cannot be shown yet, in the words that fit where the election is */
function notYet(ctx: ElectionContext, log: readonly AuditEntry[]) {
  const e = ctx.election;
  const params = { number: e.number, phase: ctx.t(`phase.${e.phase}`) };
  if (e.phase === 'cancelled') return fail('results.cancelled', params);
  // announced once, and now holding a further round: what comes out of it is not announced yet
  if (log.some((a) => a.event === 'phase.announced')) return fail('results.round_in_progress', params);
  return fail('results.not_announced', params);
}

export const showResults = defineCommand<{ election: number; contest?: string; round?: number }>({
  id: 'result.show',
  path: ['results'],
  access: 'anyone',
  args: {
    election: arg.election('arg.election'),
    contest: arg.contest('arg.results_contest', { optional: true }),
    round: arg.int('arg.results_round', 1, 99, { optional: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const log = await ctx.tx.audit.list(e.id);
    if (!SHOWN.includes(e.phase)) return notYet(ctx, log);
    // archived: the records open only on an approved request (issue 14)
    const open = await recordsOpen(ctx, 'results');
    if (!open.ok) return open;
    const contests = await chosen(ctx, await ctx.tx.contests.list(e.id), args);
    if (!contests.ok) return contests;
    const results = await ctx.tx.results.list(e.id);
    const weighted = (await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1);
    const confirmed = await standingConfirmations(ctx);
    const { text, ...body } = announcement(ctx.t, e.title, contests.value, results, weighted, confirmed);
    const announced = [...log].reverse().find((a) => a.event === 'phase.announced');
    const when = announced ? formatTime(new Date(announced.at), ctx.reader.zone, ctx.locale, ctx.now) : '';
    const heading = ctx.t('results.shown', { number: e.number, when, phase: ctx.t(`phase.${e.phase}`) });
    return toActor([heading, text].join('\n'), { ...body, tone: 'info' });
  },
});
