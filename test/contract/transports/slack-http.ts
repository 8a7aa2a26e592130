// Slack over HTTP: requests signed with the signing secret into Bolt's HTTPReceiver, the Web API
// pointed at the fake Slack server.
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { quietLogger, SECRET, sign } from '../../adapters/slack/harness.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import type { ElectionDriver } from '../driver.js';
import { startCore } from '../real-core.js';
import { slackDriver, type SlackBody } from '../slack-driver.js';

export async function startSlackHttp(): Promise<ElectionDriver> {
  const { core, delivery, platformState, errors, close } = await startCore();
  const fake = new FakeSlackServer();
  await fake.start();
  const app = createSlackAdapter({
    core,
    deliveryQueue: delivery,
    platformState,
    config: { botToken: 'xoxb-contract', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 },
    logger: quietLogger,
    deliver: false,
    worker: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 5 },
    limits: { buckets: {} },
  });
  await app.start();
  const url = `http://127.0.0.1:${app.port}/slack/events`;

  async function post(body: string): Promise<SlackBody | undefined> {
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign(SECRET, ts, body),
      },
      body,
    });
    if (res.status !== 200) throw new Error(`Slack receiver answered ${res.status}`);
    return res.headers.get('content-type')?.includes('json') ? ((await res.json()) as SlackBody) : undefined;
  }

  return slackDriver({
    name: 'Slack over HTTP',
    fake,
    wire: {
      command: (payload) => post(new URLSearchParams(payload).toString()),
      interact: (payload) => post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString()),
    },
    drain: async () => void (await app.worker.drain({ untilEmpty: true })),
    errors: () => errors,
    async stop() {
      await app.stop();
      await fake.stop();
      await close();
    },
  });
}
