// The Store the core runs its commands through: one database transaction per command, with every
// repository bound to that transaction.
import { sql } from 'kysely';
import type { Store, Tx } from '../core/shared/store.ports.js';
import type { Database } from './connect.js';
import { ballotRepo, participationRepo, receiptRepo, secretRepo } from './repos/ballot-repos.js';
import type { RepoContext } from './repos/context.js';
import { contestRepo, electionRepo, memberRepo, nominationRepo, orgRepo, roleRepo, rollRepo } from './repos/election-repos.js';
import { auditRepo, outboxRepo, requestRepo, resultRepo } from './repos/record-repos.js';

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
  const { db, dialect } = database;
  return {
    transaction(fn) {
      return db.transaction().execute((trx) => fn(bindRepos({ db: trx, dialect })));
    },
    async scrub() {
      if (dialect === 'sqlite') {
        // Copy the WAL into the main file (where secure_delete has zeroed freed cells) and truncate it,
        // so no old page image holding a link survives in the -wal file.
        await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
        return;
      }
      // VACUUM cannot run inside a transaction; Kysely runs this on a pooled connection in autocommit.
      await sql`vacuum ballots, receipts, election_secrets`.execute(db);
    },
  };
}
