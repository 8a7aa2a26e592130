import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/slack-adapter.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import { FakeQueue } from '../../fakes/fake-queue.js';
import { FakeCore, ok } from '../../fakes/slack/fake-core.js';
import { MemoryPlatformState } from '../../fakes/memory-platform-state.js';
import { buttonPayload, commandPayload, quietLogger, waitFor } from './harness.js';

let fake: FakeSlackServer;
let core: FakeCore;
let app: SlackAdapter;

beforeEach(async () => {
  fake = new FakeSlackServer();
  await fake.start();
  core = new FakeCore();
  app = createSlackAdapter({
    core,
    deliveryQueue: new FakeQueue('slack'),
    platformState: new MemoryPlatformState(),
    config: { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: fake.apiUrl },
    logger: quietLogger,
    deliver: false,
  });
  await app.start();
  await fake.socket.waitForConnection();
});
afterEach(async () => {
  await app.stop();
  await fake.stop();
});

describe('Slack Socket Mode', () => {
  it('connects through apps.connections.open with the app token', () => {
    const open = fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0].token).toBe('xapp-test');
    expect(fake.socket.connected).toBe(true);
  });

  it('dispatches a slash command envelope and acks it with the reply payload', async () => {
    core.handler = () => ok('Election 3 is open for nominations', 'channel');
    const ack = await fake.socket.send(
      'slash_commands',
      commandPayload(fake, '/election', 'nominations open 3'),
    );
    expect(ack.payload).toMatchObject({
      response_type: 'in_channel',
      text: 'Election 3 is open for nominations',
    });
    expect(core.invocations[0]).toMatchObject({
      command: '',
      args: { text: 'nominations open 3' },
      actor: { memberId: 'U1' },
    });
  });

  it('acks an interactive envelope and runs the button command', async () => {
    core.handler = () => ok('Nomination accepted');
    const ack = await fake.socket.send(
      'interactive',
      buttonPayload(fake, 'nomination.accept:election=3', 'U5', 'C1'),
    );
    expect(ack.envelope_id).toBeTruthy();
    await waitFor(() => fake.responses.length > 0);
    expect(core.invocations[0]).toMatchObject({
      command: 'nomination.accept',
      args: { election: '3' },
      actor: { memberId: 'U5' },
    });
    expect(fake.responses[0].body).toMatchObject({ text: 'Nomination accepted' });
  });
});
