// A whole election driven only through Slack payloads into the real Bolt app and the real core (SQLite
// in memory): the demo's script typed as slash commands, ballots delivered by DM through the outbound
// queue, cast through the Vote button and the modal, one vote changed, reminders, then counted and announced. The
// announcement must say what the console's says for the same election.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../../adapters/console/console.js';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/slack-adapter.js';
import type { Config } from '../../../src/config.js';
import { DEMO_SCRIPT, demoVotes } from '../../../src/demo.js';
import { buildTeller, type Teller } from '../../../src/main.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import { buttonPayload, commandPayload, quietLogger, sign, SECRET, submission, waitFor } from './harness.js';

const config = {
  databaseUrl: ':memory:',
  dataDir: '/tmp',
  consoleMember: 'olga',
  logLevel: 'error',
} as unknown as Config;
const silent = { info() {}, error() {} };
const uid = (name: string) => `U${name.toUpperCase()}`;
const BAD = /Something went wrong|needs fixing|not possible now|There is no|Only members|can use \/election/;

let fake: FakeSlackServer;
let teller: Teller;
let app: SlackAdapter;
let url: string;

async function post(payload: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(SECRET, ts, payload),
    },
    body: payload,
  });
}
const interact = (p: Record<string, unknown>) =>
  post(new URLSearchParams({ payload: JSON.stringify(p) }).toString());

async function type(member: string, line: string): Promise<string> {
  const slackLine = line.replace(/@([a-z]+)/g, (_, n: string) => `<@${uid(n)}>`);
  const [command, ...rest] = slackLine.split(' ');
  const res = await post(
    new URLSearchParams(
      commandPayload(fake, command, rest.join(' '), { user_id: uid(member), user_name: member }),
    ).toString(),
  );
  const text = res.headers.get('content-type')?.includes('json')
    ? ((await res.json()) as { text: string }).text
    : '';
  await app.worker.drain({ untilEmpty: true });
  return text;
}

/** the first button in the latest message/response whose action id starts with `prefix` */
function findButton(blocksList: unknown[], prefix: string): string | undefined {
  for (const blocks of blocksList.reverse()) {
    for (const b of (blocks as { type: string; elements?: { action_id?: string }[] }[]) ?? []) {
      const hit = b.elements?.find((e) => e.action_id?.startsWith(prefix));
      if (hit) return hit.action_id;
    }
  }
  return undefined;
}

async function vote(member: string, contest: string, choices: string): Promise<void> {
  const dm = fake.messages.filter((m) => m.channel === `D${uid(member)}`).map((m) => m.blocks);
  const vote = findButton(dm, 'ballot.get');
  expect(vote, `a Vote button in ${member}'s DM`).toBeDefined();
  const responsesBefore = fake.responses.length;
  const opensBefore = fake.callsOf('views.open').length;
  await interact(buttonPayload(fake, vote!, uid(member), `D${uid(member)}`));
  await waitFor(
    () => fake.responses.length > responsesBefore || fake.callsOf('views.open').length > opensBefore,
  );
  if (fake.callsOf('views.open').length === opensBefore) {
    // several contests: the reply offers one button per contest
    const perContest = findButton(
      fake.responses.slice(responsesBefore).map((r) => r.body.blocks),
      `ballot.get:election=1;contest=${contest}`,
    );
    expect(perContest).toBeDefined();
    await interact(buttonPayload(fake, perContest!, uid(member), `D${uid(member)}`));
    await waitFor(() => fake.callsOf('views.open').length > opensBefore);
  }
  const view = fake.callsOf('views.open').at(-1)!.params.view as {
    blocks: { block_id?: string; element?: { type: string } }[];
  };
  const marks = view.blocks.find((b) => b.block_id === 'marks')!;
  const picked = choices
    .split(',')
    .filter(Boolean)
    .map((value) => ({ value }));
  const state =
    marks.element!.type === 'radio_buttons' || marks.element!.type === 'static_select'
      ? { v: { selected_option: picked[0] ?? null } }
      : { v: { selected_options: picked } };
  const res = await interact(submission(view as never, { marks: state }, uid(member)));
  const body = (await res.json()) as { response_action: string; errors?: unknown };
  expect(
    body.response_action,
    `${member} casting ${choices} in contest ${contest}: ${JSON.stringify(body.errors)}`,
  ).toBe('update');
  // the DM confirms with a receipt code and nothing about the choice: one DM per voter, queued by the
  // core with the cast and edited in place by a later cast
  await app.worker.drain({ untilEmpty: true });
  const receipts = fake.messages.filter(
    (m) => m.channel === `D${uid(member)}` && /receipt code/i.test(m.text ?? ''),
  );
  expect(receipts).toHaveLength(1);
  const receipt = receipts[0].text ?? '';
  for (const name of ['amy', 'eli', 'hana', 'kai', 'nia', 'tao'])
    expect(receipt.toLowerCase()).not.toContain(name);
}

