// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.

/** Platform request ids already handled, with the reply given, so a retried request runs once. */
export interface RequestRepo {
  get(key: string): Promise<string | undefined>;
  put(key: string, response: string, at: string, electionId: string | null): Promise<void>;
  /** at close: the stored replies of the election's commands (casts carry receipt codes) */
  deleteForElection(electionId: string): Promise<void>;
  /** platforms retry within minutes; older replies are only a record of who did what when */
  deleteBefore(at: string): Promise<number>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    requests: RequestRepo;
  }
}
