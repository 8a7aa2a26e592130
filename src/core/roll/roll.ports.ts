// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { RollEntry } from './roll.types.js';

export interface RollRepo {
  get(electionId: string, memberId: string): Promise<RollEntry | undefined>;
  /** ordered by member id */
  list(electionId: string): Promise<RollEntry[]>;
  /** insert or replace the member's entry */
  upsert(entry: RollEntry): Promise<void>;
  remove(electionId: string, memberId: string): Promise<boolean>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    roll: RollRepo;
  }
}
