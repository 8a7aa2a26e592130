// Further rounds, run by Teller (issue 12). When a count calls for another round (a run-off between the
// top two, a re-vote among the tied, another ballot among every nominee, a round for seats left
// unfilled, a round the rules voided), one command opens it for every contest that needs one: each
// becomes a contest of its own with the round's candidates and seats, the ballot box opens again with a
// fresh key, and every voter on the roll gets the round's ballot. The count that follows counts every
// round again from its sealed ballots, so each round's ballots, count, ties and result are kept.

import { electionKey, keyCheck } from '../ballots/ballot.keys.js';
import { candidatesOf } from '../ballots/ballot.service.js';
import { defineMove } from '../elections/election.move.js';
import { planOf, planStep } from '../elections/timetable.js';
import { when } from '../elections/timetable.view.js';
import { arg } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { toActor } from '../kit/say.js';
import { notifyChannel } from '../notices/notice.service.js';
import { sendBallots, voteButton } from '../voting/voting.commands.js';
import type { Contest } from '../shared/election.types.js';
import { randomId, randomSalt } from '../shared/ids.js';
import { scrutinyOf } from '../elections/election.scrutiny.js';
import { fail, ok, type Result } from '../shared/result.js';
import { parseWhen } from '../shared/time.js';
import type { StoredResult } from './result.types.js';

/** The round an election is in: its contests of the highest round are the ones on the ballot. */
export function currentRound(contests: readonly Contest[]): number {
  return Math.max(1, ...contests.map((c) => c.round ?? 1));
}

/** Contests whose result is final for now: no later round continues them. */
export function latestRounds<T extends { contestId: string }>(
  results: T[],
  contests: readonly Contest[],
): T[] {
  return results.filter((r) => !contests.some((c) => c.parentId === r.contestId));
}

interface Due {
  contest: Contest;
  stored: StoredResult;
}

/**
 * The contests whose latest result calls for another round, and that round's number: those of the round
 * just counted, and one an upheld objection voided in an earlier round (issue 14), whose next ballot is
 * then held in the election's next round.
 */
async function furtherRoundsDue(
  ctx: ElectionContext,
): Promise<{ contests: Contest[]; round: number; due: Due[] }> {
  const contests = await ctx.tx.contests.list(ctx.election.id);
  const results = await ctx.tx.results.list(ctx.election.id);
  const round = currentRound(contests) + 1;
  const due = contests
    .filter((c) => !contests.some((x) => x.parentId === c.id))
    .map((c) => ({ contest: c, stored: results.find((r) => r.contestId === c.id) }))
    .filter((x): x is Due => !!x.stored?.result.furtherRound);
  return { contests, round, due };
}

export const openRound = defineMove<{ election: number; closes?: string }>({
  id: 'result.round.open',
  path: ['voting', 'round'],
  args: {
    election: arg.election('arg.election'),
    closes: arg.text('arg.when', 40, { optional: true, named: true }),
  },
  async handler(ctx, args, step) {
    const e = ctx.election;
    // the last round's links and key must be purged from the files before a new box opens
    if (e.seal === 'pending') return fail('round.still_sealing', { number: e.number });
    // the count is the scrutineers' to see first: nobody opens a round on a result still hidden
    if (!(await scrutinyOf(ctx)).clear) return fail('round.count_unconfirmed', { number: e.number });
    const { contests, round, due } = await furtherRoundsDue(ctx);
    if (due.length === 0) return fail('round.none_needed', { number: e.number });
    // a seat RON won is nominated for again before anyone votes on it
    if (due.some((d) => d.stored.result.furtherRound!.kind === 'reopen'))
      return fail('round.reopen_first', { number: e.number });
    const closes = args.closes === undefined ? undefined : parseWhen(args.closes, ctx.zone, ctx.now);
    if (closes && 'error' in closes)
      return fail(closes.error, { step: ctx.t('timeline.step.voting-close'), text: args.closes! });
    if (closes && closes.at <= ctx.now) return fail('round.closes_past');
    const opened: { contest: Contest; names: string[] }[] = [];
    let number = contests.length;
    let nomination = await ctx.tx.nominations.maxNumber(e.id);
    for (const { contest, stored } of due) {
      const made = await newRound(ctx, contest, stored, round, ++number, () => ++nomination);
      if (!made.ok) return made;
      opened.push(made.value);
    }
    // the ballot box opens again: a fresh key, and nothing sealed yet
    const salt = randomSalt();
    await ctx.tx.secrets.put(e.id, { salt, keyCheck: keyCheck(electionKey(ctx.serverSecret, salt)) });
    const { seal: _sealed, ...open } = e;
    ctx.election = open;
    await ctx.tx.elections.update(open);
    // what this process remembers of the round before (its key, its contests) is not this round's
    ctx.afterCommit(async () => ctx.state.forget(e.id));
    ctx.state.forget(e.id);
    const moved = await step.move({ round });
    if (!moved.ok) return moved;
    if (closes && 'at' in closes) {
      const before = (await planOf(ctx.tx, e.id)).get('voting-close');
      await ctx.tx.timetable.put({
        electionId: e.id,
        step: 'voting-close',
        at: closes.at.toISOString(),
        setBy: ctx.actor.memberId,
        setAt: ctx.now.toISOString(),
      });
      await planStep(ctx, ctx.election, 'voting-close', closes.at, before ? new Date(before.at) : undefined);
    }
    const until = closes && 'at' in closes ? closes.at : undefined;
    const lines = opened.map((o) =>
      ctx.t('round.contest_line', { contest: o.contest.name, names: o.names.join(', ') }),
    );
    const voters = (await ctx.tx.roll.list(e.id)).filter((r) => r.status === 'eligible');
    await sendBallots(
      ctx,
      voters,
      `round-${round}-dm`,
      (t) => ({
        title: t('round.dm_title', { title: e.title, round }),
        lines: [
          t('round.dm_text', { title: e.title, round, number: e.number }),
          ...opened.map((o) =>
            t('round.contest_line', { contest: o.contest.name, names: o.names.join(', ') }),
          ),
        ],
      }),
      until,
    );
    const channel = { t: ctx.t, locale: ctx.locale, zone: ctx.zone };
    await notifyChannel(ctx, `round-${round}-open`, {
      title: ctx.t('round.opened_title', { title: e.title, round }),
      text: [
        ctx.t('round.opened', { number: e.number, round, eligible: voters.length }),
        ...lines,
        until ? ctx.t('timeline.next.voting-close', { when: when(channel, until, ctx.now) }) : '',
      ]
        .filter(Boolean)
        .join('\n'),
      actions: [voteButton(ctx.t, e.number)],
      tone: 'info',
    });
    return toActor(ctx.t('round.opened_organiser', { number: e.number, round, count: voters.length }));
  },
});

