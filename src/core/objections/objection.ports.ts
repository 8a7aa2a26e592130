// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { Appeal, AppealPanel, Objection } from './objection.types.js';

export interface ObjectionRepo {
  insert(objection: Objection): Promise<void>;
  /** replace the objection's assignment, findings and decision */
  update(objection: Objection): Promise<void>;
  /** in number order */
  list(electionId: string): Promise<Objection[]>;
  /** one appeal per objection: a second insert is refused */
  insertAppeal(appeal: Appeal): Promise<void>;
  updateAppeal(appeal: Appeal): Promise<void>;
  /** the election's appeals, in the order they were filed */
  appeals(electionId: string): Promise<Appeal[]>;
  panel(orgId: string): Promise<AppealPanel | undefined>;
  /** insert or replace the organisation's panel */
  setPanel(panel: AppealPanel): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    objections: ObjectionRepo;
  }
}
