// Paper and mail ballots entered by the scrutineers, a batch at a time (issue 13). One scrutineer
// types a batch in; a second confirms it, or disputes it with a note for the organisers to settle.
// Only confirmed batches join the count. The ballots are stored without any member, shuffled.
import { randomInt } from 'node:crypto';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { findContest } from '../elections/election.service.js';
import { candidatesOf } from '../ballots/ballot.service.js';
import { shuffled } from '../ballots/ballot.rules.js';
import { randomId } from '../shared/ids.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { ElectionContext } from '../kit/context.js';
import { readBatch, type TypedBallot } from './paper.service.js';
import { OFFLINE_CHANNELS, type OfflineChannel, type PaperBatch } from './paper.types.js';

/** valid N, blank N, invalid by reason: what the second scrutineer checks against the pile */
function summary(ctx: ElectionContext, ballots: readonly TypedBallot[]): string {
  const blank = ballots.filter((b) => !b.spoilt && b.content === '').length;
  const spoilt = new Map<string, number>();
  for (const b of ballots) if (b.spoilt) spoilt.set(b.spoilt, (spoilt.get(b.spoilt) ?? 0) + 1);
  const invalid = [...spoilt].map(([r, n]) => `${ctx.t(`paper.reason.${r}`)} ${n}`).join(', ');
  return ctx.t('paper.batch_summary', {
    count: ballots.length,
    valid: ballots.length - [...spoilt.values()].reduce((a, b) => a + b, 0),
    blank,
    invalid: invalid || '0',
  });
}

