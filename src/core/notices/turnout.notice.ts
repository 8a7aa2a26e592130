// The live turnout line in the election's channel: posted when voting opens, edited in place as ballots
// arrive (at most once a minute), and a final figure at close. Only counts: who voted is nobody's
// business but the reminders'.
import type { ElectionContext } from '../kit/context.js';
import { notifyChannel } from './notice.service.js';

export const TURNOUT_KEY = 'turnout';
/** The live turnout line is edited at most once a minute per election, however fast ballots arrive. */
const TURNOUT_EVERY_MS = 60_000;

export async function turnoutText(ctx: ElectionContext, final: boolean): Promise<string> {
  const e = ctx.election;
  const eligible = (await ctx.tx.roll.list(e.id)).filter((r) => r.status === 'eligible').length;
  const voted = (await ctx.tx.participation.voters(e.id)).length;
  const pct = eligible === 0 ? 0 : Math.round((voted / eligible) * 1000) / 10;
  return ctx.t(final ? 'voting.turnout_final' : 'voting.turnout', { voted, eligible, pct });
}

export async function updateTurnout(ctx: ElectionContext, final = false): Promise<void> {
  const e = ctx.election;
  const bucket = final ? 'final' : String(Math.floor(ctx.now.getTime() / TURNOUT_EVERY_MS));
  const turnoutPosted = ctx.state.table<number>('turnout-posted');
  if (!final && turnoutPosted.get(e.id) === Number(bucket)) return;
  await notifyChannel(
    ctx,
    `${bucket}:${TURNOUT_KEY}`,
    { text: await turnoutText(ctx, final), tone: 'info' },
    'turnout',
    TURNOUT_KEY,
  );
  if (!final) turnoutPosted.set(e.id, Number(bucket));
}
