// The durable jobs table's worker side. Commands plan jobs inside their own transaction (ctx.schedule);
// this claims due ones under a lease (SKIP LOCKED on PostgreSQL, so with several Teller processes each
// job runs once), runs each through the same command path members use, and retries with backoff.
import type { DispatchResult } from '../kit/command.types.js';
import type { Logger } from '../kit/context.js';
import type { Organisation } from '../shared/org.types.js';
import type { Clock } from '../shared/clock.js';
import type { Job } from '../jobs/job.types.js';
import type { Store } from '../kit/store.js';
import { SEAL_JOB } from '../elections/election.seal.js';

type RunAsTeller = (
  org: Pick<Organisation, 'platform' | 'platformOrgId'>,
  command: string,
  args: Record<string, unknown>,
) => Promise<DispatchResult>;

export interface JobRunnerDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  runAsTeller: RunAsTeller;
}

/** A job's run: long enough for a VACUUM FULL of the ballot tables; a crashed run is retaken after it. */
const LEASE_MS = 10 * 60_000;
const BATCH = 20;
/** After this many failed runs in a row the organisers are told, once. */
const ALERT_AFTER = 5;
const MAX_BACKOFF_MS = 30 * 60_000;
/** Platforms retry a request within minutes; stored replies older than this serve no retry. */
export const REQUEST_RETENTION_MS = 24 * 60 * 60_000;
const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** 30 s, 1 min, 2 min … up to 30 min. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export function createJobRunner(deps: JobRunnerDeps) {
  let lastHousekeeping = -Infinity;

  async function runOne(job: Job): Promise<DispatchResult | undefined> {
    const target = await deps.store.transaction(async (tx) => {
      const election = job.electionId ? await tx.elections.get(job.electionId) : undefined;
      const org = election ? await tx.orgs.get(election.orgId) : undefined;
      return election && org ? { election, org } : undefined;
    });
    if (!target) return undefined;
    switch (job.kind) {
      case SEAL_JOB:
        return deps.runAsTeller(target.org, 'voting.seal', { election: target.election.number });
    }
    throw new Error(`unknown job kind ${job.kind}`);
  }

  async function settle(job: Job, outcome: DispatchResult | undefined, error?: unknown): Promise<void> {
    const now = deps.clock.now();
    // 'ok' and 'domain-error' for a phase that moved on both mean there is nothing left to do
    const done =
      error === undefined &&
      (outcome === undefined ||
        outcome.kind === 'ok' ||
        (outcome.kind === 'domain-error' && outcome.code === 'election.wrong_phase'));
    if (done) {
      await deps.store.transaction((tx) => tx.jobs.finish(job.id, now.toISOString()));
      return;
    }
    const why =
      error !== undefined
        ? String(error)
        : outcome && 'code' in outcome
          ? outcome.code
          : (outcome?.kind ?? 'unknown');
    deps.logger.error(`job ${job.kind} failed (attempt ${job.attempts})`, { job: job.id, error: why });
    await deps.store.transaction((tx) =>
      tx.jobs.retry(job.id, new Date(now.getTime() + backoffMs(job.attempts)).toISOString(), why),
    );
    if (job.attempts === ALERT_AFTER && job.electionId) {
      const target = await deps.store.transaction(async (tx) => {
        const election = await tx.elections.get(job.electionId!);
        return election ? { election, org: await tx.orgs.get(election.orgId) } : undefined;
      });
      if (target?.org)
        await deps.runAsTeller(target.org, 'notices.alert', {
          election: target.election.number,
          about: `${job.kind}_failing`,
        });
    }
  }

  async function housekeeping(now: Date): Promise<void> {
    if (now.getTime() - lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    lastHousekeeping = now.getTime();
    const before = new Date(now.getTime() - REQUEST_RETENTION_MS).toISOString();
    await deps.store.transaction((tx) => tx.requests.deleteBefore(before));
  }

  return {
    /** Run every job that is due now; returns how many ran. */
    async runDue(): Promise<number> {
      const now = deps.clock.now();
      await housekeeping(now);
      let ran = 0;
      for (;;) {
        const at = deps.clock.now();
        const jobs = await deps.store.transaction((tx) =>
          tx.jobs.claimDue(at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString(), BATCH),
        );
        if (jobs.length === 0) return ran;
        for (const job of jobs) {
          ran++;
          try {
            await settle(job, await runOne(job));
          } catch (error) {
            await settle(job, undefined, error);
          }
        }
      }
    },
  };
}
