// The durable jobs table's worker side. Commands plan jobs inside their own transaction (ctx.schedule);
// this claims due ones under a lease (SKIP LOCKED on PostgreSQL, so with several Teller processes each
// job runs once), runs each through the same command path members use, and retries with backoff.
import type { DispatchResult } from '../kit/command.types.js';
import type { Logger, ScheduledRun } from '../kit/context.js';
import { PHASE_MOVES } from '../elections/election.phases.js';
import {
  ORGANISER_JOB,
  REMIND_JOB,
  STEP_ARGS,
  STEP_COMMAND,
  STEP_JOB,
  stepJobKey,
} from '../elections/timetable.js';
import { STEPS, type Step } from '../elections/timetable.types.js';
import { PHASES, type Election } from '../shared/election.types.js';
import { orgLanguage, type Organisation } from '../shared/org.types.js';
import { DEFAULT_TIME_ZONE, formatTime } from '../shared/time.js';
import type { Clock } from '../shared/clock.js';
import type { Job } from '../jobs/job.types.js';
import type { Store } from '../kit/store.js';
import { SEAL_JOB } from '../elections/election.seal.js';
import { PURGE_JOB } from '../archive/archive.commands.js';
import { OBJECTION_JOB } from '../objections/objection.commands.js';

type RunAsTeller = (
  org: Pick<Organisation, 'platform' | 'platformOrgId'>,
  command: string,
  args: Record<string, unknown>,
  scheduled?: ScheduledRun,
) => Promise<DispatchResult>;

/** What a job's run came to: done (whatever the outcome), or a failure to retry. */
type Outcome = DispatchResult | undefined;

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

/** The periods members act in: opened late past their end, they are not opened at all. */
const PERIOD_CLOSED_BY: Partial<Record<Step, Step>> = {
  'nominations-open': 'nominations-close',
  'voting-open': 'voting-close',
};

function bodyText(outcome: DispatchResult): string {
  return outcome.reply.body.text;
}

