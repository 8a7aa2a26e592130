// Reading a channel back, so audit verification can compare the chain with the checkpoints Teller
// posted there (channels:history / groups:history, already in the manifest for "was it sent?" lookups).
import type { WebClient } from '@slack/web-api';

/** Enough history to reach an election's first checkpoint in a busy channel, without paging forever. */
const MAX_MESSAGES = 2_000;

export async function readChannelTexts(client: WebClient | undefined, channelId: string): Promise<string[]> {
  if (!client) throw new Error('no Slack installation for this workspace');
  const texts: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.history({
      channel: channelId,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    for (const m of page.messages ?? []) if (m.text) texts.push(m.text);
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor && texts.length < MAX_MESSAGES);
  return texts;
}
