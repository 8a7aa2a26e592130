// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type {
  BallotIssue,
  BallotReturn,
  OfflineChannel,
  PaperBallot,
  PaperBatch,
  PaperVoter,
} from './paper.types.js';

export interface PaperRepo {
  /** mark (or re-mark) a member as voting by paper or mail */
  putVoter(voter: PaperVoter): Promise<void>;
  removeVoter(electionId: string, memberId: string): Promise<boolean>;
  voters(electionId: string): Promise<PaperVoter[]>;
  /** record a ballot issued; a second issue in the same round replaces the first */
  putIssue(issue: BallotIssue): Promise<void>;
  issues(electionId: string): Promise<BallotIssue[]>;
  /** a member's return in a round, if any */
  getReturn(electionId: string, round: number, memberId: string): Promise<BallotReturn | undefined>;
  /** record a return; one per member and round */
  addReturn(ret: BallotReturn): Promise<void>;
  returns(electionId: string): Promise<BallotReturn[]>;
  addBatch(batch: PaperBatch, ballots: readonly PaperBallot[]): Promise<void>;
  updateBatch(batch: PaperBatch): Promise<void>;
  batches(electionId: string): Promise<PaperBatch[]>;
  /** the ballots of the contest's confirmed batches, in their random (id) order, with their channel */
  confirmedBallots(contestId: string): Promise<(PaperBallot & { channel: OfflineChannel })[]>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    paper: PaperRepo;
  }
}
