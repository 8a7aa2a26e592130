// The secret-ballot tables (ARCHITECTURE §2): salts, ballots, receipts and participation. Ballots and
// participation share nothing a join could use; links are HMACs that the seal wipes at close.
import type { BallotRepo, ParticipationRepo, ReceiptRepo, SecretRepo } from '../../core/shared/store.ports.js';
import type { BallotRow, ReceiptRow } from '../schema.js';
import { type RepoContext, byBytes, toCount } from './context.js';

// Rows per INSERT when a seal rewrites a table: 6 parameters a ballot stays far below both databases'
// bound-parameter limits.
const REWRITE_BATCH = 500;

export function secretRepo({ db }: RepoContext): SecretRepo {
  return {
    async getSalt(electionId) {
      const row = await db
        .selectFrom('election_secrets')
        .select('salt')
        .where('election_id', '=', electionId)
        .executeTakeFirst();
      return row?.salt;
    },
    async putSalt(electionId, salt) {
      await db
        .insertInto('election_secrets')
        .values({ election_id: electionId, salt })
        .onConflict((oc) => oc.column('election_id').doUpdateSet({ salt }))
        .execute();
    },
    async deleteSalt(electionId) {
      await db.deleteFrom('election_secrets').where('election_id', '=', electionId).execute();
    },
  };
}

export function ballotRepo({ db, dialect }: RepoContext): BallotRepo {
  return {
    async upsertByLink(ballot) {
      // One statement: a re-vote replaces the content in place, and two racing casts for one link can
      // never leave two rows (the unique index arbitrates).
      await db
        .insertInto('ballots')
        .values({
          id: ballot.id,
          election_id: ballot.electionId,
          contest_id: ballot.contestId,
          link: ballot.link,
          weight: ballot.weight,
          content: ballot.content,
        })
        .onConflict((oc) =>
          oc.columns(['contest_id', 'link']).doUpdateSet((eb) => ({
            weight: eb.ref('excluded.weight'),
            content: eb.ref('excluded.content'),
          })),
        )
        .execute();
    },
    async listForCount(contestId) {
      const rows = await db
        .selectFrom('ballots')
        .select(['weight', 'content'])
        .where('contest_id', '=', contestId)
        .orderBy(byBytes(dialect, 'id'))
        .execute();
      return rows.map((r) => ({ weight: Number(r.weight), content: r.content }));
    },
    async count(contestId) {
      const row = await db
        .selectFrom('ballots')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('contest_id', '=', contestId)
        .executeTakeFirst();
      return toCount(row?.n);
    },
    async sealElection(electionId) {
      await db.updateTable('ballots').set({ link: null }).where('election_id', '=', electionId).execute();
      const rows = await db
        .selectFrom('ballots')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy(byBytes(dialect, 'id'))
        .execute();
      await db.deleteFrom('ballots').where('election_id', '=', electionId).execute();
      await rewrite(rows, (batch) => db.insertInto('ballots').values(batch).execute());
    },
    async listPublished(electionId) {
      const rows = await db
        .selectFrom('ballots')
        .select(['contest_id', 'weight', 'content'])
        .where('election_id', '=', electionId)
        .orderBy(byBytes(dialect, 'id'))
        .execute();
      return rows.map((r) => ({ contestId: r.contest_id, weight: Number(r.weight), content: r.content }));
    },
  };
}

export function receiptRepo({ db, dialect }: RepoContext): ReceiptRepo {
  return {
    async findByLink(electionId, link) {
      const row = await db
        .selectFrom('receipts')
        .select('code')
        .where('election_id', '=', electionId)
        .where('link', '=', link)
        .executeTakeFirst();
      return row?.code;
    },
    async insert(electionId, code, link) {
      await db.insertInto('receipts').values({ election_id: electionId, code, link }).execute();
    },
    async exists(electionId, code) {
      const row = await db
        .selectFrom('receipts')
        .select('code')
        .where('election_id', '=', electionId)
        .where('code', '=', code)
        .executeTakeFirst();
      return row !== undefined;
    },
    async list(electionId) {
      const rows = await db
        .selectFrom('receipts')
        .select('code')
        .where('election_id', '=', electionId)
        .orderBy(byBytes(dialect, 'code'))
        .execute();
      return rows.map((r) => r.code);
    },
    async sealElection(electionId) {
      await db.updateTable('receipts').set({ link: null }).where('election_id', '=', electionId).execute();
      const rows: ReceiptRow[] = await db
        .selectFrom('receipts')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy(byBytes(dialect, 'code'))
        .execute();
      await db.deleteFrom('receipts').where('election_id', '=', electionId).execute();
      await rewrite(rows, (batch) => db.insertInto('receipts').values(batch).execute());
    },
  };
}

export function participationRepo({ db, dialect }: RepoContext): ParticipationRepo {
  return {
    async add(p) {
      await db
        .insertInto('participation')
        .values({ election_id: p.electionId, contest_id: p.contestId, member_id: p.memberId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
    async has(electionId, contestId, memberId) {
      const row = await db
        .selectFrom('participation')
        .select('member_id')
        .where('election_id', '=', electionId)
        .where('contest_id', '=', contestId)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      return row !== undefined;
    },
    async voters(electionId) {
      const rows = await db
        .selectFrom('participation')
        .select('member_id')
        .where('election_id', '=', electionId)
        // GROUP BY rather than DISTINCT: PostgreSQL rejects DISTINCT with an ORDER BY expression (collate).
        .groupBy('member_id')
        .orderBy(byBytes(dialect, 'member_id'))
        .execute();
      return rows.map((r) => r.member_id);
    },
    async count(electionId, contestId) {
      const row = await db
        .selectFrom('participation')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('election_id', '=', electionId)
        .where('contest_id', '=', contestId)
        .executeTakeFirst();
      return toCount(row?.n);
    },
  };
}

/**
 * Re-insert sealed rows in key order. On PostgreSQL a heap keeps rows where they were written, so
 * deleting and writing them back in random-id order leaves no trace of the order voters cast in
 * (the dead tuples go at the next VACUUM, see Store.scrub).
 */
async function rewrite<R extends BallotRow | ReceiptRow>(rows: R[], insert: (batch: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += REWRITE_BATCH) await insert(rows.slice(i, i + REWRITE_BATCH));
}
