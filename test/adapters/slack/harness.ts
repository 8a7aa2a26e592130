// Drives the real Bolt app: HTTP requests signed as Slack signs them (v0 HMAC-SHA256 over
// "v0:timestamp:body") into Teller's receiver, with the Web API pointed at the fake Slack server.

import { createHmac } from 'node:crypto';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackConfig,
} from '../../../adapters/slack/slack-adapter.js';
import type { Logger } from '../../../adapters/shared/index.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { FakeCore } from '../../fakes/slack/fake-core.js';
import { MemoryPlatformState } from '../../fakes/memory-platform-state.js';

export const SECRET = 'test-signing-secret';
export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export interface Harness {
  fake: FakeSlackServer;
  core: FakeCore;
  delivery: FakeQueue;
  platformState: MemoryPlatformState;
  app: SlackAdapter;
  url: string;
  post(body: string, opts?: SignOptions): Promise<Response>;
  command(command: string, text: string, extra?: Record<string, string>): Promise<Response>;
  interact(payload: Record<string, unknown>, opts?: SignOptions): Promise<Response>;
  stop(): Promise<void>;
}

export interface SignOptions {
  secret?: string;
  /** seconds since the epoch; default now */
  timestamp?: number;
  retryNum?: number;
  contentType?: string;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

let triggerCounter = 0;
export function nextTrigger(): string {
  triggerCounter += 1;
  return `trig-${triggerCounter}-${Date.now()}`;
}

export async function startHttp(
  config: Partial<SlackConfig> = {},
  deliver = false,
  ackBudgetMs = 500,
): Promise<Harness> {
  const fake = new FakeSlackServer();
  await fake.start();
  const core = new FakeCore();
  const delivery = new FakeQueue('slack');
  const platformState = new MemoryPlatformState();
  const app = createSlackAdapter({
    core,
    deliveryQueue: delivery,
    platformState,
    config: { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: fake.apiUrl, port: 0, ...config },
    logger: quietLogger,
    deliver,
    ackBudgetMs,
  });
  await app.start();
  const url = `http://127.0.0.1:${app.port}/slack/events`;
  const post = (body: string, opts: SignOptions = {}) => {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': opts.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': sign(opts.secret ?? SECRET, ts, body),
    };
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return fetch(url, { method: 'POST', headers, body });
  };
  return {
    fake,
    core,
    delivery,
    platformState,
    app,
    url,
    post,
    command: (command, text, extra = {}) =>
      post(new URLSearchParams(commandPayload(fake, command, text, extra)).toString()),
    interact: (payload, opts) =>
      post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), opts),
    stop: async () => {
      await app.stop();
      await fake.stop();
    },
  };
}

export function commandPayload(
  fake: FakeSlackServer,
  command: string,
  text: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: 'U1',
    user_name: 'alice',
    command,
    text,
    api_app_id: 'A1',
    // each command its own response_url, as Slack gives it (and takes at most five answers through it)
    response_url: `${fake.baseUrl}/respond/${command.slice(1)}/${nextTrigger()}`,
    trigger_id: nextTrigger(),
    ...extra,
  };
}

export function buttonPayload(
  fake: FakeSlackServer,
  actionId: string,
  user = 'U1',
  channel = 'DU1',
): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: nextTrigger(),
    response_url: `${fake.baseUrl}/respond/action/${nextTrigger()}`,
    channel: { id: channel, name: 'directmessage' },
    container: { type: 'message', message_ts: '1.1', channel_id: channel },
    message: { type: 'message', ts: '1.1', text: 'Voting is open' },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Vote' },
        action_ts: String(Date.now() / 1000),
      },
    ],
  };
}

/** a view_submission for a view the fake saw opened, with the given state values */
export function submission(
  view: Record<string, unknown>,
  values: Record<string, unknown>,
  user = 'U1',
): Record<string, unknown> {
  return {
    type: 'view_submission',
    team: { id: 'T1', domain: 'acme' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    trigger_id: nextTrigger(),
    view: { id: 'V1', ...view, state: { values }, hash: 'h', app_id: 'A1', team_id: 'T1' },
  };
}

export async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
