// Durable jobs, the timetables that plan them, and server-wide settings.
import type { JobRepo } from '../../core/jobs/job.ports.js';
import type { Job, JobStatus } from '../../core/jobs/job.types.js';
import type { SettingRepo } from '../../core/settings/setting.ports.js';
import type { TimetableRepo } from '../../core/elections/timetable.ports.js';
import type { Step } from '../../core/elections/timetable.types.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import type { JobRow } from '../schema.js';
import type { RepoContext } from './context.js';

const JOB = [
  'id',
  'kind',
  'election_id',
  'dedupe_key',
  'payload',
  'status',
  'run_at',
  'attempts',
  'lease_until',
  'last_error',
  'created_at',
  'done_at',
] as const;

const TIMETABLE = ['election_id', 'step', 'at', 'set_by', 'set_at'] as const;

const q = {
  jobInsert: prepare((db, p) =>
    db
      .insertInto('jobs')
      .values(rowParams(p, JOB))
      // A plan changed back (voting-close moved to Friday, then back to Thursday) plans the same job
      // again: its cancelled row comes back to life; a pending, running or finished one stays as it is.
      .onConflict((oc) =>
        oc
          .column('dedupe_key')
          .doUpdateSet({
            status: 'pending',
            run_at: p('run_at'),
            payload: p('payload'),
            attempts: 0,
            lease_until: null,
            last_error: null,
            done_at: null,
          })
          .where('jobs.status', '=', 'cancelled'),
      ),
  ),
  jobFinish: prepare((db, p) =>
    db
      .updateTable('jobs')
      .set({ status: 'done', done_at: p('at'), lease_until: null, last_error: null })
      .where('id', '=', p('id')),
  ),
  jobFinishByKey: prepare((db, p) =>
    db
      .updateTable('jobs')
      .set({ status: 'done', done_at: p('at'), lease_until: null })
      .where('dedupe_key', '=', p('key'))
      .where('status', 'in', ['pending', 'running']),
  ),
  jobCancelByKey: prepare((db, p) =>
    db
      .updateTable('jobs')
      .set({ status: 'cancelled', done_at: p('at'), lease_until: null })
      .where('dedupe_key', '=', p('key'))
      .where('status', '=', 'pending'),
  ),
  timetableList: prepare((db, p) =>
    db.selectFrom('timetable').selectAll().where('election_id', '=', p('electionId')),
  ),
  timetablePut: prepare((db, p) =>
    db
      .insertInto('timetable')
      .values(rowParams(p, TIMETABLE))
      .onConflict((oc) =>
        oc
          .columns(['election_id', 'step'])
          .doUpdateSet({ at: p('at'), set_by: p('set_by'), set_at: p('set_at') }),
      ),
  ),
  timetableRemove: prepare((db, p) =>
    db.deleteFrom('timetable').where('election_id', '=', p('electionId')).where('step', '=', p('step')),
  ),
  jobRetry: prepare((db, p) =>
    db
      .updateTable('jobs')
      .set({ status: 'pending', run_at: p('runAt'), last_error: p('error'), lease_until: null })
      .where('id', '=', p('id')),
  ),
  // a job that failed for good keeps the time it was due, to show when the work should have happened
  jobFail: prepare((db, p) =>
    db
      .updateTable('jobs')
      .set({ status: 'failed', last_error: p('error'), lease_until: null })
      .where('id', '=', p('id')),
  ),
  settingGet: prepare((db, p) => db.selectFrom('settings').select('value').where('key', '=', p('key'))),
  settingInsert: prepare((db, p) =>
    db
      .insertInto('settings')
      .values(rowParams(p, ['key', 'value'] as const))
      .onConflict((oc) => oc.column('key').doNothing()),
  ),
};

function jobFromRow(r: JobRow): Job {
  return {
    id: r.id,
    kind: r.kind,
    electionId: r.election_id,
    dedupeKey: r.dedupe_key,
    payload: JSON.parse(r.payload) as Job['payload'],
    status: r.status as JobStatus,
    runAt: r.run_at,
    attempts: Number(r.attempts),
    leaseUntil: r.lease_until,
    lastError: r.last_error,
    createdAt: r.created_at,
    doneAt: r.done_at,
  };
}