export function createJobRunner(deps: JobRunnerDeps) {
  let lastHousekeeping = -Infinity;

  async function runOne(job: Job): Promise<Outcome> {
    const target = await deps.store.transaction(async (tx) => {
      const election = job.electionId ? await tx.elections.get(job.electionId) : undefined;
      const org = election ? await tx.orgs.get(election.orgId) : undefined;
      return election && org ? { election, org } : undefined;
    });
    if (!target) return undefined;
    const { org, election } = target;
    const number = election.number;
    // a retry moves runAt on; the time it was planned for stays in the payload
    const plannedFor = typeof job.payload.at === 'string' ? job.payload.at : job.runAt;
    const scheduled: ScheduledRun = {
      for: new Date(plannedFor),
      key: job.dedupeKey,
      retried: job.attempts > 1,
    };
    switch (job.kind) {
      case SEAL_JOB:
        return deps.runAsTeller(org, 'voting.seal', { election: number });
      case PURGE_JOB:
        return deps.runAsTeller(org, 'archive.purge', { election: number });
      case STEP_JOB:
        return runStep(job, org, election, scheduled);
      case REMIND_JOB: {
        // when Teller was down past the next reminder's time, that one covers this one
        const skipAfter = job.payload.skipAfter;
        if (typeof skipAfter === 'string' && deps.clock.now().toISOString() >= skipAfter) return undefined;
        return deps.runAsTeller(org, 'voting.remind', { election: number }, scheduled);
      }
      case ORGANISER_JOB: {
        const phases = String(job.payload.phases ?? '').split(',');
        if (!phases.includes(election.phase)) return undefined;
        return deps.runAsTeller(
          org,
          'notices.alert',
          { election: number, about: job.payload.about },
          scheduled,
        );
      }
      case OBJECTION_JOB:
        // the command itself says nothing when the objection was decided in the meantime
        return deps.runAsTeller(
          org,
          'objection.remind',
          { election: number, ref: job.payload.ref, about: job.payload.about },
          scheduled,
        );
    }
    throw new Error(`unknown job kind ${job.kind}`);
  }

  /**
   * A planned step, run as the command an organiser would type. Refused because the election is not yet
   * where the step starts (voting due to open, candidates not published), or by a rule: the organisers
   * are told at once, and the job ends; retrying would not change the answer.
   */
  async function runStep(
    job: Job,
    org: Organisation,
    election: Election,
    scheduled: ScheduledRun,
  ): Promise<Outcome> {
    const step = job.payload.step as Step;
    if (!STEPS.includes(step)) throw new Error(`unknown timetable step ${String(step)}`);
    const missed = await missedPeriod(election, step);
    if (missed) return missed;
    const command = STEP_COMMAND[step];
    const outcome = await deps.runAsTeller(
      org,
      command,
      { election: election.number, ...STEP_ARGS[step] },
      scheduled,
    );
    if (outcome.kind !== 'domain-error') return outcome;
    const row = PHASE_MOVES.find((m) => m.command === command); // the roll's steps are notices, not moves
    const behind =
      outcome.code === 'election.wrong_phase' &&
      row !== undefined &&
      PHASES.indexOf(election.phase) < Math.min(...row.from.map((p) => PHASES.indexOf(p)));
    if (outcome.code === 'election.wrong_phase' && !behind) return outcome; // it moved on already
    await deps.runAsTeller(org, 'notices.alert', {
      election: election.number,
      about: behind ? 'schedule_blocked' : 'schedule_refused',
      step,
      detail: bodyText(outcome).slice(0, 1000),
    });
    return { ...outcome, code: 'job.refused' };
  }

  /**
   * A period whose end passed while Teller was not running is not opened and closed at once (ballots that
   * say "voting closes 2 h ago"): the organisers are told, and the end's job is cancelled with it.
   */
  async function missedPeriod(election: Election, step: Step): Promise<Outcome> {
    const closes = PERIOD_CLOSED_BY[step];
    if (!closes) return undefined;
    const now = deps.clock.now();
    const plan = await deps.store.transaction((tx) => tx.timetable.list(election.id));
    const end = plan.find((p) => p.step === closes);
    const start = plan.find((p) => p.step === step);
    if (!end || new Date(end.at) > now) return undefined;
    await deps.store.transaction((tx) =>
      tx.jobs.cancelByKey(stepJobKey(election.id, closes, end.at), now.toISOString()),
    );
    const org = await deps.store.transaction((tx) => tx.orgs.get(election.orgId));
    if (org) {
      const show = (at: string) =>
        formatTime(new Date(at), org.timeZone ?? DEFAULT_TIME_ZONE, orgLanguage(org), now);
      await deps.runAsTeller(org, 'notices.alert', {
        election: election.number,
        about: 'schedule_missed',
        step,
        detail: `${start ? show(start.at) : ''} – ${show(end.at)}`,
      });
    }
    return {
      kind: 'domain-error',
      code: 'job.refused',
      reply: { visibility: 'only-you', body: { text: `missed: ${step} and ${closes} both passed` } },
    };
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
    if (outcome?.kind === 'domain-error' && outcome.code === 'job.refused') {
      // the organisers have been told; the step waits for them, not for a retry
      await deps.store.transaction((tx) => tx.jobs.retry(job.id, null, bodyText(outcome).slice(0, 500)));
      return;
    }
    // what the organisers and the log are told: the error, the domain code, or the failure's reference
    const why =
      error !== undefined
        ? String(error)
        : outcome && 'code' in outcome
          ? outcome.code
          : outcome && 'ref' in outcome
            ? `ref ${outcome.ref}`
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
          about: job.kind === SEAL_JOB ? 'seal_failing' : 'job_failing',
          ...(job.kind === STEP_JOB ? { step: String(job.payload.step) } : {}),
          detail: why.slice(0, 1000),
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
