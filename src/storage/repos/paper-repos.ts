// Paper and mail ballots (issue 13): who votes so, what was issued and returned, and the batches the
// scrutineers entered. A paper ballot row holds no member and is listed in the order of its random id.
import type { PaperRepo } from '../../core/paper/paper.ports.js';
import type {
  BallotIssue,
  BallotReturn,
  OfflineChannel,
  PaperBatch,
  PaperVoter,
  SpoiltReason,
  BatchStatus,
} from '../../core/paper/paper.types.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import type { BallotIssueRow, BallotReturnRow, PaperBatchRow, PaperVoterRow } from '../schema.js';
import { type RepoContext, byBytes } from './context.js';

const VOTER = ['election_id', 'member_id', 'channel', 'marked_by', 'marked_at'] as const;
const ISSUE = ['election_id', 'round', 'member_id', 'channel', 'issued_by', 'issued_at'] as const;
const RETURN = [
  'election_id',
  'round',
  'member_id',
  'channel',
  'received_at',
  'recorded_by',
  'late',
] as const;
const BATCH = [
  'id',
  'election_id',
  'contest_id',
  'number',
  'channel',
  'status',
  'ballots',
  'entered_by',
  'entered_at',
  'checked_by',
  'checked_at',
  'note',
  'settled_by',
] as const;
const BALLOT = ['id', 'batch_id', 'contest_id', 'content', 'spoilt'] as const;

const q = {
  putVoter: prepare((db, p) =>
    db
      .insertInto('paper_voters')
      .values(rowParams(p, VOTER))
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'member_id'])
          .doUpdateSet(rowParams(p, ['channel', 'marked_by', 'marked_at'] as const)),
      ),
  ),
  removeVoter: prepare((db, p) =>
    db
      .deleteFrom('paper_voters')
      .where('election_id', '=', p('electionId'))
      .where('member_id', '=', p('memberId')),
  ),
  voters: prepare((db, p, dialect) =>
    db
      .selectFrom('paper_voters')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'member_id')),
  ),
  putIssue: prepare((db, p) =>
    db
      .insertInto('ballot_issues')
      .values(rowParams(p, ISSUE))
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'round', 'member_id'])
          .doUpdateSet(rowParams(p, ['channel', 'issued_by', 'issued_at'] as const)),
      ),
  ),
  issues: prepare((db, p, dialect) =>
    db
      .selectFrom('ballot_issues')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy('round')
      .orderBy(byBytes(dialect, 'member_id')),
  ),
  getReturn: prepare((db, p) =>
    db
      .selectFrom('ballot_returns')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .where('round', '=', p('round'))
      .where('member_id', '=', p('memberId')),
  ),
  addReturn: prepare((db, p) => db.insertInto('ballot_returns').values(rowParams(p, RETURN))),
  returns: prepare((db, p, dialect) =>
    db
      .selectFrom('ballot_returns')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy('round')
      .orderBy(byBytes(dialect, 'member_id')),
  ),
  addBatch: prepare((db, p) => db.insertInto('paper_batches').values(rowParams(p, BATCH))),
  addBallot: prepare((db, p) => db.insertInto('paper_ballots').values(rowParams(p, BALLOT))),
  updateBatch: prepare((db, p) =>
    db
      .updateTable('paper_batches')
      .set(rowParams(p, ['status', 'checked_by', 'checked_at', 'note', 'settled_by'] as const))
      .where('id', '=', p('id')),
  ),
  batches: prepare((db, p) =>
    db.selectFrom('paper_batches').selectAll().where('election_id', '=', p('electionId')).orderBy('number'),
  ),
  confirmed: prepare((db, p, dialect) =>
    db
      .selectFrom('paper_ballots as b')
      .innerJoin('paper_batches as t', 't.id', 'b.batch_id')
      .select(['b.id', 'b.batch_id', 'b.contest_id', 'b.content', 'b.spoilt', 't.channel'])
      .where('b.contest_id', '=', p('contestId'))
      .where('t.status', '=', 'confirmed')
      .orderBy(byBytes(dialect, 'b.id')),
  ),
};

const voterFrom = (r: PaperVoterRow): PaperVoter => ({
  electionId: r.election_id,
  memberId: r.member_id,
  channel: r.channel as OfflineChannel,
  markedBy: r.marked_by,
  markedAt: r.marked_at,
});

