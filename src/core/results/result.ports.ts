// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { CountConfirmation, StoredResult } from './result.types.js';

export interface ResultRepo {
  put(result: StoredResult): Promise<void>;
  /** in contest, then round order */
  list(electionId: string): Promise<StoredResult[]>;
  deleteForElection(electionId: string): Promise<void>;
  confirmations(electionId: string): Promise<CountConfirmation[]>;
  addConfirmation(c: CountConfirmation): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    results: ResultRepo;
  }
}