export function jobRepo(ctx: RepoContext): JobRepo {
  return {
    async schedule(job) {
      const row = {
        id: job.id,
        kind: job.kind,
        election_id: job.electionId,
        dedupe_key: job.dedupeKey,
        payload: JSON.stringify(job.payload),
        status: job.status,
        run_at: job.runAt,
        attempts: job.attempts,
        lease_until: job.leaseUntil,
        last_error: job.lastError,
        created_at: job.createdAt,
        done_at: job.doneAt,
      };
      return (await run(ctx, q.jobInsert, row)) > 0;
    },
    async claimDue(now, leaseUntil, limit) {
      // One statement picks and leases the batch. On PostgreSQL SKIP LOCKED lets a second process pass
      // over rows the first is claiming instead of waiting and then taking them too; a job whose lease
      // ran out (its runner died) is due again. An election's jobs run one at a time in the order they
      // were due: after downtime, voting must have opened before another process closes it.
      const rows = await ctx.db
        .updateTable('jobs')
        .set((eb) => ({ status: 'running', lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', (eb) => {
          const due = eb
            .selectFrom('jobs as j')
            .select('j.id')
            .where((w) =>
              w.or([
                w('j.status', '=', 'pending'),
                w.and([w('j.status', '=', 'running'), w('j.lease_until', '<=', now)]),
              ]),
            )
            .where('j.run_at', '<=', now)
            .where((w) =>
              w.not(
                w.exists(
                  w
                    .selectFrom('jobs as before')
                    .select('before.id')
                    .whereRef('before.election_id', '=', 'j.election_id')
                    .where('before.status', 'in', ['pending', 'running'])
                    .where((b) =>
                      b.or([
                        b('before.run_at', '<', b.ref('j.run_at')),
                        b.and([
                          b('before.run_at', '=', b.ref('j.run_at')),
                          b('before.id', '<', b.ref('j.id')),
                        ]),
                      ]),
                    ),
                ),
              ),
            )
            .orderBy('j.run_at')
            .orderBy('j.id')
            .limit(limit);
          return ctx.dialect === 'postgres' ? due.forUpdate('j').skipLocked() : due;
        })
        .returningAll()
        .execute();
      // RETURNING gives no order; run them in the order they were due
      return rows
        .map(jobFromRow)
        .sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id < b.id ? -1 : 1));
    },
    async finish(id, at) {
      await run(ctx, q.jobFinish, { id, at });
    },
    async retry(id, runAt, error) {
      if (runAt === null) await run(ctx, q.jobFail, { id, error });
      else await run(ctx, q.jobRetry, { id, runAt, error });
    },
    async finishByKey(key, at) {
      await run(ctx, q.jobFinishByKey, { key, at });
    },
    async cancelByKey(key, at) {
      await run(ctx, q.jobCancelByKey, { key, at });
    },
  };
}

export function timetableRepo(ctx: RepoContext): TimetableRepo {
  return {
    async list(electionId) {
      return (await all(ctx, q.timetableList, { electionId })).map((r) => ({
        electionId: r.election_id,
        step: r.step as Step,
        at: r.at,
        setBy: r.set_by,
        setAt: r.set_at,
      }));
    },
    async put(e) {
      await run(ctx, q.timetablePut, {
        election_id: e.electionId,
        step: e.step,
        at: e.at,
        set_by: e.setBy,
        set_at: e.setAt,
      });
    },
    async remove(electionId, step) {
      await run(ctx, q.timetableRemove, { electionId, step });
    },
  };
}

export function settingRepo(ctx: RepoContext): SettingRepo {
  return {
    async get(key) {
      return (await first(ctx, q.settingGet, { key }))?.value;
    },
    async putIfAbsent(key, value) {
      await run(ctx, q.settingInsert, { key, value });
      return (await first(ctx, q.settingGet, { key }))!.value;
    },
  };
}
