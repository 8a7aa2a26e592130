// Ballot fan-out against the real core and its SQLite outbound queue: 429 and 500 (some after Slack
// already posted) from the fake, and a worker that dies mid fan-out holding claims. Every voter must
// end up with exactly one ballot DM.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../../adapters/shared/index.js';
import { SlackSender } from '../../../adapters/slack/send/slack-sender.js';
import type { Config } from '../../../src/config.js';
import { DEMO_SCRIPT } from '../../../src/demo.js';
import { buildTeller, type Teller } from '../../../src/main.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';

const config = {
  databaseUrl: ':memory:',
  dataDir: '/tmp',
  consoleMember: 'olga',
  logLevel: 'error',
} as unknown as Config;
const uid = (name: string) => `U${name.toUpperCase()}`;

let fake: FakeSlackServer;
let teller: Teller;
beforeEach(async () => {
  fake = new FakeSlackServer();
  await fake.start();
  teller = await buildTeller(
    config,
    { info() {}, error() {} },
    { databaseUrl: ':memory:', secret: randomBytes(32).toString('base64') },
  );
});
afterEach(async () => {
  await teller.close();
  await fake.stop();
});

describe('ballot fan-out through the real queue with faults and a crash', () => {
  it('gives every voter exactly one ballot DM', async () => {
    const sender = new SlackSender({ tokenFor: async () => 'xoxb', apiUrl: fake.apiUrl });
    const worker = () =>
      createDeliveryWorker({
        queue: teller.delivery,
        sender,
        limits: { buckets: {} },
        backoff: { baseMs: 10, maxMs: 50 },
        idleMs: 5,
      });
    // the demo election up to "voting open", typed by its members (the transport is not under test here)
    for (const [member, line] of DEMO_SCRIPT) {
      const [head, ...rest] = line.replace(/@([a-z]+)/g, (_, n: string) => `<@${uid(n)}>`).split(' ');
      const command = head === '/nominate' ? 'nomination.create' : '';
      const result = await teller.core.dispatch({
        platform: 'slack',
        platformOrgId: 'T1',
        channelId: 'C1',
        command,
        args: { text: rest.join(' ') },
        actor: { memberId: uid(member), isAdmin: member === 'olga' },
      });
      expect(result.kind, `${member}: ${line}`).toBe('ok');
      if (line !== '/election voting open 1') await worker().drain({ untilEmpty: true });
    }
    const before = fake.messages.length;

    // a worker claims the ballots with a short lease, posts some, and dies before recording anything
    const claimed = await teller.delivery.claim('slack', 500, new Date(), 300);
    const ballots = claimed.filter((m) => m.purpose === 'ballot');
    expect(ballots.length).toBe(22);
    const signal = new AbortController().signal;
    for (const m of ballots.slice(0, 9)) await sender.send(m, { attempt: 1, signal });

    await new Promise((r) => setTimeout(r, 350));
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    fake.failNext('chat.postMessage', { status: 500 }, 2);
    fake.failNext('chat.postMessage', { status: 500, applied: true }, 2);
    await worker().drain({ untilEmpty: true });

    const perVoter = new Map<string, number>();
    for (const m of fake.messages.slice(before)) {
      const isBallot = JSON.stringify(m.blocks ?? []).includes('ballot.get') && m.channel.startsWith('D');
      if (isBallot) perVoter.set(m.channel, (perVoter.get(m.channel) ?? 0) + 1);
    }
    expect(perVoter.size).toBe(22);
    expect([...perVoter.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const progress = await teller.delivery.progress(ballots[0].electionId!, 'ballot');
    expect(progress).toMatchObject({ sent: 22, pending: 0, sending: 0, failed: 0 });
  });
});
