// Reading a channel back, so audit verification can compare the chain with the checkpoints Teller
// posted there. Teller's posts carry their text in embeds; the bot needs Read Message History.
import { type REST, Routes } from 'discord.js';

const PAGE = 100;
/** Enough history to reach an election's first checkpoint in a busy channel, without paging forever. */
const MAX_MESSAGES = 2_000;

interface ApiMessage {
  id: string;
  content?: string;
  embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
}

export async function readChannelTexts(rest: REST, channelId: string): Promise<string[]> {
  const texts: string[] = [];
  let before: string | undefined;
  for (let read = 0; read < MAX_MESSAGES; read += PAGE) {
    const query = new URLSearchParams({ limit: String(PAGE), ...(before ? { before } : {}) });
    const page = (await rest.get(Routes.channelMessages(channelId), { query })) as ApiMessage[];
    for (const m of page) {
      const parts = [
        m.content ?? '',
        ...(m.embeds ?? []).flatMap((e) => [
          e.title ?? '',
          e.description ?? '',
          ...(e.fields ?? []).map((f) => `${f.name}\n${f.value}`),
        ]),
      ];
      texts.push(parts.filter(Boolean).join('\n'));
    }
    if (page.length < PAGE) break;
    before = page.at(-1)!.id;
  }
  return texts;
}
