// The replies that carry the later parts of a long body in its first message's thread (slack-sender.ts).

import type { WebClient } from '@slack/web-api';
import type { MessageBody, OutboundMessage } from '../../../src/core/index.js';
import { type SendResult, systemClock } from '../../shared/index.js';
import { fallbackText, renderBlocks } from '../render/blocks.js';
import { classifySlackError } from './classify-error.js';
import { OUTBOX_EVENT } from './outbox-metadata.js';

/** a reply refused for the rate limit is waited for at most this often, and this long each time */
const MAX_REPLY_WAITS = 5;
const MAX_REPLY_WAIT_MS = 30_000;

/**
 * One reply in the thread; undefined once posted. Slack allows about one post a second in a channel,
 * with short bursts, so a long body's replies meet 429s: each is waited out here and the reply posted
 * then, rather than the whole send handed back to be looked up and resumed after every few parts.
 */
export async function postReply(
  client: WebClient,
  message: OutboundMessage,
  reply: { channel: string; ts: string; part: number; body: MessageBody },
  signal: AbortSignal,
): Promise<SendResult | undefined> {
  for (let tries = 0; ; tries++) {
    try {
      await client.chat.postMessage({
        channel: reply.channel,
        thread_ts: reply.ts,
        text: fallbackText(reply.body),
        blocks: renderBlocks(reply.body) as never,
        unfurl_links: false,
        unfurl_media: false,
        metadata: { event_type: OUTBOX_EVENT, event_payload: { outbox_id: message.id, part: reply.part } },
      });
      return undefined;
    } catch (err) {
      const result = classifySlackError(err, `chat.postMessage:${message.platformOrgId}`, true);
      const wait = result.kind === 'rate-limited' ? result.retryAfterMs : Number.POSITIVE_INFINITY;
      if (tries >= MAX_REPLY_WAITS || wait > MAX_REPLY_WAIT_MS || signal.aborted) return result;
      await systemClock.sleep(wait, signal);
    }
  }
}

/**
 * After the first part is out, a failure is never "not sent": the worker must look before trying
 * again (findSent), even after a 429, which for the refused part only means that part.
 */
export function afterFirst(result: SendResult, part: number): SendResult {
  const where = `part ${part + 1}`;
  switch (result.kind) {
    case 'rate-limited':
      return {
        kind: 'retry',
        error: `${where}: rate limited`,
        maybeSent: true,
        retryAfterMs: result.retryAfterMs,
      };
    case 'retry':
      return { ...result, error: `${where}: ${result.error}`, maybeSent: true };
    case 'unreachable':
    case 'failed':
      return { ...result, error: `${where}: ${result.error}` };
    default:
      return result;
  }
}
