// The receipt DM, the same on every platform: after a cast the voter keeps a record, in their DMs, of
// the receipt code that proves a ballot of theirs is in the count (issue 9: Slack sent one from its
// adapter, Discord none). It is queued in the cast's own transaction, so it exists exactly when the
// ballot was recorded; one message per voter and election, edited in place by later casts (a change
// of mind, another contest), so re-voting does not fill the DM with copies.
//
// Never a choice, a candidate or a contest's content (ARCHITECTURE §2: workspace owners can export
// DMs): only the election, the code and how to check it.
import type { ElectionContext } from '../kit/context.js';
import { mention } from '../kit/say.js';
import { randomId } from '../shared/ids.js';

export const RECEIPT_PURPOSE = 'receipt';

export async function queueReceiptDm(
  ctx: ElectionContext,
  receipt: string,
  /** the principal a proxy cast for (C13); the actor's own receipt when not given */
  principal?: string,
): Promise<void> {
  const e = ctx.election;
  const me = principal ?? ctx.actor.memberId;
  const params = { number: e.number, title: e.title, receipt, proxy: mention(ctx.actor.memberId) };
  // in the voter's language: the actor's own (ctx.t), or the principal's
  const t = principal ? (await ctx.readerFor(principal)).t : ctx.t;
  const body = (key: string) => ({
    title: t('ballot.receipt_dm_title', params),
    text: t(principal ? `${key}_proxy` : key, params),
    fields: [{ label: t('field.receipt'), value: receipt }],
    tone: 'success' as const,
  });
  const first = `${e.id}:receipt:${me}`;
  const message = {
    destination: { kind: 'dm' as const, memberId: me },
    electionId: e.id,
    purpose: RECEIPT_PURPOSE,
  };
  if (await ctx.enqueue({ ...message, body: body('ballot.receipt_dm'), dedupeKey: first })) return;
  // there is one already: this cast edits it (each edit needs its own key in the outbox)
  await ctx.enqueue({
    ...message,
    body: body('ballot.receipt_dm_updated'),
    dedupeKey: `${first}:${randomId()}`,
    replaces: first,
  });
}
