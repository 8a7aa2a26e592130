// The storage the core needs, as one transaction over every module's repository ports (each module
// owns its ports in <module>/<module>.ports.ts). Storage (src/storage) implements them over Kysely on
// SQLite and PostgreSQL; core tests use the in-memory implementation in test/core/memory-store.ts.
// Every command runs inside one `transaction`: if the handler throws or returns a failure, nothing it
// wrote is kept (ARCHITECTURE §4).

import type { AuditRepo } from '../audit/audit.ports.js';
import type { BallotRepo, CastBallotRepo, ParticipationRepo, SecretRepo } from '../ballots/ballot.ports.js';
import type { OutboxRepo } from '../delivery/outbound.ports.js';
import type { ContestRepo, ElectionRepo, RoleRepo } from '../elections/election.ports.js';
import type { JobRepo } from '../jobs/job.ports.js';
import type { MemberRepo } from '../members/member.ports.js';
import type { NominationRepo } from '../nominations/nomination.ports.js';
import type { OrgRepo } from '../orgs/org.ports.js';
import type { ReceiptRepo } from '../receipts/receipt.ports.js';
import type { RequestRepo } from '../requests/request.ports.js';
import type { ResultRepo } from '../results/result.ports.js';
import type { RollRepo } from '../roll/roll.ports.js';
import type { SettingRepo } from '../settings/setting.ports.js';

export interface Tx {
  orgs: OrgRepo;
  members: MemberRepo;
  elections: ElectionRepo;
  contests: ContestRepo;
  roles: RoleRepo;
  roll: RollRepo;
  nominations: NominationRepo;
  secrets: SecretRepo;
  castBallots: CastBallotRepo;
  ballots: BallotRepo;
  receipts: ReceiptRepo;
  participation: ParticipationRepo;
  results: ResultRepo;
  audit: AuditRepo;
  outbox: OutboxRepo;
  requests: RequestRepo;
  jobs: JobRepo;
  settings: SettingRepo;
}

export interface Store {
  /** Run fn in one database transaction; commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Physically purge what a seal deleted, outside any transaction. SQLite: a WAL checkpoint (TRUNCATE),
   * so no old page image of a ciphertext, link or salt survives in the -wal file (secure_delete already
   * zeroed freed cells in the main file). PostgreSQL: VACUUM FULL rewrites every table that held them
   * into fresh files (plain VACUUM leaves dead tuples, with their xmin, on the page), then CHECKPOINT.
   * Throws when the purge could not complete (e.g. another connection holds an old SQLite snapshot).
   */
  purge(): Promise<void>;
}
