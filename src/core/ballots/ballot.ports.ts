// The ballot box: the election's key salt, ciphertexts while voting is open, plaintext ballots after
// the seal, and participation, kept apart from ballot content (ARCHITECTURE §2). Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { CastBallot, ElectionSecret, Participation, StoredBallot } from './ballot.types.js';

export interface SecretRepo {
  get(electionId: string): Promise<ElectionSecret | undefined>;
  put(electionId: string, secret: ElectionSecret): Promise<void>;
  delete(electionId: string): Promise<void>;
}

export interface CastBallotRepo {
  /**
   * Store the voter's sealed ballot, replacing the one already held for (contestId, link); true when it
   * replaced one. The caller holds the election's lock, so two casts of one voter never interleave.
   */
  put(ballot: CastBallot): Promise<boolean>;
  listForElection(electionId: string): Promise<CastBallot[]>;
  deleteForElection(electionId: string): Promise<void>;
}

export interface BallotRepo {
  /** plaintext ballots, written once at close in the (shuffled) order given */
  insertMany(ballots: readonly StoredBallot[]): Promise<void>;
  /** the content of every ballot of a contest, in random-id order */
  listForCount(contestId: string): Promise<{ weight: number; content: string }[]>;
  count(contestId: string): Promise<number>;
  /** the election's ballots for publication after close, in random-id order */
  listPublished(electionId: string): Promise<{ contestId: string; weight: number; content: string }[]>;
}

export interface ParticipationRepo {
  /** no-op when already recorded */
  add(p: Participation): Promise<void>;
  has(electionId: string, contestId: string, memberId: string): Promise<boolean>;
  /** members who voted in at least one contest, sorted */
  voters(electionId: string): Promise<string[]>;
  count(electionId: string, contestId: string): Promise<number>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    secrets: SecretRepo;
    castBallots: CastBallotRepo;
    ballots: BallotRepo;
    participation: ParticipationRepo;
  }
}
