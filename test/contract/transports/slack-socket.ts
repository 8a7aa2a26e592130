// Slack over Socket Mode: Bolt's SocketModeReceiver connects (apps.connections.open with the app
// token) to the fake Slack's websocket, which pushes each payload as an envelope and returns the ack.
import { createSlackAdapter } from '../../../adapters/slack/index.js';
import { quietLogger } from '../../adapters/slack/harness.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';
import type { ElectionDriver } from '../driver.js';
import { startCore } from '../real-core.js';
import { slackDriver } from '../slack-driver.js';

export async function startSlackSocket(): Promise<ElectionDriver> {
  const { core, delivery, platformState, errors, close } = await startCore();
  const fake = new FakeSlackServer();
  await fake.start();
  const app = createSlackAdapter({
    core,
    deliveryQueue: delivery,
    platformState,
    config: { botToken: 'xoxb-contract', appToken: 'xapp-contract', apiUrl: fake.apiUrl },
    logger: quietLogger,
    deliver: false,
    worker: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 5 },
    limits: { buckets: {} },
  });
  await app.start();
  await fake.socket.waitForConnection();

  return slackDriver({
    name: 'Slack over Socket Mode',
    fake,
    wire: {
      command: async (payload) => (await fake.socket.send('slash_commands', payload, 10_000)).payload,
      interact: async (payload) => (await fake.socket.send('interactive', payload, 10_000)).payload,
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
