// Two Teller processes meeting a new workspace at once, and two organisers creating elections at once:
// every command succeeds, one organisation is made, and election numbers never collide.
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type DispatchResult, type TellerCore } from '../../src/core/index.js';
import { connect, type Database } from '../../src/storage/connect.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../src/storage/index.js';
import { openTestDatabase, testDatabases, type Opened } from '../storage/databases.js';

const logged: string[] = [];

function coreOn(database: Database): TellerCore {
  return createCore({
    store: createStore(database),
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock: { now: () => new Date() },
    serverSecret: 'first-use-race-secret-0123',
    logger: { info: () => undefined, error: (m, meta) => logged.push(`${m} ${JSON.stringify(meta)}`) },
  });
}

const typed = (core: TellerCore, member: string, text: string): Promise<DispatchResult> =>
  core.dispatch({
    platform: 'slack',
    platformOrgId: 'T-NEW',
    orgName: 'New',
    actor: { memberId: member, displayName: member },
    channelId: 'C1',
    command: '',
    args: { text },
  });

describe.each(testDatabases)('first use on $label', (target) => {
  let opened: Opened | undefined;
  let second: Database | undefined;
  afterEach(async () => {
    await second?.close();
    await opened?.dispose();
    second = undefined;
  });

  it('gives every racing first command and create an answer, one organisation and distinct numbers', async () => {
    opened = await openTestDatabase(target, { poolSize: 20 });
    const { database } = opened;
    // on PostgreSQL a second process: its own pool on the same schema
    second =
      database.dialect === 'postgres'
        ? await connect(process.env.TEST_DATABASE_URL!, { schema: database.schema!, poolSize: 20 })
        : undefined;
    const cores = [coreOn(database), coreOn(second ?? database)];
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => typed(cores[i % 2]!, `org${i}`, `create "Election ${i}"`)),
    );
    expect(results.filter((r) => r.kind !== 'ok').map((r) => r.reply.body.text)).toEqual([]);
    expect(logged).toEqual([]);
    const orgs = await database.db.selectFrom('orgs').selectAll().execute();
    expect(orgs).toHaveLength(1);
    const numbers = (await database.db.selectFrom('elections').select('number').execute())
      .map((r) => Number(r.number))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  }, 60_000);
});
