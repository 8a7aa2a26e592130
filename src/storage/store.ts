// The Store the core runs its commands through: one database transaction per command, with every
// repository bound to that transaction.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Store, Tx } from '../core/kit/store.js';
import type { Database, PgNotice } from './connect.js';
import type { Schema } from './schema.js';
import {
  ballotRepo,
  castBallotRepo,
  participationRepo,
  receiptRepo,
  secretRepo,
} from './repos/ballot-repos.js';
import { jobRepo, settingRepo, timetableRepo } from './repos/job-repos.js';
import type { RepoContext } from './repos/context.js';
import {
  contestRepo,
  electionRepo,
  memberRepo,
  nominationRepo,
  orgRepo,
  roleRepo,
  rollRepo,
} from './repos/election-repos.js';
import { proxyRepo } from './repos/proxy-repos.js';
import { paperRepo } from './repos/paper-repos.js';
import { archiveRepo } from './repos/archive-repos.js';
import { objectionRepo } from './repos/objection-repos.js';
import { surveyRepo } from './repos/survey-repos.js';
import { auditRepo, outboxRepo, requestRepo, resultRepo } from './repos/record-repos.js';

// A plain object, built eagerly: callers may spread or destructure a Tx (a getter-based lazy object
// would lose its repositories when spread), and building fifteen small objects costs about a microsecond.
export function bindRepos(ctx: RepoContext): Tx {
  return {
    orgs: orgRepo(ctx),
    members: memberRepo(ctx),
    elections: electionRepo(ctx),
    contests: contestRepo(ctx),
    roles: roleRepo(ctx),
    roll: rollRepo(ctx),
    nominations: nominationRepo(ctx),
    secrets: secretRepo(ctx),
    castBallots: castBallotRepo(ctx),
    ballots: ballotRepo(ctx),
    receipts: receiptRepo(ctx),
    participation: participationRepo(ctx),
    results: resultRepo(ctx),
    audit: auditRepo(ctx),
    outbox: outboxRepo(ctx),
    requests: requestRepo(ctx),
    jobs: jobRepo(ctx),
    timetable: timetableRepo(ctx),
    proxies: proxyRepo(ctx),
    paper: paperRepo(ctx),
    archive: archiveRepo(ctx),
    objections: objectionRepo(ctx),
    surveys: surveyRepo(ctx),
    settings: settingRepo(ctx),
  };
}

/**
 * Columns whose values link a voter or open a ballot. PostgreSQL is told never to sample them
 * (migrations/2026-12-14-no-statistics-on-secrets.ts, kept in step with this list); samples taken
 * before that are dropped by the purge.
 */
const SECRET_COLUMNS: readonly (readonly [string, string])[] = [
  ['cast_ballots', 'link'],
  ['cast_ballots', 'sealed'],
  ['receipts', 'link'],
  ['receipts', 'code'],
  ['election_secrets', 'salt'],
  ['election_secrets', 'key_check'],
  ['requests', 'response'],
  // the survey's (migrations/2027-02-08-survey.ts)
  ['survey_secrets', 'salt'],
  ['survey_secrets', 'key_check'],
  ['survey_sealed', 'sealed'],
];

/** Waits before rewriting again while a transaction older than the close still sees deleted rows. */
const KEPT_ROWS_RETRY_MS = [50, 100, 200, 400];

/** Most commands one SQLite commit may carry; a batch is what queued up while the last one ran. */
const MAX_BATCH = 256;

interface Queued {
  fn: (tx: Tx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function createStore(database: Database): Store {
  const { db, dialect, native } = database;
  const queue: Queued[] = [];
  let draining = false;

  // Group commit (SQLite): a commit costs far more than the statements of one command (every dirty
  // page goes to the WAL), so commands that arrive while one batch runs are run together in the next:
  // one BEGIN … COMMIT, each command inside its own SAVEPOINT. A command that fails rolls back to its
  // savepoint and changes nothing; the others are unaffected. Every caller hears back only after the
  // COMMIT, so nothing is acknowledged before it is durable. Commands still run one after another, so
  // each sees what the ones before it wrote, exactly as separate transactions would.
  async function drain(): Promise<void> {
    draining = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, MAX_BATCH);
        try {
          const outcomes = await db
            .connection()
            .execute(async (conn) => runBatch(batch, bindRepos({ db: conn, dialect, native })));
          outcomes.forEach((o, i) => (o.ok ? batch[i].resolve(o.value) : batch[i].reject(o.error)));
        } catch (error) {
          // the connection itself failed (closed database): nobody may be left waiting
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      draining = false;
    }
  }

  async function runBatch(
    batch: Queued[],
    tx: Tx,
  ): Promise<({ ok: true; value: unknown } | { ok: false; error: unknown })[]> {
    const sqlite = native!;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      sqlite.run('begin', []);
      for (const item of batch) {
        sqlite.run('savepoint command', []);
        try {
          const value = await item.fn(tx);
          sqlite.run('release command', []);
          outcomes.push({ ok: true, value });
        } catch (error) {
          // SQLite may have rolled back the whole transaction on its own (disk full, I/O error): then
          // the commands before this one are gone too, and the batch fails as a whole below.
          if (!sqlite.inTransaction) throw error;
          sqlite.run('rollback to command', []);
          sqlite.run('release command', []);
          outcomes.push({ ok: false, error });
        }
      }
      sqlite.run('commit', []);
      return outcomes;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.run('rollback', []);
      return batch.map(() => ({ ok: false as const, error }));
    }
  }

