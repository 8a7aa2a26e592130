// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { AuditEntry } from './audit.types.js';

export interface AuditRepo {
  last(electionId: string): Promise<AuditEntry | undefined>;
  append(entry: AuditEntry): Promise<void>;
  /** in seq order */
  list(electionId: string): Promise<AuditEntry[]>;
  /** every election id that has entries */
  electionIds(): Promise<string[]>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    audit: AuditRepo;
  }
}
