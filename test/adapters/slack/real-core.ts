// The real core on real storage (SQLite in memory) behind the real Bolt app (HTTP receiver) and the
// fake Slack: for behaviour that belongs to the core and must show on Slack, such as the schedule form
// and the deadlines in DMs. Every dispatch is recorded, so a test can see what a form submitted.
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.js';
import { createCore, type Invocation, type TellerCore } from '../../../src/core/index.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../../src/storage/index.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import { openTestDatabase, testDatabases } from '../../storage/databases.js';
import { commandPayload, quietLogger, SECRET, sign, submission } from './harness.js';

export const uid = (name: string) => `U${name.toUpperCase()}`;

export interface SlackReal {
  fake: FakeSlackServer;
  core: TellerCore;
  app: SlackAdapter;
  /** every invocation the adapter dispatched, in order */
  dispatched: Invocation[];
  errors: string[];
  /** what `member` typed after /election; resolves with the ack's body (undefined for an empty ack) */
  type(member: string, text: string): Promise<Record<string, any> | undefined>;
  /** submit a modal the fake saw opened, as `member` */
  submit(view: Record<string, unknown>, values: Record<string, unknown>, member: string): Promise<any>;
  /** deliver everything queued */
  drain(): Promise<void>;
  /** the texts of Teller's DMs to `member` */
  dms(member: string): string[];
  stop(): Promise<void>;
}

export async function startSlackReal(clock: { now(): Date } = { now: () => new Date() }): Promise<SlackReal> {
  const opened = await openTestDatabase(testDatabases[0]);
  const errors: string[] = [];
  const delivery = createDeliveryQueue(opened.database);
  const real = createCore({
    store: createStore(opened.database),
    delivery,
    platformState: createPlatformState(opened.database),
    clock,
    serverSecret: 'slack-real-core-test-secret',
    logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
  });
  const dispatched: Invocation[] = [];
  const core: TellerCore = {
    ...real,
    dispatch: (inv) => {
      dispatched.push(structuredClone(inv));
      return real.dispatch(inv);
    },
  };
  const fake = new FakeSlackServer();
  await fake.start();
  const app = createSlackAdapter({
    core,
    deliveryQueue: delivery,
    platformState: createPlatformState(opened.database),
    config: { botToken: 'xoxb-real', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 },
    logger: quietLogger,
    deliver: false,
    worker: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 5 },
    limits: { buckets: {} },
  });
  await app.start();
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  async function post(body: string): Promise<any> {
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
    return res.headers.get('content-type')?.includes('json') ? await res.json() : undefined;
  }
  return {
    fake,
    core,
    app,
    dispatched,
    errors,
    type: (member, text) =>
      post(
        new URLSearchParams(
          commandPayload(fake, '/election', text, { user_id: uid(member), user_name: member }),
        ).toString(),
      ),
    submit: (view, values, member) =>
      post(
        new URLSearchParams({ payload: JSON.stringify(submission(view, values, uid(member))) }).toString(),
      ),
    drain: async () => void (await app.worker.drain({ untilEmpty: true })),
    dms: (member) => fake.messages.filter((m) => m.channel === `D${uid(member)}`).map((m) => m.text ?? ''),
    async stop() {
      await app.stop();
      await fake.stop();
      await opened.dispose();
    },
  };
}
