// The Store the core runs its commands through: one database transaction per command, with every
// repository bound to that transaction.
import { sql } from 'kysely';
import type { Store, Tx } from '../core/shared/store.ports.js';
import type { Database } from './connect.js';
import { ballotRepo, castBallotRepo, participationRepo, receiptRepo, secretRepo } from './repos/ballot-repos.js';
import { jobRepo, settingRepo } from './repos/job-repos.js';
import type { RepoContext } from './repos/context.js';
import { contestRepo, electionRepo, memberRepo, nominationRepo, orgRepo, roleRepo, rollRepo } from './repos/election-repos.js';
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
    settings: settingRepo(ctx),
  };
}

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
          const outcomes = await db.connection().execute(async (conn) => runBatch(batch, bindRepos({ db: conn, dialect, native })));
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

  async function runBatch(batch: Queued[], tx: Tx): Promise<({ ok: true; value: unknown } | { ok: false; error: unknown })[]> {
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
        const result = await sql<{ busy: number; log: number; checkpointed: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
        const row = result.rows[0];
        if (Number(row?.busy ?? 0) !== 0) {
          throw new Error('purge incomplete: another connection is reading the database, so its write-ahead log cannot be emptied yet');
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
          await sql`vacuum full cast_ballots, receipts, election_secrets, requests, ballots`.execute(conn);
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
