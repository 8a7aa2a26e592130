// The secret-ballot tables (ARCHITECTURE §2): salts, cast (encrypted) ballots, counted ballots, receipts
// and participation. Ballots and participation share nothing a join could use; links are HMACs, deleted
// at close with the ciphertexts they find.
import type {
  BallotRepo,
  CastBallotRepo,
  ParticipationRepo,
  SecretRepo,
} from '../../core/ballots/ballot.ports.js';
import type { ReceiptRepo } from '../../core/receipts/receipt.ports.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import { type RepoContext, byBytes, toCount } from './context.js';

// Rows per INSERT when a seal writes a table: 5 parameters a ballot stays far below both databases
// bound-parameter limits.
const REWRITE_BATCH = 500;

const q = {
  secretGet: prepare((db, p) =>
    db
      .selectFrom('election_secrets')
      .select(['salt', 'key_check'])
      .where('election_id', '=', p('electionId')),
  ),
  secretPut: prepare((db, p) =>
    db
      .insertInto('election_secrets')
      .values({ election_id: p('electionId'), salt: p('salt'), key_check: p('keyCheck') })
      .onConflict((oc) =>
        oc.column('election_id').doUpdateSet({ salt: p('salt'), key_check: p('keyCheck') }),
      ),
  ),
  secretDelete: prepare((db, p) =>
    db.deleteFrom('election_secrets').where('election_id', '=', p('electionId')),
  ),

  // One statement: a re-vote replaces the ciphertext in place, and two racing casts for one link can
  // never leave two rows (the unique index arbitrates). The row keeps its first id, so the id it returns
  // says whether this cast replaced an earlier one.
  castUpsert: prepare((db, p) =>
    db
      .insertInto('cast_ballots')
      .values(rowParams(p, ['id', 'election_id', 'contest_id', 'link', 'sealed'] as const))
      .onConflict((oc) =>
        oc.columns(['contest_id', 'link']).doUpdateSet((eb) => ({ sealed: eb.ref('excluded.sealed') })),
      )
      .returning('id'),
  ),
  // Through the contests: the (contest_id, link) index serves both, and no election index is kept.
  castList: prepare((db, p, dialect) =>
    db
      .selectFrom('cast_ballots')
      .selectAll()
      .where('contest_id', 'in', (eb) =>
        eb.selectFrom('contests').select('id').where('election_id', '=', p('electionId')),
      )
      .orderBy(byBytes(dialect, 'id')),
  ),
  castDelete: prepare((db, p) =>
    db
      .deleteFrom('cast_ballots')
      .where('contest_id', 'in', (eb) =>
        eb.selectFrom('contests').select('id').where('election_id', '=', p('electionId')),
      ),
  ),

  ballotsForCount: prepare((db, p, dialect) =>
    db
      .selectFrom('ballots')
      .select(['weight', 'content'])
      .where('contest_id', '=', p('contestId'))
      .orderBy(byBytes(dialect, 'id')),
  ),
  ballotCount: prepare((db, p) =>
    db
      .selectFrom('ballots')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('contest_id', '=', p('contestId')),
  ),
  ballotsPublished: prepare((db, p, dialect) =>
    db
      .selectFrom('ballots')
      .select(['contest_id', 'weight', 'content'])
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'id')),
  ),

  receiptByLink: prepare((db, p) =>
    db
      .selectFrom('receipts')
      .select('code')
      .where('election_id', '=', p('electionId'))
      .where('link', '=', p('link')),
  ),
  receiptInsert: prepare((db, p) =>
    db.insertInto('receipts').values(rowParams(p, ['election_id', 'code', 'link'] as const)),
  ),
  receiptExists: prepare((db, p) =>
    db
      .selectFrom('receipts')
      .select('code')
      .where('election_id', '=', p('electionId'))
      .where('code', '=', p('code')),
  ),
  receiptList: prepare((db, p, dialect) =>
    db
      .selectFrom('receipts')
      .select('code')
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'code')),
  ),
  receiptsOfElection: prepare((db, p, dialect) =>
    db
      .selectFrom('receipts')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'code')),
  ),
  receiptsUnlink: prepare((db, p) =>
    db.updateTable('receipts').set({ link: null }).where('election_id', '=', p('electionId')),
  ),
  receiptsDelete: prepare((db, p) => db.deleteFrom('receipts').where('election_id', '=', p('electionId'))),

  participationAdd: prepare((db, p) =>
    db
      .insertInto('participation')
      .values(rowParams(p, ['election_id', 'contest_id', 'member_id'] as const))
      .onConflict((oc) => oc.doNothing()),
  ),
  participationHas: prepare((db, p) =>
    db
      .selectFrom('participation')
      .select('member_id')
      .where('election_id', '=', p('electionId'))
      .where('contest_id', '=', p('contestId'))
      .where('member_id', '=', p('memberId')),
  ),
  // GROUP BY rather than DISTINCT: PostgreSQL rejects DISTINCT with an ORDER BY expression (collate).
  participationVoters: prepare((db, p, dialect) =>
    db
      .selectFrom('participation')
      .select('member_id')
      .where('election_id', '=', p('electionId'))
      .groupBy('member_id')
      .orderBy(byBytes(dialect, 'member_id')),
  ),
  participationCount: prepare((db, p) =>
    db
      .selectFrom('participation')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('election_id', '=', p('electionId'))
      .where('contest_id', '=', p('contestId')),
  ),
};

