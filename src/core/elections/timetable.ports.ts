// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { Step, TimetableEntry } from './timetable.types.js';

export interface TimetableRepo {
  /** the election's planned steps, in no particular order */
  list(electionId: string): Promise<TimetableEntry[]>;
  /** set the step's time (insert or replace) */
  put(entry: TimetableEntry): Promise<void>;
  remove(electionId: string, step: Step): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    timetable: TimetableRepo;
  }
}
