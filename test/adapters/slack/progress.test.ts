import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../../adapters/shared/index.js';
import { ProgressPoster } from '../../../adapters/slack/send/progress-poster.js';
import { SlackSender } from '../../../adapters/slack/send/slack-sender.js';
import { translate } from '../../../src/i18n/index.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import { FakeQueue } from '../../fakes/fake-queue.js';

let fake: FakeSlackServer;
beforeEach(async () => {
  fake = new FakeSlackServer();
  await fake.start();
});
afterEach(async () => fake.stop());

describe('fan-out progress for the organisers', () => {
  it('keeps one progress line in the election channel, edited in place until all ballots are out', async () => {
    const queue = new FakeQueue('slack');
    let poster: ProgressPoster | undefined;
    const sender: SlackSender = new SlackSender({
      tokenFor: async () => 'xoxb',
      apiUrl: fake.apiUrl,
      observe: (m) => poster?.observe(m),
    });
    poster = new ProgressPoster((t) => sender.client(t), translate, 50);
    queue.enqueue(
      {
        orgId: 'o',
        destination: { kind: 'channel', channelId: 'C1' },
        body: { text: 'Voting is open' },
        dedupeKey: 'open',
        electionId: 'e1',
        purpose: 'notice',
      },
      new Date(),
      'T1',
    );
    for (let i = 0; i < 60; i++) {
      queue.enqueue(
        {
          orgId: 'o',
          destination: { kind: 'dm', memberId: `U${i}` },
          body: { text: 'Vote' },
          dedupeKey: `b${i}`,
          electionId: 'e1',
          purpose: 'ballot',
        },
        new Date(),
        'T1',
      );
    }
    const worker = createDeliveryWorker({
      queue,
      sender,
      limits: { buckets: {} },
      batchSize: 20,
      progressEveryMs: 0,
      onProgress: (r) => poster!.report(r),
    });
    await worker.drain({ untilEmpty: true });

    const progressPosts = fake
      .callsOf('chat.postMessage')
      .filter((c) => c.params.channel === 'C1' && String(c.params.text).startsWith('Ballot messages'));
    expect(progressPosts).toHaveLength(1);
    expect(fake.callsOf('chat.update').length).toBeGreaterThan(0);
    const line = fake.messages.find((m) => m.channel === 'C1' && m.text?.startsWith('Ballot messages'));
    expect(line?.text).toContain('60 of 60 delivered');
    expect(line?.text).toContain('All done');
  });
});
