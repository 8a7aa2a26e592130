/** 'cancelled': the plan changed (a step moved to another time) before the job ran */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';

/** Durable work the core does later: retrying a purge, and (with the timetable) phase moves and notices. */
export interface Job {
  id: string;
  kind: string;
  electionId: string | null;
  /** one job per key: planning the same work twice keeps the first */
  dedupeKey: string;
  payload: Record<string, string | number | boolean | null>;
  status: JobStatus;
  runAt: string;
  attempts: number;
  leaseUntil: string | null;
  lastError: string | null;
  createdAt: string;
  doneAt: string | null;
}
