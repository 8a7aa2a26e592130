// Teller's posts carry their outbox id in Slack message metadata (and, for a body posted in parts, the
// part's number), so a send whose outcome is unknown can be looked up instead of repeated. Here: the
// thread of a message posted in parts, read back for the later parts Slack already has
// (conversations.replies), so a send that stopped half-way is finished without posting a part twice.
import type { WebClient } from '@slack/web-api';

export const OUTBOX_EVENT = 'teller_outbox';

/** the first part of a message, found in its channel, and the later parts already under it */
export interface Resume {
  ref: string;
  posted: Set<number>;
}

export async function findInThread(client: WebClient, ref: string, outboxId: string): Promise<Set<number>> {
  const i = ref.indexOf(':');
  const [channel, ts] = [ref.slice(0, i), ref.slice(i + 1)];
  const posted = new Set<number>();
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await client.conversations.replies({
      channel,
      ts,
      include_all_metadata: true,
      limit: 200,
      cursor,
    });
    for (const m of res.messages ?? []) {
      const payload = m.metadata?.event_payload as { outbox_id?: string; part?: number } | undefined;
      if (m.metadata?.event_type === OUTBOX_EVENT && payload?.outbox_id === outboxId && payload.part)
        posted.add(Number(payload.part));
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) return posted;
  }
  // a thread this long is not ours to finish: say what was seen, the sender posts no part it saw
  return posted;
}
