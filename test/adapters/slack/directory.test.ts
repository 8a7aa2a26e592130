// The workspace directory through the real WebClient against the fake Slack: cursor pagination, the
// cache, a refresh for a name missing from an old list, and a failed read that is not remembered.
import { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackDirectory } from '../../../adapters/slack/receive/directory.js';
import { FakeSlackServer } from '../../fakes/slack/fake-slack-server.js';

let fake: FakeSlackServer;
let client: WebClient;

beforeEach(async () => {
  fake = new FakeSlackServer();
  await fake.start();
  client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  for (let i = 0; i < 7; i++)
    fake.users.set(`U${i}`, { id: `U${i}`, name: `member${i}`, real_name: `Member ${i}` });
});
afterEach(async () => fake.stop());

describe('SlackDirectory', () => {
  it('follows next_cursor to the last page', async () => {
    const d = new SlackDirectory();
    expect((await d.listUsers(client, 'T1')).map((u) => u.id)).toEqual([
      'U0',
      'U1',
      'U2',
      'U3',
      'U4',
      'U5',
      'U6',
    ]);
    expect(fake.callsOf('users.list')).toHaveLength(4);
  });

  it('shares one read between concurrent lookups and keeps it for the TTL', async () => {
    const d = new SlackDirectory(60_000, 0);
    const [a, b] = await Promise.all([
      d.findMember(client, 'T1', '@member6'),
      d.findMember(client, 'T1', 'Member 2'),
    ]);
    expect([a, b].map((m) => (m.kind === 'one' ? m.item.id : m.kind))).toEqual(['U6', 'U2']);
    expect(fake.callsOf('users.list')).toHaveLength(4);
    await d.listUsers(client, 'T1');
    expect(fake.callsOf('users.list')).toHaveLength(4);
    // another workspace has its own list
    await d.listUsers(client, 'T2');
    expect(fake.callsOf('users.list')).toHaveLength(8);
  });

  it('reads the list again for a name it does not know once the list is older than the refresh interval', async () => {
    const d = new SlackDirectory(60_000, 0);
    await d.listUsers(client, 'T1');
    fake.users.set('UNEW', { id: 'UNEW', name: 'newcomer' });
    const found = await d.findMember(client, 'T1', '@newcomer');
    expect(found.kind === 'one' && found.item.id).toBe('UNEW');
  });

  it('does not remember a failed read', async () => {
    const d = new SlackDirectory();
    fake.failNext('users.list', { error: 'internal_error' });
    await expect(d.listUsers(client, 'T1')).rejects.toThrow();
    expect(await d.listUsers(client, 'T1')).toHaveLength(7);
  });
});