  /**
   * VACUUM FULL keeps every deleted row a transaction that began before the deletion may still see (a
   * backup, a long query, another Teller process's cast that waited for the close), bytes, xmin and all.
   * VERBOSE says how many it kept; such readers are usually gone within moments, so rewrite again a few
   * times before calling the purge incomplete.
   */
  async function rewriteUntilClean(conn: Kysely<Schema>, tables: RawBuilder<unknown>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const kept = await vacuumFull(conn, tables);
      if (kept === 0) return;
      const wait = KEPT_ROWS_RETRY_MS[attempt];
      if (wait === undefined) {
        throw new Error(
          `purge incomplete: ${kept} deleted row versions are still visible to a transaction that began before the close (a backup, a long query, another process), so PostgreSQL keeps them`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** Rewrite the tables; returns how many dead row versions PostgreSQL had to keep (0 when it cannot tell). */
  async function vacuumFull(conn: Kysely<Schema>, tables: RawBuilder<unknown>): Promise<number> {
    const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(conn)).rows[0]?.pid;
    const stop = pid === undefined ? undefined : database.noticesOf?.(Number(pid));
    let notices: PgNotice[] = [];
    try {
      await sql`vacuum (full, verbose) ${tables}`.execute(conn);
    } finally {
      notices = stop?.() ?? [];
    }
    // "<table>: found R removable, N nonremovable row versions in P pages", with the detail
    // "K dead row versions cannot be removed yet." K comes first in every translation of the detail.
    return notices.reduce((sum, n) => sum + Number(/\d+/.exec(n.detail ?? '')?.[0] ?? 0), 0);
  }

  /**
   * ANALYZE copies sample values into pg_statistic, and a target of 0 only stops new samples: drop any
   * taken before (by resetting the column's statistics through a no-op type change), then rewrite
   * pg_statistic so the dropped rows leave its pages too. Rewriting a catalog takes its owner, a
   * superuser or the database's owner; anyone else gets a warning and the rows are gone from every
   * query, their bytes left until PostgreSQL reuses the space.
   */
  async function forgetSamples(conn: Kysely<Schema>): Promise<void> {
    const tables = [...new Set(SECRET_COLUMNS.map(([t]) => t))];
    const sampled = await sql<{ tablename: string; attname: string }>`
      select tablename, attname from pg_stats where schemaname = current_schema() and tablename in (${sql.join(tables)})`.execute(
      conn,
    );
    const found = SECRET_COLUMNS.filter(([t, c]) =>
      sampled.rows.some((r) => r.tablename === t && r.attname === c),
    );
    if (found.length === 0) return;
    for (const [table, column] of found) {
      await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} set statistics 0, alter column ${sql.ref(column)} type text`.execute(
        conn,
      );
    }
    await rewriteUntilClean(conn, sql`pg_catalog.pg_statistic`);
  }

  return {
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      if (native === undefined) return db.transaction().execute((trx) => fn(bindRepos({ db: trx, dialect })));
      return new Promise<T>((resolve, reject) => {
        queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
        if (!draining) void drain();
      });
    },
    async purge() {
      if (dialect === 'sqlite') {
        // Copy the WAL into the main file (where secure_delete has zeroed freed cells) and truncate it,
        // so no old page image of a ciphertext, link or salt survives in the -wal file. Another
        // connection reading an old snapshot (a backup, the sqlite3 shell, a second process) keeps the
        // WAL alive: then the purge has not happened, and saying so is the only honest answer.
        const result = await sql<{
          busy: number;
          log: number;
          checkpointed: number;
        }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
        const row = result.rows[0];
        if (Number(row?.busy ?? 0) !== 0) {
          throw new Error(
            'purge incomplete: another connection is reading the database, so its write-ahead log cannot be emptied yet',
          );
        }
        return;
      }
      // Plain VACUUM only marks dead tuples free: their bytes and their xmin (which equals the xmin of the
      // cast's audit entry) stay on the page. VACUUM FULL writes each table, its indexes and its TOAST
      // into new files; the old files are truncated at commit. It cannot run inside a transaction (this
      // connection is in autocommit). Its exclusive lock waits behind any open reader of those tables,
      // and every cast would queue behind it: give up after a few seconds, and the retry job comes back.
      await db.connection().execute(async (conn) => {
        await sql`set lock_timeout = '5s'`.execute(conn);
        try {
          await rewriteUntilClean(
            conn,
            sql`cast_ballots, receipts, election_secrets, requests, ballots, outbox, survey_secrets, survey_sealed, survey_answers`,
          );
          await forgetSamples(conn);
        } finally {
          await sql`reset lock_timeout`.execute(conn);
        }
        try {
          await sql`checkpoint`.execute(conn);
        } catch (error) {
          // CHECKPOINT needs superuser or pg_checkpoint; without it the old files are still truncated,
          // and PostgreSQL removes them at its next own checkpoint.
          if (!/permission denied|must be superuser|pg_checkpoint/i.test(String(error))) throw error;
        }
      });
    },
  };
}
