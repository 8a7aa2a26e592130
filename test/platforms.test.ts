// The composition root starts every configured platform from the environment alone: Slack over HTTP
// against the fake Slack and Discord's gateway against the fake Discord, both on the real SDKs.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { buildTeller, startPlatforms, type Running, type Teller } from '../src/main.js';
import { FakeDiscord } from './fakes/discord/fake-discord.js';
import { FakeSlackServer } from './fakes/slack/fake-slack-server.js';
import { commandPayload, sign } from './adapters/slack/harness.js';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

describe('startPlatforms', () => {
  const slack = new FakeSlackServer();
  const discord = new FakeDiscord();
  let teller: Teller;
  let running: Running;
  let port: number;

  beforeAll(async () => {
    await slack.start();
    await discord.start();
    port = await freePort();
    const config = loadConfig({
      PORT: String(port),
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'platforms-signing-secret',
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: 'discord-test-token',
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_URL: discord.apiUrl,
    });
    teller = await buildTeller(config, createLogger('silent'), {
      databaseUrl: ':memory:',
      secret: 'platforms-test-secret-000',
    });
    running = await startPlatforms(teller, config, createLogger('silent'));
  });
  afterAll(async () => {
    await running?.stop();
    await teller?.close();
    await slack.stop();
    await discord.stop();
  });

  it('runs Slack over HTTP and Discord on the gateway at once', async () => {
    expect(running.platforms).toEqual([`Slack (HTTP on port ${port})`, 'Discord']);
    await discord.gateway.waitForReady();
    expect(discord.gateway.connected).toBe(1);
  });

  it('answers a signed slash command through the real core', async () => {
    const body = new URLSearchParams(
      commandPayload(slack, '/election', 'create "Wired from the environment"'),
    ).toString();
    const ts = Math.floor(Date.now() / 1000);
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': sign('platforms-signing-secret', ts, body),
      },
      body,
    });
    expect(res.status).toBe(200);
    const listed = await teller.core.dispatch({
      platform: 'slack',
      platformOrgId: 'T1',
      actor: { memberId: 'U1' },
      command: 'election.list',
      args: {},
    });
    expect(listed.reply.body.text).toContain('Wired from the environment');
  });
});
