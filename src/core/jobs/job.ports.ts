// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { Job } from './job.types.js';

export interface JobRepo {
  /** insert unless the dedupe key exists (a cancelled job with the key is planned again); whether it was */
  schedule(job: Job): Promise<boolean>;
  /**
   * Take up to `limit` jobs that are due (pending, or running with an expired lease) and lease them
   * until `leaseUntil`. On PostgreSQL SKIP LOCKED keeps two processes from taking the same job.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<Job[]>;
  finish(id: string, at: string): Promise<void>;
  /** back to pending at `runAt`, or 'failed' for good when `runAt` is null */
  retry(id: string, runAt: string | null, error: string): Promise<void>;
  /** mark the pending job with this key done (the work happened another way) */
  finishByKey(dedupeKey: string, at: string): Promise<void>;
  /** the plan changed: the pending job with this key will not run */
  cancelByKey(dedupeKey: string, at: string): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    jobs: JobRepo;
  }
}