const issueFrom = (r: BallotIssueRow): BallotIssue => ({
  electionId: r.election_id,
  round: Number(r.round),
  memberId: r.member_id,
  channel: r.channel as OfflineChannel,
  issuedBy: r.issued_by,
  issuedAt: r.issued_at,
});

const returnFrom = (r: BallotReturnRow): BallotReturn => ({
  electionId: r.election_id,
  round: Number(r.round),
  memberId: r.member_id,
  channel: r.channel as OfflineChannel,
  receivedAt: r.received_at,
  recordedBy: r.recorded_by,
  late: Number(r.late) === 1,
});

const batchFrom = (r: PaperBatchRow): PaperBatch => ({
  id: r.id,
  electionId: r.election_id,
  contestId: r.contest_id,
  number: Number(r.number),
  channel: r.channel as OfflineChannel,
  status: r.status as BatchStatus,
  ballots: Number(r.ballots),
  enteredBy: r.entered_by,
  enteredAt: r.entered_at,
  checkedBy: r.checked_by,
  checkedAt: r.checked_at,
  note: r.note,
  settledBy: r.settled_by,
});

const batchTo = (b: PaperBatch): PaperBatchRow => ({
  id: b.id,
  election_id: b.electionId,
  contest_id: b.contestId,
  number: b.number,
  channel: b.channel,
  status: b.status,
  ballots: b.ballots,
  entered_by: b.enteredBy,
  entered_at: b.enteredAt,
  checked_by: b.checkedBy,
  checked_at: b.checkedAt,
  note: b.note,
  settled_by: b.settledBy,
});

export function paperRepo(ctx: RepoContext): PaperRepo {
  return {
    async putVoter(v) {
      await run(ctx, q.putVoter, {
        election_id: v.electionId,
        member_id: v.memberId,
        channel: v.channel,
        marked_by: v.markedBy,
        marked_at: v.markedAt,
      });
    },
    async removeVoter(electionId, memberId) {
      return (await run(ctx, q.removeVoter, { electionId, memberId })) > 0;
    },
    async voters(electionId) {
      return (await all(ctx, q.voters, { electionId })).map(voterFrom);
    },
    async putIssue(i) {
      await run(ctx, q.putIssue, {
        election_id: i.electionId,
        round: i.round,
        member_id: i.memberId,
        channel: i.channel,
        issued_by: i.issuedBy,
        issued_at: i.issuedAt,
      });
    },
    async issues(electionId) {
      return (await all(ctx, q.issues, { electionId })).map(issueFrom);
    },
    async getReturn(electionId, round, memberId) {
      const row = await first(ctx, q.getReturn, { electionId, round, memberId });
      return row && returnFrom(row);
    },
    async addReturn(r) {
      await run(ctx, q.addReturn, {
        election_id: r.electionId,
        round: r.round,
        member_id: r.memberId,
        channel: r.channel,
        received_at: r.receivedAt,
        recorded_by: r.recordedBy,
        late: r.late ? 1 : 0,
      });
    },
    async returns(electionId) {
      return (await all(ctx, q.returns, { electionId })).map(returnFrom);
    },
    async addBatch(batch, ballots) {
      await run(ctx, q.addBatch, { ...batchTo(batch) });
      for (const b of ballots)
        await run(ctx, q.addBallot, {
          id: b.id,
          batch_id: b.batchId,
          contest_id: b.contestId,
          content: b.content,
          spoilt: b.spoilt,
        });
    },
    async updateBatch(b) {
      await run(ctx, q.updateBatch, {
        id: b.id,
        status: b.status,
        checked_by: b.checkedBy,
        checked_at: b.checkedAt,
        note: b.note,
        settled_by: b.settledBy,
      });
    },
    async batches(electionId) {
      return (await all(ctx, q.batches, { electionId })).map(batchFrom);
    },
    async confirmedBallots(contestId) {
      return (await all(ctx, q.confirmed, { contestId })).map((r) => ({
        id: r.id,
        batchId: r.batch_id,
        contestId: r.contest_id,
        content: r.content,
        spoilt: r.spoilt as SpoiltReason | null,
        channel: r.channel as OfflineChannel,
      }));
    },
  };
}
