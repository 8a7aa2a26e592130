// Anchoring the audit chain outside the database: at every phase change and at the seal, the chain's
// entry count and head are posted to the election's channel (where the database's operator cannot
// rewrite them), and the chain records that it did. Verification then checks the chain still reaches
// every posted checkpoint (audit.verify.ts).
import type { CommandContext } from '../kit/context.js';
import type { Election } from '../shared/election.types.js';
import { checkpointLine, HEAD_CHARS } from './audit.verify.js';

export async function postCheckpoint(ctx: CommandContext, e: Election): Promise<void> {
  const last = await ctx.tx.audit.last(e.id);
  if (!last) return;
  const cp = { count: last.seq, head: last.hash.slice(0, HEAD_CHARS) };
  // the same channel every notice of the election goes to; with none, there is nowhere to anchor
  const channelId = e.channelId ?? ctx.channelId;
  if (!channelId) return;
  const text = `${ctx.t('audit.checkpoint', { number: e.number, count: cp.count, head: cp.head, phase: ctx.t(`phase.${e.phase}`) })}\n${checkpointLine(e.id, cp)}`;
  const queued = await ctx.enqueue({
    destination: { kind: 'channel', channelId },
    body: { text, tone: 'info' },
    dedupeKey: `${e.id}:checkpoint:${cp.count}`,
    electionId: e.id,
    purpose: 'checkpoint',
  });
  // The record names the checkpoint it follows, so the posted values and the chain cannot disagree.
  if (queued) await ctx.audit('audit.checkpoint', { count: cp.count, head: cp.head });
}