/**
 * The next round of one contest: a contest of its own with the round's seats and candidates (in the
 * order the count named them), counted by the same method, except a run-off, which is a plain plurality
 * between the two (L14).
 */
async function newRound(
  ctx: ElectionContext,
  parent: Contest,
  stored: StoredResult,
  round: number,
  number: number,
  nextNomination: () => number,
): Promise<Result<{ contest: Contest; names: string[] }>> {
  const further = stored.result.furtherRound!;
  const base = parent.name.replace(/ \(\d+\)$/, '');
  const method = further.kind === 'runoff' ? 'plurality' : parent.method;
  const child: Contest = {
    id: randomId(),
    electionId: parent.electionId,
    number,
    name: `${base} (${round})`,
    seats: further.seats,
    method,
    options:
      method === parent.method
        ? { ...parent.options }
        : { order: parent.options.order, tieBreak: parent.options.tieBreak },
    round,
    parentId: parent.id,
  };
  await ctx.tx.contests.insert(child);
  const candidates = await candidatesOf(ctx, parent);
  const nominations = (await ctx.tx.nominations.list(parent.electionId)).filter(
    (n) => n.contestId === parent.id && n.status === 'approved',
  );
  const names: string[] = [];
  const now = ctx.now.toISOString();
  for (const [i, index] of further.candidates.entries()) {
    const candidate = candidates[index];
    const original = candidate && nominations.find((n) => n.nominee === candidate.memberId);
    if (!candidate || !original) return fail('round.candidate_missing', { contest: parent.name });
    await ctx.tx.nominations.insert({
      ...original,
      id: randomId(),
      contestId: child.id,
      number: nextNomination(),
      candidateNumber: i + 1,
      createdAt: now,
      updatedAt: now,
    });
    names.push(candidate.name);
  }
  await ctx.audit('round.opened', {
    contest: parent.number,
    round,
    kind: further.kind,
    seats: further.seats,
    candidates: names.join(', '),
    as: child.number,
  });
  return ok({ contest: child, names });
}

/**
 * uk-su: the seats RON won open for nominations again. Each becomes a round of its own with no
 * candidates yet; members nominate for it, and it goes through review, publication (RON stands again)
 * and voting like the first. A contest that needs another ballot at the same time joins the round with
 * its candidates, so no further round waits on another.
 */
export const reopenNominations = defineMove<{ election: number }>({
  id: 'result.nominations.reopen',
  path: ['nominations', 'reopen'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    if (e.seal === 'pending') return fail('round.still_sealing', { number: e.number });
    const { contests, round, due } = await furtherRoundsDue(ctx);
    if (!due.some((d) => d.stored.result.furtherRound!.kind === 'reopen'))
      return fail('round.no_reopen', { number: e.number });
    // another contest needing another ballot goes into the same round, with its candidates
    const opened: string[] = [];
    let number = contests.length;
    let nomination = await ctx.tx.nominations.maxNumber(e.id);
    for (const { contest, stored } of due) {
      const made = await newRound(ctx, contest, stored, round, ++number, () => ++nomination);
      if (!made.ok) return made;
      opened.push(
        ctx.t('round.reopen_line', { contest: made.value.contest.name, seats: made.value.contest.seats }),
      );
    }
    ctx.afterCommit(async () => ctx.state.forget(e.id));
    ctx.state.forget(e.id);
    const moved = await step.move({ round });
    if (!moved.ok) return moved;
    await notifyChannel(ctx, `round-${round}-reopen`, {
      title: ctx.t('round.reopened_title', { title: e.title, round }),
      text: [ctx.t('round.reopened', { number: e.number, round }), ...opened].join('\n'),
      tone: 'info',
    });
    return toActor(ctx.t('round.reopened_organiser', { number: e.number, round }));
  },
});
