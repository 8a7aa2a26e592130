// Reading an election channel back for audit verification, through each platform's real SDK against
// the local fakes: Teller's own checkpoint posts come back as text the core can read.
import { REST, Routes } from 'discord.js';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { readCheckpointLines } from '../../../src/core/audit/audit.verify.js';
import { startHarness as startDiscord, CHANNEL } from '../discord/harness.js';
import { startHttp as startSlack } from '../slack/harness.js';

const line = (n: number) =>
  `Audit checkpoint\nteller-checkpoint v1 election=e1 count=${n} head=${n.toString(16).padStart(16, '0')}`;

describe('channel read-back', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('Slack: conversations.history returns the posted checkpoints', async () => {
    const h = await startSlack();
    stops.push(() => h.stop());
    const client = new WebClient('xoxb-test', { slackApiUrl: h.fake.apiUrl });
    for (let n = 1; n <= 3; n++) await client.chat.postMessage({ channel: 'C1', text: line(n) });
    await client.chat.postMessage({ channel: 'C2', text: line(9) });
    const texts = await h.app.readChannel('T1', 'C1');
    expect(
      readCheckpointLines(texts.join('\n'), 'e1')
        .map((c) => c.count)
        .sort(),
    ).toEqual([1, 2, 3]);
  });

  it('Discord: pages back through the channel and reads embeds', async () => {
    const h = await startDiscord();
    stops.push(() => h.stop());
    const rest = new REST({ version: '10', api: h.discord.apiUrl }).setToken('test-token');
    // 150 posts: more than one page of 100
    for (let n = 1; n <= 150; n++)
      await rest.post(Routes.channelMessages(CHANNEL), { body: { embeds: [{ description: line(n) }] } });
    const texts = await h.bot.readChannel('guild', CHANNEL);
    expect(texts).toHaveLength(150);
    expect(readCheckpointLines(texts.join('\n'), 'e1')).toHaveLength(150);
  }, 60_000);
});
