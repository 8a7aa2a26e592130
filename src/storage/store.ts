// The Store the core runs its commands through: one database transaction per command, with every
// repository bound to that transaction.
import { sql } from 'kysely';
import type { Store, Tx } from '../core/shared/store.ports.js';
import type { Database } from './connect.js';
import { ballotRepo, participationRepo, receiptRepo, secretRepo } from './repos/ballot-repos.js';
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
    ballots: ballotRepo(ctx),
    receipts: receiptRepo(ctx),
    participation: participationRepo(ctx),
    results: resultRepo(ctx),
    audit: auditRepo(ctx),
    outbox: outboxRepo(ctx),
    requests: requestRepo(ctx),
  };
}

export function createStore(database: Database): Store {
  const { db, dialect, native } = database;
  return {
    transaction(fn) {
      if (native === undefined) return db.transaction().execute((trx) => fn(bindRepos({ db: trx, dialect })));
      // SQLite: hold Kysely's one connection (its mutex keeps the delivery queue and everyone else out)
      // and drive the transaction on the raw handle, so the repositories' prepared queries can skip
      // Kysely's executor; queries built with Kysely inside go through `conn`, the same connection.
      return db.connection().execute(async (conn) => {
        native.run('begin', []);
        try {
          const result = await fn(bindRepos({ db: conn, dialect, native }));
          native.run('commit', []);
          return result;
        } catch (error) {
          // SQLite may already have rolled back on its own (e.g. disk full); rolling back twice throws.
          if (native.inTransaction) native.run('rollback', []);
          throw error;
        }
      });
    },
    async scrub() {
      if (dialect === 'sqlite') {
        // Copy the WAL into the main file (where secure_delete has zeroed freed cells) and truncate it,
        // so no old page image holding a link survives in the -wal file. Another connection reading an
        // old snapshot (a second process on the same file) keeps the WAL alive: say so rather than
        // report a scrub that did not happen.
        const result = await sql<{ busy: number }>`pragma wal_checkpoint(TRUNCATE)`.execute(db);
        if (Number(result.rows[0]?.busy ?? 0) !== 0) {
          throw new Error('scrub incomplete: another connection is reading the database; run it again when it is idle');
        }
        return;
      }
      // VACUUM cannot run inside a transaction; Kysely runs this on a pooled connection in autocommit.
      await sql`vacuum ballots, receipts, election_secrets`.execute(db);
    },
  };
}
