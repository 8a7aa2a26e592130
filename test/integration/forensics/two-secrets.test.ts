// Forensic attack 5 (issue 8): two Teller processes on one database with different server secrets (the
// default when each has its own data directory and key file, or a secret changed while voting is open).
// Each derives another election key, so each would make other links: one voter would hold two counted
// ballots and two receipts. The process whose secret does not match the key check stored at voting open
// refuses to cast, with a clear message to the voter and an error to the operator.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ballotLink, electionKey, receiptLink } from '../../../src/core/ballots/ballot.keys.js';
import { connect, type Database } from '../../../src/storage/connect.js';
import { openTestDatabase, type Opened, testDatabases } from '../../storage/databases.js';
import {
  electionIds,
  openElection,
  ORGANISER,
  ranking,
  SECRET,
  saltOf,
  tellerOn,
  voterIds,
} from './forensics.js';

const VOTERS = voterIds(20);
const OTHER_SECRET = 'another-teller-process-secret-99';

async function count(
  database: Database,
  table: 'cast_ballots' | 'receipts' | 'participation' | 'ballots',
): Promise<number> {
  return Number(
    (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]
      ?.n ?? 0,
  );
}

describe.each(testDatabases.filter((d) => d.native !== false))(
  'two processes with different secrets on $label',
  (target) => {
    let opened: Opened | undefined;
    let second: Database | undefined;
    let dir: string | undefined;
    afterEach(async () => {
      await second?.close();
      await opened?.dispose();
      second = undefined;
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('lets only the process holding the election key cast, so no voter holds two ballots or two receipts', async () => {
      // SQLite: two connections to one file, as two processes would have; PostgreSQL: two pools
      dir = target.name === 'sqlite' ? mkdtempSync(join(tmpdir(), 'teller-forensic-secrets-')) : undefined;
      const file = dir ? join(dir, 'teller.db') : undefined;
      opened = await openTestDatabase(target, file ? { url: file } : {});
      const { database } = opened;
      second = await connect(file ?? target.url, database.schema ? { schema: database.schema } : {});
      const a = tellerOn(database);
      const b = tellerOn(second, { secret: OTHER_SECRET });
      await openElection(a, VOTERS);

      const receipts = new Map<string, string>();
      let refused = 0;
      for (const [i, v] of VOTERS.entries()) {
        // every voter tries the other process first, then the right one, then the other again
        for (const [teller, ballot] of [
          [b, ranking(i)],
          [a, ranking(i)],
          [b, ranking(i + 1)],
        ] as const) {
          const r = await teller.run(v, `cast 1 1 ${ballot}`);
          if (teller === b) {
            expect(r).toMatchObject({ kind: 'domain-error', code: 'ballot.key_mismatch' });
            expect(r.reply.body.text).toMatch(
              /Your ballot was NOT recorded: this Teller server is set up with a different server secret/,
            );
            refused++;
          } else {
            expect(r.kind).toBe('ok');
            expect(r.reply.body.text).toMatch(/is recorded/);
            receipts.set(v, r.reply.body.fields?.[0]?.value ?? '');
          }
        }
      }
      expect(refused).toBe(2 * VOTERS.length);
      // the operator of the other process is told why, every time
      expect(b.errors.filter((e) => /different server secret/.test(e))).toHaveLength(refused);
      expect(a.errors).toEqual([]);
      // a change of vote through the right process says so and keeps the receipt
      const again = await a.run(VOTERS[0]!, `cast 1 1 ${ranking(5)}`);
      expect(again.reply.body.text).toMatch(
        `replaces your earlier one. Your receipt code is still ${receipts.get(VOTERS[0]!)}`,
      );
      expect(again.reply.body.fields?.[0]?.value).toBe(receipts.get(VOTERS[0]!));

      // both processes at once, every voter again: the other one's casts all refused, none doubled. (Two
      // SQLite connections cannot race inside one Node process: one's busy wait would block the thread
      // the other needs to commit. There the other process shares the first one's connection instead.)
      const racer = target.name === 'sqlite' ? tellerOn(database, { secret: OTHER_SECRET }) : b;
      const raced = await Promise.all(
        VOTERS.flatMap((v, i) => [
          a.run(v, `cast 1 1 ${ranking(i + 2)}`),
          racer.run(v, `cast 1 1 ${ranking(i + 3)}`),
        ]),
      );
      expect(raced.filter((r) => r.kind === 'ok')).toHaveLength(VOTERS.length);
      expect(
        raced.filter((r) => r.kind !== 'ok').map((r) => (r.kind === 'domain-error' ? r.code : r.kind)),
      ).toEqual(VOTERS.map(() => 'ballot.key_mismatch'));
      expect(
        raced
          .filter((r) => r.kind === 'ok')
          .every((r) => /replaces your earlier one/.test(r.reply.body.text)),
      ).toBe(true);

      // what the database holds: one ballot and one receipt per voter, each under the election's key,
      // none under the key the other secret derives
      const { electionId, contestId } = await electionIds(database);
      const { salt } = await saltOf(database, electionId);
      const links = async (secret: string) => {
        const key = electionKey(secret, salt);
        const castLinks = (await database.db.selectFrom('cast_ballots').select('link').execute()).map(
          (r) => r.link,
        );
        const receiptLinks = (await database.db.selectFrom('receipts').select('link').execute()).map(
          (r) => r.link,
        );
        return VOTERS.map((v) => ({
          ballots: castLinks.filter((l) => l === ballotLink(key, contestId, v)).length,
          receipts: receiptLinks.filter((l) => l === receiptLink(key, v)).length,
        }));
      };
      expect(await links(SECRET)).toEqual(VOTERS.map(() => ({ ballots: 1, receipts: 1 })));
      expect(await links(OTHER_SECRET)).toEqual(VOTERS.map(() => ({ ballots: 0, receipts: 0 })));
      expect(await count(database, 'cast_ballots')).toBe(VOTERS.length);
      expect(await count(database, 'receipts')).toBe(VOTERS.length);
      expect(await count(database, 'participation')).toBe(VOTERS.length);

      // the other process cannot close either (it could not decrypt); the right one can
      expect(await b.run(ORGANISER, 'voting close 1')).toMatchObject({
        kind: 'domain-error',
        code: 'ballot.key_mismatch',
      });
      expect(await a.ok(ORGANISER, 'voting close 1')).toMatch(/closed/);
      expect(await count(database, 'ballots')).toBe(await count(database, 'participation'));
      expect(await count(database, 'receipts')).toBe(VOTERS.length);
      const counted = await a.ok(ORGANISER, 'count 1');
      expect(counted).toMatch(`valid ${VOTERS.length}`);
    }, 60_000);
  },
);
