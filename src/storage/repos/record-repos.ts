// What an election leaves behind: results and their confirmations, the audit chain, queued messages and
// handled platform requests.
import type { AuditRepo } from '../../core/audit/audit.ports.js';
import type { OutboxRepo } from '../../core/delivery/outbound.ports.js';
import type { RequestRepo } from '../../core/requests/request.ports.js';
import type { ResultRepo } from '../../core/results/result.ports.js';
import { sql } from 'kysely';
import {
  auditFromRow,
  auditToRow,
  confirmationFromRow,
  outboxToRow,
  resultFromRow,
  resultToRow,
} from '../mappers.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import { type RepoContext, byBytes } from './context.js';

const RESULT = [
  'election_id',
  'contest_id',
  'round',
  'result',
  'eligible',
  'issued',
  'present',
  'channels',
  'created_at',
] as const;
const AUDIT = ['election_id', 'seq', 'at', 'actor', 'event', 'data', 'prev_hash', 'hash'] as const;
const OUTBOX = [
  'id',
  'org_id',
  'platform',
  'platform_org_id',
  'destination',
  'body',
  'dedupe_key',
  'replaces',
  'election_id',
  'purpose',
  'status',
  'attempts',
  'not_before',
  'lease_until',
  'sent_ref',
  'sent_at',
  'last_error',
  'created_at',
] as const;

const q = {
  resultPut: prepare((db, p) =>
    db
      .insertInto('results')
      .values(rowParams(p, RESULT))
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'contest_id', 'round'])
          .doUpdateSet(
            rowParams(p, ['result', 'eligible', 'issued', 'present', 'channels', 'created_at'] as const),
          ),
      ),
  ),
  resultList: prepare((db, p) =>
    db
      .selectFrom('results as r')
      .innerJoin('contests as c', 'c.id', 'r.contest_id')
      .selectAll('r')
      .where('r.election_id', '=', p('electionId'))
      .orderBy('c.number')
      .orderBy('r.round'),
  ),
  resultDelete: prepare((db, p) => db.deleteFrom('results').where('election_id', '=', p('electionId'))),
  confirmationList: prepare((db, p, dialect) =>
    db
      .selectFrom('count_confirmations')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy('at')
      .orderBy(byBytes(dialect, 'member_id')),
  ),
  // A scrutineer confirming twice still counts once towards the two-person rule.
  confirmationAdd: prepare((db, p) =>
    db
      .insertInto('count_confirmations')
      .values(rowParams(p, ['election_id', 'member_id', 'at'] as const))
      .onConflict((oc) => oc.doNothing()),
  ),

  // A literal LIMIT: with a bound one SQLite plans the backwards index walk several times slower, and
  // this runs on every cast.
  auditLast: prepare((db, p) =>
    db
      .selectFrom('audit_entries')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy('seq', 'desc')
      .limit(sql.lit(1)),
  ),
  // (election_id, seq) is the primary key: two writers that read the same `last` cannot both append.
  auditAppend: prepare((db, p) => db.insertInto('audit_entries').values(rowParams(p, AUDIT))),
  auditList: prepare((db, p) =>
    db.selectFrom('audit_entries').selectAll().where('election_id', '=', p('electionId')).orderBy('seq'),
  ),
  auditElections: prepare((db, _p, dialect) =>
    db
      .selectFrom('audit_entries')
      .select('election_id')
      .groupBy('election_id')
      .orderBy(byBytes(dialect, 'election_id')),
  ),

  outboxEnqueue: prepare((db, p) =>
    db
      .insertInto('outbox')
      .values(rowParams(p, OUTBOX))
      .onConflict((oc) => oc.columns(['org_id', 'dedupe_key']).doNothing()),
  ),

  requestGet: prepare((db, p) => db.selectFrom('requests').select('response').where('key', '=', p('key'))),
  requestPut: prepare((db, p) =>
    db
      .insertInto('requests')
      .values(rowParams(p, ['key', 'response', 'at', 'election_id'] as const))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet(rowParams(p, ['response', 'at', 'election_id'] as const)),
      ),
  ),
  outboxReceiptsOfElection: prepare((db, p) =>
    db
      .deleteFrom('outbox')
      .where('election_id', '=', p('electionId'))
      .where('purpose', '=', 'receipt')
      .where('status', '!=', 'sending'),
  ),
  requestsOfElection: prepare((db, p) =>
    db.deleteFrom('requests').where('election_id', '=', p('electionId')),
  ),
  requestsBefore: prepare((db, p) => db.deleteFrom('requests').where('at', '<', p('at'))),
};

export function resultRepo(ctx: RepoContext): ResultRepo {
  return {
    async put(result) {
      await run(ctx, q.resultPut, { ...resultToRow(result) });
    },
    async list(electionId) {
      return (await all(ctx, q.resultList, { electionId })).map(resultFromRow);
    },
    async deleteForElection(electionId) {
      await run(ctx, q.resultDelete, { electionId });
    },
    async confirmations(electionId) {
      return (await all(ctx, q.confirmationList, { electionId })).map(confirmationFromRow);
    },
    async addConfirmation(c) {
      await run(ctx, q.confirmationAdd, { election_id: c.electionId, member_id: c.memberId, at: c.at });
    },
  };
}

export function auditRepo(ctx: RepoContext): AuditRepo {
  return {
    async last(electionId) {
      const row = await first(ctx, q.auditLast, { electionId });
      return row && auditFromRow(row);
    },
    async append(entry) {
      await run(ctx, q.auditAppend, { ...auditToRow(entry) });
    },
    async list(electionId) {
      return (await all(ctx, q.auditList, { electionId })).map(auditFromRow);
    },
    async electionIds() {
      return (await all(ctx, q.auditElections, {})).map((r) => r.election_id);
    },
  };
}

export function outboxRepo(ctx: RepoContext): OutboxRepo {
  return {
    async enqueue(message) {
      return (await run(ctx, q.outboxEnqueue, { ...outboxToRow(message) })) > 0;
    },
    async forgetReceipts(electionId) {
      await run(ctx, q.outboxReceiptsOfElection, { electionId });
    },
  };
}

export function requestRepo(ctx: RepoContext): RequestRepo {
  return {
    async get(key) {
      return (await first(ctx, q.requestGet, { key }))?.response;
    },
    async put(key, response, at, electionId) {
      await run(ctx, q.requestPut, { key, response, at, election_id: electionId });
    },
    async deleteForElection(electionId) {
      await run(ctx, q.requestsOfElection, { electionId });
    },
    async deleteBefore(at) {
      return run(ctx, q.requestsBefore, { at });
    },
  };
}