export function secretRepo(ctx: RepoContext): SecretRepo {
  return {
    async get(electionId) {
      const row = await first(ctx, q.secretGet, { electionId });
      return row && { salt: row.salt, keyCheck: row.key_check };
    },
    async put(electionId, secret) {
      await run(ctx, q.secretPut, { electionId, salt: secret.salt, keyCheck: secret.keyCheck });
    },
    async delete(electionId) {
      await run(ctx, q.secretDelete, { electionId });
    },
  };
}

export function castBallotRepo(ctx: RepoContext): CastBallotRepo {
  return {
    async put(b) {
      const row = await first(ctx, q.castUpsert, {
        id: b.id,
        election_id: b.electionId,
        contest_id: b.contestId,
        link: b.link,
        sealed: b.sealed,
      });
      return row?.id !== b.id;
    },
    async listForElection(electionId) {
      const rows = await all(ctx, q.castList, { electionId });
      return rows.map((r) => ({
        id: r.id,
        electionId: r.election_id,
        contestId: r.contest_id,
        link: r.link,
        sealed: r.sealed,
      }));
    },
    async deleteForElection(electionId) {
      await run(ctx, q.castDelete, { electionId });
    },
  };
}

export function ballotRepo(ctx: RepoContext): BallotRepo {
  return {
    async insertMany(ballots) {
      const rows = ballots.map((b) => ({
        id: b.id,
        election_id: b.electionId,
        contest_id: b.contestId,
        weight: b.weight,
        content: b.content,
      }));
      await inBatches(rows, (batch) => ctx.db.insertInto('ballots').values(batch).execute());
    },
    async listForCount(contestId) {
      const rows = await all(ctx, q.ballotsForCount, { contestId });
      return rows.map((r) => ({ weight: Number(r.weight), content: r.content }));
    },
    async count(contestId) {
      return toCount((await first(ctx, q.ballotCount, { contestId }))?.n);
    },
    async listPublished(electionId) {
      const rows = await all(ctx, q.ballotsPublished, { electionId });
      return rows.map((r) => ({ contestId: r.contest_id, weight: Number(r.weight), content: r.content }));
    },
  };
}

export function receiptRepo(ctx: RepoContext): ReceiptRepo {
  return {
    async findByLink(electionId, link) {
      return (await first(ctx, q.receiptByLink, { electionId, link }))?.code;
    },
    async insert(electionId, code, link) {
      await run(ctx, q.receiptInsert, { election_id: electionId, code, link });
    },
    async exists(electionId, code) {
      return (await first(ctx, q.receiptExists, { electionId, code })) !== undefined;
    },
    async list(electionId) {
      return (await all(ctx, q.receiptList, { electionId })).map((r) => r.code);
    },
    async sealElection(electionId) {
      await run(ctx, q.receiptsUnlink, { electionId });
      const rows = await all(ctx, q.receiptsOfElection, { electionId });
      await run(ctx, q.receiptsDelete, { electionId });
      await inBatches(rows, (batch) => ctx.db.insertInto('receipts').values(batch).execute());
    },
  };
}

export function participationRepo(ctx: RepoContext): ParticipationRepo {
  return {
    async add(p) {
      await run(ctx, q.participationAdd, {
        election_id: p.electionId,
        contest_id: p.contestId,
        member_id: p.memberId,
      });
    },
    async has(electionId, contestId, memberId) {
      return (await first(ctx, q.participationHas, { electionId, contestId, memberId })) !== undefined;
    },
    async voters(electionId) {
      return (await all(ctx, q.participationVoters, { electionId })).map((r) => r.member_id);
    },
    async count(electionId, contestId) {
      return toCount((await first(ctx, q.participationCount, { electionId, contestId }))?.n);
    },
  };
}

/** Insert rows in the order given, a batch per statement. */
async function inBatches<R>(rows: readonly R[], insert: (batch: R[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += REWRITE_BATCH) await insert(rows.slice(i, i + REWRITE_BATCH));
}
