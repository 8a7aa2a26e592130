// The memory store's paper and mail ballots (issue 13), with the SQL stores' keys and orders.
import type { PaperRepo } from '../../src/core/paper/paper.ports.js';
import type {
  BallotIssue,
  BallotReturn,
  PaperBallot,
  PaperBatch,
  PaperVoter,
} from '../../src/core/paper/paper.types.js';

export interface PaperState {
  paperVoters: PaperVoter[];
  ballotIssues: BallotIssue[];
  ballotReturns: BallotReturn[];
  paperBatches: PaperBatch[];
  paperBallots: PaperBallot[];
}

export const emptyPaper = (): PaperState => ({
  paperVoters: [],
  ballotIssues: [],
  ballotReturns: [],
  paperBatches: [],
  paperBallots: [],
});

const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const clone = <T>(v: T): T => structuredClone(v);

export function memoryPaper(
  s: () => PaperState & { elections: { id: string }[] },
  refuse: (constraint: string) => never,
): PaperRepo {
  const election = (id: string, table: string) => {
    if (!s().elections.some((e) => e.id === id)) refuse(`${table}_election_id_fkey`);
  };
  const sameRound = (a: { electionId: string; round: number; memberId: string }, b: typeof a) =>
    a.electionId === b.electionId && a.round === b.round && a.memberId === b.memberId;
  return {
    async putVoter(v) {
      election(v.electionId, 'paper_voters');
      s().paperVoters = s().paperVoters.filter(
        (x) => !(x.electionId === v.electionId && x.memberId === v.memberId),
      );
      s().paperVoters.push(clone(v));
    },
    async removeVoter(eid, memberId) {
      const before = s().paperVoters.length;
      s().paperVoters = s().paperVoters.filter((x) => !(x.electionId === eid && x.memberId === memberId));
      return s().paperVoters.length < before;
    },
    async voters(eid) {
      return clone(
        s()
          .paperVoters.filter((v) => v.electionId === eid)
          .sort((a, b) => bytes(a.memberId, b.memberId)),
      );
    },
    async putIssue(i) {
      election(i.electionId, 'ballot_issues');
      s().ballotIssues = s().ballotIssues.filter((x) => !sameRound(x, i));
      s().ballotIssues.push(clone(i));
    },
    async issues(eid) {
      return clone(
        s()
          .ballotIssues.filter((i) => i.electionId === eid)
          .sort((a, b) => a.round - b.round || bytes(a.memberId, b.memberId)),
      );
    },
    async getReturn(eid, round, memberId) {
      return clone(s().ballotReturns.find((r) => sameRound(r, { electionId: eid, round, memberId })));
    },
    async addReturn(r) {
      election(r.electionId, 'ballot_returns');
      if (s().ballotReturns.some((x) => sameRound(x, r))) refuse('ballot_returns_pk');
      s().ballotReturns.push(clone(r));
    },
    async returns(eid) {
      return clone(
        s()
          .ballotReturns.filter((r) => r.electionId === eid)
          .sort((a, b) => a.round - b.round || bytes(a.memberId, b.memberId)),
      );
    },
    async addBatch(batch, ballots) {
      election(batch.electionId, 'paper_batches');
      if (s().paperBatches.some((b) => b.electionId === batch.electionId && b.number === batch.number))
        refuse('paper_batches_number');
      s().paperBatches.push(clone(batch));
      s().paperBallots.push(...clone([...ballots]));
    },
    async updateBatch(batch) {
      const i = s().paperBatches.findIndex((b) => b.id === batch.id);
      if (i >= 0) s().paperBatches[i] = { ...s().paperBatches[i]!, ...clone(batch) };
    },
    async batches(eid) {
      return clone(
        s()
          .paperBatches.filter((b) => b.electionId === eid)
          .sort((a, b) => a.number - b.number),
      );
    },
    async confirmedBallots(contestId) {
      const confirmed = new Map(
        s()
          .paperBatches.filter((b) => b.status === 'confirmed')
          .map((b) => [b.id, b.channel] as const),
      );
      return clone(
        s()
          .paperBallots.filter((b) => b.contestId === contestId && confirmed.has(b.batchId))
          .sort((a, b) => bytes(a.id, b.id))
          .map((b) => ({ ...b, channel: confirmed.get(b.batchId)! })),
      );
    },
  };
}
