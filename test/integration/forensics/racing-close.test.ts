// Forensic attack 6 (issue 8): 200 closes and casts at once, through two Teller processes on one
// database. Every command reads the election's phase under its row lock, so exactly one close closes;
// every cast is either counted (it committed before the close) or refused as "voting closed", never
// "Something went wrong"; and the counted ballots are exactly the members recorded as having voted.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DispatchResult } from '../../../src/core/index.js';
import { connect, type Database } from '../../../src/storage/connect.js';
import { openTestDatabase, type Opened, testDatabases } from '../../storage/databases.js';
import {
  heapTuples,
  isDead,
  openElection,
  ORGANISER,
  pagesOf,
  ranking,
  tellerOn,
  voterIds,
  withPageinspect,
} from './forensics.js';

const VOTERS = voterIds(180);
const CLOSES = 20;

const n = async (database: Database, query: ReturnType<typeof sql<{ n: string }>>) =>
  Number((await query.execute(database.db)).rows[0]?.n ?? 0);

describe.each(testDatabases.filter((d) => d.native !== false))(
  'racing closes and casts on $label',
  (target) => {
    let opened: Opened | undefined;
    let second: Database | undefined;
    afterEach(async () => {
      await second?.close();
      await opened?.dispose();
      second = undefined;
    });

    it('closes once, and counts every cast recorded before it and no other', async () => {
      opened = await openTestDatabase(target, { poolSize: 10 });
      const { database } = opened;
      // PostgreSQL: a second process with its own pool. SQLite: two cores on one connection (two
      // connections cannot race inside one Node process; see two-secrets.test.ts)
      second =
        target.name === 'postgres'
          ? await connect(target.url, { schema: database.schema!, poolSize: 10 })
          : undefined;
      const a = tellerOn(database);
      const b = tellerOn(second ?? database);
      await openElection(a, VOTERS);

      // 180 casts with 20 closes spread among them (the first after 40 casts), alternating processes
      type Op = { kind: 'cast'; voter: string; i: number } | { kind: 'close' };
      const ops: Op[] = VOTERS.map((voter, i) => ({ kind: 'cast', voter, i }));
      for (let c = 0; c < CLOSES; c++) ops.splice(40 + c * 8, 0, { kind: 'close' });
      expect(ops).toHaveLength(200);
      const results = await Promise.all(
        ops.map(async (op, k): Promise<[Op, DispatchResult]> => {
          const t = k % 2 === 0 ? a : b;
          return [
            op,
            op.kind === 'close'
              ? await t.run(ORGANISER, 'voting close 1')
              : await t.run(op.voter, `cast 1 1 ${ranking(op.i)}`),
          ];
        }),
      );

      // nothing went wrong, anywhere
      expect(
        results
          .filter(([, r]) => r.kind === 'failed' || /Something went wrong/.test(r.reply.body.text))
          .map(([, r]) => r.reply.body.text),
      ).toEqual([]);
      expect([...a.errors, ...b.errors].filter((e) => /command failed/.test(e))).toEqual([]);

      // one close closed; every other was told voting is already closed
      const closes = results.filter(([op]) => op.kind === 'close').map(([, r]) => r);
      const closed = closes.filter(
        (r) => r.kind === 'ok' || (r.kind === 'domain-error' && r.code === 'voting.seal_incomplete'),
      );
      expect(closed).toHaveLength(1);
      expect(
        closes
          .filter((r) => r !== closed[0])
          .every(
            (r) =>
              r.kind === 'domain-error' &&
              r.code === 'election.wrong_phase' &&
              /voting closed/.test(r.reply.body.text),
          ),
      ).toBe(true);
      expect(
        await n(database, sql`select count(*) as n from audit_entries where event = 'phase.closed'`),
      ).toBe(1);
      // a purge that had to wait for a racing reader says so; running it again completes it
      if (closed[0]?.kind !== 'ok') expect(await a.ok(ORGANISER, 'voting seal 1')).toMatch(/is sealed/);

      // every cast was recorded, or refused because voting had closed
      const casts = results.filter(([op]) => op.kind === 'cast').map(([, r]) => r);
      const recorded = casts.filter((r) => r.kind === 'ok');
      const refused = casts.filter(
        (r) =>
          r.kind === 'domain-error' &&
          r.code === 'election.wrong_phase' &&
          /voting closed/.test(r.reply.body.text),
      );
      expect(recorded.length + refused.length).toBe(VOTERS.length);
      // the race is real: some casts got in before the close, some came after it
      expect(recorded.length).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);

      // counted ballots are exactly the recorded casts and the participation rows, one receipt each
      expect(await n(database, sql`select count(*) as n from ballots`)).toBe(recorded.length);
      expect(await n(database, sql`select count(*) as n from participation`)).toBe(recorded.length);
      expect(await n(database, sql`select count(*) as n from receipts`)).toBe(recorded.length);
      expect(
        await n(database, sql`select count(*) as n from audit_entries where event = 'ballot.cast'`),
      ).toBe(recorded.length);
      expect(await n(database, sql`select count(*) as n from cast_ballots`)).toBe(0);
      // and every recorded receipt is among the published ones
      const published = new Set(
        (await database.db.selectFrom('receipts').select('code').execute()).map((r) => r.code),
      );
      expect(recorded.filter((r) => !published.has(r.reply.body.fields?.[0]?.value ?? ''))).toEqual([]);
      expect(await a.ok(ORGANISER, 'show 1')).not.toMatch(/sealing/);

      // the casts queued behind the close held snapshots from before it; once sealed, none of what the
      // close deleted is left on the pages for them
      if (target.name === 'postgres') {
        await withPageinspect(database);
        const tuples = await Promise.all(
          ['cast_ballots', 'receipts', 'election_secrets'].map(async (name) =>
            heapTuples(database, { name, pages: await pagesOf(database, name) }),
          ),
        );
        expect(tuples.map((t) => t.length)).toEqual([0, recorded.length, 0]);
        expect(tuples.flat().filter(isDead)).toEqual([]);
      }
    }, 60_000);
  },
);