beforeAll(async () => {
  fake = new FakeSlackServer();
  await fake.start();
  // the organiser administers the workspace (users.info is_admin), which lets her create elections
  fake.users.set(uid('olga'), { id: uid('olga'), is_admin: true, locale: 'en-US' });
  teller = await buildTeller(config, silent, {
    databaseUrl: ':memory:',
    secret: randomBytes(32).toString('base64'),
  });
  app = createSlackAdapter({
    core: teller.core,
    deliveryQueue: teller.delivery,
    platformState: teller.platformState,
    config: { botToken: 'xoxb-e2e', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0 },
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

describe('a whole election through Slack', () => {
  it('runs from create to announce and announces what the console announces', async () => {
    for (const [member, line] of DEMO_SCRIPT) {
      const reply = await type(member, line);
      expect(reply, `${member}: ${line}`).not.toMatch(BAD);
    }
    // voting open: every voter on the roll got exactly one ballot DM with a Vote button
    const ballotDms = fake.messages.filter(
      (m) => m.channel.startsWith('DU') && findButton([m.blocks], 'ballot.get'),
    );
    const perVoter = new Map<string, number>();
    for (const m of ballotDms) perVoter.set(m.channel, (perVoter.get(m.channel) ?? 0) + 1);
    expect(perVoter.size).toBe(22);
    expect([...perVoter.values()].every((n) => n === 1)).toBe(true);

    for (const [member, line] of demoVotes()) {
      if (line === '/election voting close 1') {
        // reminders go only to the two members on the roll who have not voted
        const before = fake.messages.length;
        expect(await type('olga', '/election voting remind 1')).not.toMatch(BAD);
        expect(
          fake.messages
            .slice(before)
            .map((m) => m.channel)
            .sort(),
        ).toEqual(['DUUMA', 'DUVIC']);
      }
      const cast = /^\/election cast 1 (\d) ?(.*)$/.exec(line);
      if (cast) await vote(member, cast[1], cast[2]);
      else expect(await type(member, line), `${member}: ${line}`).not.toMatch(BAD);
    }
    await app.worker.drain({ untilEmpty: true });
    const slackResults = fake.messages
      .filter((m) => m.channel === 'C1' && /Results/.test(m.text ?? ''))
      .at(-1);
    expect(slackResults).toBeDefined();

    // the same election typed into the console
    const consoleTeller = await buildTeller(config, silent, {
      databaseUrl: ':memory:',
      secret: randomBytes(32).toString('base64'),
    });
    const out: string[] = [];
    const session = new ConsoleSession(consoleTeller.core, {
      delivery: consoleTeller.delivery,
      member: 'olga',
      showDms: false,
      write: (t) => out.push(t),
    });
    for (const [member, line] of [...DEMO_SCRIPT, ...demoVotes()]) {
      session.member = member;
      await session.handleLine(line);
    }
    await consoleTeller.close();
    const consoleResults = [...out]
      .reverse()
      .find((t) => t.startsWith('[#general]') && t.includes('Results'))!;
    const facts = (lines: string[]) => lines.map(normalise).filter((l) => FACT.test(l));
    const slackFacts = facts(blockLines(slackResults!.blocks));
    expect(slackFacts.filter((l) => l.startsWith('Elected:'))).toEqual([
      'Elected: amy',
      'Elected: hana, kai, nia',
    ]);
    expect(slackFacts).toEqual(facts(consoleResults.split('\n')));

    // the chart went up into the channel right after the results post
    const complete = fake.callsOf('files.completeUploadExternal').at(-1)!;
    expect(complete.params).toMatchObject({ channel_id: 'C1' });
    expect(complete.at).toBeGreaterThanOrEqual(
      fake
        .callsOf('chat.postMessage')
        .find((c) => c.params.channel === 'C1' && /Results/.test(String(c.params.text)))!.at,
    );
    const png = fake.uploads.get((complete.params.files as { id: string }[])[0].id)!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});

/** lines that carry the result: turnout, ballot figures, votes per candidate, who was elected */
const FACT = /^(Elected:|Ballots:|.*Turnout:|\S+: \d+( ✓)?$)/;

function normalise(text: string): string {
  return text
    .replace(/<@U([A-Z]+)>/g, (_, n: string) => `@${n.toLowerCase()}`)
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/^\*([^*]+)\*$/, '$1')
    .replace(/^@/, '')
    .trim();
}

/** the post's text as the console lays it out: a field is "label: value", or "label:" over its lines */
function blockLines(blocks: unknown): string[] {
  const out: string[] = [];
  for (const b of blocks as { text?: { text: string }; fields?: { text: string }[] }[]) {
    if (b.text) out.push(...b.text.text.split('\n'));
    for (const f of b.fields ?? []) {
      const [label, ...value] = f.text.split('\n');
      const name = label.replace(/^\*|\*$/g, '');
      if (value.length === 1) out.push(`${name}: ${value[0]}`);
      else out.push(`${name}:`, ...value);
    }
  }
  // The core names a candidate by member id when it has no display name: UAMY on Slack, amy in the
  // console; the same person either way.
  return out.map((l) => l.replace(/\bu([a-z]+)\b/g, (w, n: string) => (MEMBER_NAMES.has(n) ? n : w)));
}

const MEMBER_NAMES = new Set(['amy', 'eli', 'hana', 'kai', 'nia', 'tao', 'quin']);
