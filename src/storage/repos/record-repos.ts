// What an election leaves behind: results and their confirmations, the audit chain, queued messages and
// handled platform requests.
import type { AuditRepo, OutboxRepo, RequestRepo, ResultRepo } from '../../core/shared/store.ports.js';
import { auditFromRow, auditToRow, confirmationFromRow, outboxToRow, resultFromRow, resultToRow } from '../mappers.js';
import { type RepoContext, byBytes } from './context.js';

export function resultRepo({ db, dialect }: RepoContext): ResultRepo {
  return {
    async put(result) {
      const row = resultToRow(result);
      await db
        .insertInto('results')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['election_id', 'contest_id', 'round']).doUpdateSet({
            result: row.result,
            eligible: row.eligible,
            issued: row.issued,
            created_at: row.created_at,
          }),
        )
        .execute();
    },
    async list(electionId) {
      const rows = await db
        .selectFrom('results as r')
        .innerJoin('contests as c', 'c.id', 'r.contest_id')
        .selectAll('r')
        .where('r.election_id', '=', electionId)
        .orderBy('c.number')
        .orderBy('r.round')
        .execute();
      return rows.map(resultFromRow);
    },
    async deleteForElection(electionId) {
      await db.deleteFrom('results').where('election_id', '=', electionId).execute();
    },
    async confirmations(electionId) {
      const rows = await db
        .selectFrom('count_confirmations')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy('at')
        .orderBy(byBytes(dialect, 'member_id'))
        .execute();
      return rows.map(confirmationFromRow);
    },
    async addConfirmation(c) {
      // A scrutineer confirming twice still counts once towards the two-person rule.
      await db
        .insertInto('count_confirmations')
        .values({ election_id: c.electionId, member_id: c.memberId, at: c.at })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },
  };
}

export function auditRepo({ db, dialect }: RepoContext): AuditRepo {
  return {
    async last(electionId) {
      const row = await db
        .selectFrom('audit_entries')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && auditFromRow(row);
    },
    async append(entry) {
      // (election_id, seq) is the primary key: two writers that read the same `last` cannot both append.
      await db.insertInto('audit_entries').values(auditToRow(entry)).execute();
    },
    async list(electionId) {
      const rows = await db
        .selectFrom('audit_entries')
        .selectAll()
        .where('election_id', '=', electionId)
        .orderBy('seq')
        .execute();
      return rows.map(auditFromRow);
    },
    async electionIds() {
      const rows = await db
        .selectFrom('audit_entries')
        .select('election_id')
        .groupBy('election_id')
        .orderBy(byBytes(dialect, 'election_id'))
        .execute();
      return rows.map((r) => r.election_id);
    },
  };
}

export function outboxRepo({ db }: RepoContext): OutboxRepo {
  return {
    async enqueue(message) {
      const result = await db
        .insertInto('outbox')
        .values(outboxToRow(message))
        .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}

export function requestRepo({ db }: RepoContext): RequestRepo {
  return {
    async get(key) {
      const row = await db.selectFrom('requests').select('response').where('key', '=', key).executeTakeFirst();
      return row?.response;
    },
    async put(key, response, at) {
      await db
        .insertInto('requests')
        .values({ key, response, at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ response, at }))
        .execute();
    },
  };
}
