// Issue 9 as an organiser met it, through the real Bolt app and the real core: names typed as the README
// shows them (`@carol`, `#branch-elections`) reach the core as ids, and a member who never used Teller
// is written to in their Slack language from the first DM — or, when Slack tells nothing, in the
// organisation's language set with /election language.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/slack-adapter.js';
import type { Config } from '../../../src/config.js';
import { buildTeller, type Teller } from '../../../src/main.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import { commandPayload, quietLogger, sign, SECRET } from './harness.js';

const config = {
  databaseUrl: ':memory:',
  dataDir: '/tmp',
  consoleMember: 'olga',
  logLevel: 'error',
} as unknown as Config;
const CJK = /[\u4e00-\u9fff]/;

let fake: FakeSlackServer;
let teller: Teller;
let app: SlackAdapter;
let url: string;

async function type(line: string, user = 'UOLGA'): Promise<string> {
  const [command, ...rest] = line.split(' ');
  const payload = new URLSearchParams(
    commandPayload(fake, command, rest.join(' '), { user_id: user }),
  ).toString();
  const ts = Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(SECRET, ts, payload),
    },
    body: payload,
  });
  const text = res.headers.get('content-type')?.includes('json')
    ? ((await res.json()) as { text: string }).text
    : '';
  await app.worker.drain({ untilEmpty: true });
  return text;
}

const dms = (user: string) => fake.messages.filter((m) => m.channel === `D${user}`).map((m) => m.text ?? '');

beforeAll(async () => {
  fake = new FakeSlackServer();
  await fake.start();
  fake.users.set('UOLGA', {
    id: 'UOLGA',
    name: 'olga',
    real_name: 'Olga Berg',
    locale: 'en-US',
    is_admin: true,
  });
  fake.users.set('UCAROL', {
    id: 'UCAROL',
    name: 'carol.chen',
    real_name: 'Carol Chen',
    profile: { display_name: 'carol' },
    locale: 'zh-CN',
  });
  fake.users.set('UDAN', { id: 'UDAN', name: 'dan', real_name: 'Dan Roe', locale: 'en-GB' });
  // Slack gave no locale for eve (the lookup had none to give)
  fake.users.set('UEVE', { id: 'UEVE', name: 'eve', real_name: 'Eve Nash' });
  fake.users.set('USAM', { id: 'USAM', name: 'sam', real_name: 'Sam Wu', locale: 'en-US' });
  fake.channels.set('C1', { id: 'C1', name: 'general' });
  fake.channels.set('C777', { id: 'C777', name: 'branch-elections' });
  teller = await buildTeller(
    config,
    { info() {}, error() {} },
    { databaseUrl: ':memory:', secret: randomBytes(32).toString('base64') },
  );
  app = createSlackAdapter({
    core: teller.core,
    deliveryQueue: teller.delivery,
    platformState: teller.platformState,
    config: { botToken: 'xoxb-names', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 },
    logger: quietLogger,
    deliver: false,
    worker: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 5 },
    limits: { buckets: {} },
  });
  await app.start();
  url = `http://127.0.0.1:${app.port}/slack/events`;
});
afterAll(async () => {
  await app?.stop();
  await teller?.close();
  await fake?.stop();
});

describe('an organiser following the README on Slack', () => {
  it('names members and the channel as typed, and writes to each member in their language from the first DM', async () => {
    expect(await type('/election create "Branch AGM" channel=#branch-elections')).toMatch(/Election 1/);
    await type('/election configure 1 seconders=0');
    await type('/election contest add 1 Chair 1 plurality');
    expect(await type('/election roll add 1 @olga @carol @dan @eve')).toMatch(/^4 member/);
    // the real sam, by id: not a made-up member "sam"
    expect(await type('/election scrutineer add 1 @sam')).toMatch(/<@USAM> is now a scrutineer/);
    expect(await type('/election scrutineer add 1 @samuel')).toMatch(/There is no member called @samuel/);

    await type('/election nominations open 1');
    // the notice went to #branch-elections, the channel typed by name
    expect(fake.messages.some((m) => m.channel === 'C777')).toBe(true);
    expect(fake.messages.some((m) => m.channel === 'branch-elections')).toBe(false);

    // carol has never used Teller; Slack says her language is zh-CN
    await type('/nominate 1 Chair @carol');
    expect(dms('UCAROL').at(-1)).toMatch(CJK);
    await type('/nominate 1 Chair');
    await type('/election nominations close 1');
    await type('/election review approve 1 2');
    await type('/election candidates publish 1');
    await type('/election voting open 1');
    const ballot = (user: string) => dms(user).find((t) => /Voting in|正在投票/.test(t)) ?? '';
    expect(ballot('UCAROL')).toMatch(/正在投票/);
    expect(ballot('UDAN')).toMatch(/Voting in "Branch AGM" is open/);
    expect(ballot('UEVE')).toMatch(/Voting in "Branch AGM" is open/);
    // the organiser's own replies stay in her language
    expect(await type('/election show 1')).not.toMatch(CJK);
  });

  it("writes in the organisation's language to a member Slack tells no language for", async () => {
    expect(await type('/election language zh-Hans')).toMatch(/简体中文/);
    const before = { eve: dms('UEVE').length, dan: dms('UDAN').length };
    await type('/election voting remind 1');
    expect(dms('UEVE').slice(before.eve).join('\n')).toMatch(CJK);
    // dan's own Slack language still wins
    const toDan = dms('UDAN').slice(before.dan).join('\n');
    expect(toDan).not.toBe('');
    expect(toDan).not.toMatch(CJK);
  });
});
