// Archive and retention (issue 14): the records an election keeps past its retention, and the purge of
// every reference to a person when that retention ends.
import type { ArchiveRepo } from '../../core/archive/archive.ports.js';
import { all, prepare, rowParams, run } from '../prepared.js';
import type { RepoContext } from './context.js';

const RECORD = ['election_id', 'kind', 'content', 'created_at'] as const;

/** Tables whose rows name a member and belong to one election, by their election column. */
const PER_ELECTION = [
  'roll_entries',
  'participation',
  'paper_voters',
  'ballot_issues',
  'ballot_returns',
  'proxies',
  'outbox',
  'requests',
  'audit_entries',
  'jobs',
  'survey_respondents',
] as const;

/** Where an election's rows refer to a member, by table and column: a member none of them names any more
 *  is nobody the organisation still keeps a record of. */
const MEMBER_REFERENCES = [
  ['roll_entries', 'member_id'],
  ['election_roles', 'member_id'],
  ['nominations', 'nominee'],
  ['nominations', 'nominator'],
  ['participation', 'member_id'],
  ['paper_voters', 'member_id'],
  ['ballot_returns', 'member_id'],
  ['proxies', 'principal'],
  ['proxies', 'proxy'],
  ['objections', 'objector'],
  ['objection_appeals', 'appellant'],
  ['survey_respondents', 'member_id'],
  ['audit_entries', 'actor'],
] as const;

const q = {
  putRecord: prepare((db, p) =>
    db
      .insertInto('retained_records')
      .values(rowParams(p, RECORD))
      .onConflict((oc) =>
        oc.columns(['election_id', 'kind']).doUpdateSet(rowParams(p, ['content', 'created_at'] as const)),
      ),
  ),
  records: prepare((db, p) =>
    db.selectFrom('retained_records').selectAll().where('election_id', '=', p('electionId')).orderBy('kind'),
  ),
  seconders: prepare((db, p) =>
    db
      .deleteFrom('seconders')
      .where(
        'nomination_id',
        'in',
        db.selectFrom('nominations').select('id').where('election_id', '=', p('electionId')),
      ),
  ),
  // a candidate stays on the record of who stood; who nominated them does not
  nominators: prepare((db, p) =>
    db.updateTable('nominations').set({ nominator: '' }).where('election_id', '=', p('electionId')),
  ),
  perElection: Object.fromEntries(
    PER_ELECTION.map((table) => [
      table,
      // biome-ignore lint/suspicious/noExplicitAny: each table has an election_id column
      prepare((db, p) => (db as any).deleteFrom(table).where('election_id', '=', p('electionId'))),
    ]),
  ) as Record<(typeof PER_ELECTION)[number], ReturnType<typeof prepare>>,
  /** the organisation's members nothing that remains refers to */
  orphanMembers: prepare((db, p) => {
    const ofOrg = db.selectFrom('elections').select('id').where('org_id', '=', p('orgId'));
    return MEMBER_REFERENCES.reduce(
      (q, [table, column]) =>
        q.where(
          'member_id',
          'not in',
          // biome-ignore lint/suspicious/noExplicitAny: each table has an election_id and the member column named
          (db as any).selectFrom(table).select(column).where('election_id', 'in', ofOrg),
        ),
      db.deleteFrom('members').where('org_id', '=', p('orgId')),
    );
  }),
  // who objected and who appealed; the objection, its grounds and its decision stay on the record
  objectors: prepare((db, p) =>
    db.updateTable('objections').set({ objector: '' }).where('election_id', '=', p('electionId')),
  ),
  appellants: prepare((db, p) =>
    db.updateTable('objection_appeals').set({ appellant: '' }).where('election_id', '=', p('electionId')),
  ),
  // the survey's free text may name people; the scores stay for the report
  surveyComments: prepare((db, p) =>
    db.updateTable('survey_answers').set({ comment: null }).where('election_id', '=', p('electionId')),
  ),
  setRetention: prepare((db, p) =>
    db
      .updateTable('orgs')
      .set({ retention_days: p('days') })
      .where('id', '=', p('id')),
  ),
};

export function archiveRepo(ctx: RepoContext): ArchiveRepo {
  return {
    async putRecord(r) {
      await run(ctx, q.putRecord, {
        election_id: r.electionId,
        kind: r.kind,
        content: r.content,
        created_at: r.createdAt,
      });
    },
    async records(electionId) {
      return (await all(ctx, q.records, { electionId })).map((r) => ({
        electionId: r.election_id,
        kind: r.kind,
        content: r.content,
        createdAt: r.created_at,
      }));
    },
    async purgePersonal(electionId, orgId) {
      await run(ctx, q.seconders, { electionId });
      await run(ctx, q.nominators, { electionId });
      await run(ctx, q.objectors, { electionId });
      await run(ctx, q.appellants, { electionId });
      await run(ctx, q.surveyComments, { electionId });
      for (const table of PER_ELECTION) await run(ctx, q.perElection[table], { electionId });
      await run(ctx, q.orphanMembers, { orgId });
    },
    async setRetention(orgId, days) {
      await run(ctx, q.setRetention, { id: orgId, days });
    },
  };
}
