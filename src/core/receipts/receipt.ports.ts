// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.

export interface ReceiptRepo {
  /** the code already issued for this link, if any */
  findByLink(electionId: string, link: string): Promise<string | undefined>;
  insert(electionId: string, code: string, link: string): Promise<void>;
  exists(electionId: string, code: string): Promise<boolean>;
  /** sorted by code */
  list(electionId: string): Promise<string[]>;
  /** at close: wipe the links and rewrite in code order */
  sealElection(electionId: string): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    receipts: ReceiptRepo;
  }
}
