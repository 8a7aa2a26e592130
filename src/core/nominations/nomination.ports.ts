// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { Nomination, Seconder } from './nomination.types.js';

export interface NominationRepo {
  get(electionId: string, number: number): Promise<Nomination | undefined>;
  /** in number order */
  list(electionId: string): Promise<Nomination[]>;
  maxNumber(electionId: string): Promise<number>;
  insert(nomination: Nomination): Promise<void>;
  update(nomination: Nomination): Promise<void>;
  seconders(nominationId: string): Promise<Seconder[]>;
  /** no-op when already seconded by that member */
  addSeconder(seconder: Seconder): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    nominations: NominationRepo;
  }
}
