// Elections, their contests and their roles. Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { Contest, Election, ElectionRole } from '../shared/election.types.js';

export interface ElectionRepo {
  get(id: string): Promise<Election | undefined>;
  findByNumber(orgId: string, number: number): Promise<Election | undefined>;
  /** newest first */
  list(orgId: string): Promise<Election[]>;
  /** every election of every organisation (audit verification), in id order */
  listAll(): Promise<Election[]>;
  /** the highest number used in the organisation, 0 when none */
  maxNumber(orgId: string): Promise<number>;
  /**
   * The number for a new election, holding the organisation's row lock until the transaction ends
   * (PostgreSQL), so two concurrent creates never pick the same number.
   */
  nextNumber(orgId: string): Promise<number>;
  insert(election: Election): Promise<void>;
  update(election: Election): Promise<void>;
  /**
   * Read the election under its row lock, held for the rest of the transaction (PostgreSQL: SELECT … FOR
   * UPDATE; SQLite transactions begin IMMEDIATE and so already hold the write lock). Dispatch loads every
   * election this way, so phase checks, phase changes, casts and audit appends of one election never
   * interleave across processes, and no command acts on a phase that has already moved on.
   */
  findByNumberLocked(orgId: string, number: number): Promise<Election | undefined>;
}

export interface ContestRepo {
  /** in contest number order */
  list(electionId: string): Promise<Contest[]>;
  insert(contest: Contest): Promise<void>;
}

export interface RoleRepo {
  list(electionId: string): Promise<ElectionRole[]>;
  /** no-op when the member already has that role */
  add(role: ElectionRole): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    elections: ElectionRepo;
    contests: ContestRepo;
    roles: RoleRepo;
  }
}
