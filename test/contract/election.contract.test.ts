// ARCHITECTURE §7: one scenario (a whole election) runs through every adapter and must give identical
// results. Each transport drives the real adapter through its real SDK (Bolt, discord.js) against the
// local fakes, on the real core and storage; the last test compares the normalised outcomes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElectionDriver, StartDriver } from './driver.js';
import { type ElectionOutcome, runElection } from './scenario.js';
import { startConsole } from './transports/console.js';
import { startDiscordGateway } from './transports/discord-gateway.js';
import { startDiscordHttp } from './transports/discord-http.js';
import { startSlackHttp } from './transports/slack-http.js';
import { startSlackSocket } from './transports/slack-socket.js';

const TRANSPORTS: [string, StartDriver][] = [
  ['console', startConsole],
  ['Slack over HTTP', startSlackHttp],
  ['Slack over Socket Mode', startSlackSocket],
  ['Discord over the gateway', startDiscordGateway],
  ['Discord over HTTP interactions', startDiscordHttp],
];

const outcomes = new Map<string, ElectionOutcome>();

describe.each(TRANSPORTS)('a whole election through %s', (name, start) => {
  let driver: ElectionDriver;
  beforeAll(async () => {
    driver = await start();
  });
  afterAll(() => driver?.stop());

  it('elects, tells and refuses the members it should', async () => {
    outcomes.set(name, await runElection(driver));
    expect(driver.errors()).toEqual([]);
  });
});

describe('every transport', () => {
  it('gives the same results and shows members the same things', () => {
    const [first, ...rest] = TRANSPORTS.map(([name]) => name);
    expect(outcomes.get(first), `${first} ran`).toBeDefined();
    for (const name of rest)
      expect({ transport: name, ...outcomes.get(name) }).toEqual({ transport: name, ...outcomes.get(first) });
  });
});