export const enterBatch = defineCommand<{
  election: number;
  contest: string;
  ballots: string;
  channel?: OfflineChannel;
}>({
  id: 'paper.batch',
  path: ['paper', 'batch'],
  access: 'scrutineer',
  // counted after the close, as a box is opened: a batch entered while voting would show a tally early
  phases: ['closed'],
  args: {
    election: arg.election('arg.election'),
    contest: arg.contest('arg.contest'),
    ballots: arg.text('arg.paper_ballots', 20_000),
    channel: arg.choice('arg.ballot_channel', OFFLINE_CHANNELS, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    // a paper ballot carries no voter, so no weight: weighted rolls vote online only
    if ((await ctx.tx.roll.list(e.id)).some((r) => r.weight !== 1)) return fail('paper.weighted');
    const contest = await findContest(ctx, args.contest, true);
    if (!contest.ok) return contest;
    const candidates = (await candidatesOf(ctx, contest.value)).length;
    const read = readBatch(contest.value, candidates, args.ballots, ctx.t);
    if (!read.ok) return read;
    const batches = await ctx.tx.paper.batches(e.id);
    const batch: PaperBatch = {
      id: randomId(),
      electionId: e.id,
      contestId: contest.value.id,
      number: batches.length + 1,
      channel: args.channel ?? 'paper',
      status: 'entered',
      ballots: read.value.length,
      enteredBy: ctx.actor.memberId,
      enteredAt: ctx.now.toISOString(),
      checkedBy: null,
      checkedAt: null,
      note: null,
      settledBy: null,
    };
    // the order typed is the pile's order: shuffled, under random ids, like the online box after the seal
    const ballots = shuffled(read.value, (n) => randomInt(n)).map((b) => ({
      id: randomId(),
      batchId: batch.id,
      contestId: contest.value.id,
      content: b.content,
      spoilt: b.spoilt,
    }));
    await ctx.tx.paper.addBatch(batch, ballots);
    await ctx.audit('paper.batch_entered', {
      batch: batch.number,
      contest: contest.value.number,
      channel: batch.channel,
      ballots: batch.ballots,
    });
    return toActor(
      [
        ctx.t('paper.batch_entered', {
          batch: batch.number,
          contest: contest.value.name,
          channel: ctx.t(`paper.channel.${batch.channel}`),
          number: e.number,
        }),
        summary(ctx, read.value),
      ].join('\n'),
    );
  },
});

async function batchOf(ctx: ElectionContext, number: number): Promise<Result<PaperBatch>> {
  const found = (await ctx.tx.paper.batches(ctx.election.id)).find((b) => b.number === number);
  return found ? ok(found) : fail('paper.no_batch', { batch: number }, 'batch');
}

/** The second scrutineer's check: never the one who entered it (the two-person rule). */
async function secondCheck(ctx: ElectionContext, number: number): Promise<Result<PaperBatch>> {
  const batch = await batchOf(ctx, number);
  if (!batch.ok) return batch;
  if (batch.value.enteredBy === ctx.actor.memberId) return fail('paper.own_batch', { batch: number });
  if (batch.value.status !== 'entered')
    return fail('paper.batch_not_open', {
      batch: number,
      status: ctx.t(`paper.status.${batch.value.status}`),
    });
  return batch;
}

export const confirmBatch = defineCommand<{ election: number; batch: number }>({
  id: 'paper.confirm',
  path: ['paper', 'confirm'],
  access: 'scrutineer',
  phases: ['closed'],
  args: { election: arg.election('arg.election'), batch: arg.int('arg.paper_batch', 1, 100_000) },
  async handler(ctx, args) {
    const batch = await secondCheck(ctx, args.batch);
    if (!batch.ok) return batch;
    await ctx.tx.paper.updateBatch({
      ...batch.value,
      status: 'confirmed',
      checkedBy: ctx.actor.memberId,
      checkedAt: ctx.now.toISOString(),
    });
    await ctx.audit('paper.batch_confirmed', { batch: args.batch });
    return toActor(ctx.t('paper.batch_confirmed', { batch: args.batch, count: batch.value.ballots }));
  },
});

export const disputeBatch = defineCommand<{ election: number; batch: number; note: string }>({
  id: 'paper.dispute',
  path: ['paper', 'dispute'],
  access: 'scrutineer',
  phases: ['closed'],
  args: {
    election: arg.election('arg.election'),
    batch: arg.int('arg.paper_batch', 1, 100_000),
    note: arg.text('arg.note', 1000),
  },
  async handler(ctx, args) {
    const batch = await secondCheck(ctx, args.batch);
    if (!batch.ok) return batch;
    await ctx.tx.paper.updateBatch({
      ...batch.value,
      status: 'disputed',
      checkedBy: ctx.actor.memberId,
      checkedAt: ctx.now.toISOString(),
      note: args.note,
    });
    await ctx.audit('paper.batch_disputed', { batch: args.batch, note: args.note });
    return toActor(ctx.t('paper.batch_disputed', { batch: args.batch }));
  },
});

export const settleBatch = defineCommand<{
  election: number;
  batch: number;
  decision: 'accept' | 'reject';
  note?: string;
}>({
  id: 'paper.settle',
  path: ['paper', 'settle'],
  access: 'organiser',
  phases: ['closed'],
  args: {
    election: arg.election('arg.election'),
    batch: arg.int('arg.paper_batch', 1, 100_000),
    decision: arg.choice('arg.settle', ['accept', 'reject'] as const),
    note: arg.text('arg.note', 1000, { optional: true }),
  },
  async handler(ctx, args) {
    const batch = await batchOf(ctx, args.batch);
    if (!batch.ok) return batch;
    if (batch.value.status !== 'disputed') return fail('paper.not_disputed', { batch: args.batch });
    const note = [batch.value.note, args.note].filter(Boolean).join(' — ');
    await ctx.tx.paper.updateBatch({
      ...batch.value,
      status: args.decision === 'accept' ? 'confirmed' : 'rejected',
      note,
      settledBy: ctx.actor.memberId,
    });
    await ctx.audit('paper.batch_settled', {
      batch: args.batch,
      decision: args.decision,
      note: args.note ?? null,
    });
    return toActor(ctx.t(`paper.batch_${args.decision}ed`, { batch: args.batch }));
  },
});

export const listBatches = defineCommand<{ election: number }>({
  id: 'paper.batches',
  path: ['paper', 'batches'],
  access: 'organiser-or-scrutineer',
  phases: ['voting', 'closed', 'counted', 'announced', 'certified', 'archived'],
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    const contests = await ctx.tx.contests.list(e.id);
    const batches = await ctx.tx.paper.batches(e.id);
    const lines = batches.map((b) =>
      ctx.t('paper.batch_line', {
        batch: b.number,
        contest: contests.find((c) => c.id === b.contestId)?.name ?? '',
        channel: ctx.t(`paper.channel.${b.channel}`),
        count: b.ballots,
        status: ctx.t(`paper.status.${b.status}`),
        entered: mention(b.enteredBy),
        checked: b.checkedBy ? mention(b.checkedBy) : '—',
        note: b.note ?? '',
      }),
    );
    return toActor(lines.join('\n') || ctx.t('paper.no_batches'), {
      title: ctx.t('paper.batches_title', { number: e.number, count: batches.length }),
      tone: 'info',
    });
  },
});
