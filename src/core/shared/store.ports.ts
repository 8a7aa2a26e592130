// The storage ports the core needs. Storage (src/storage) implements them over Kysely on SQLite and
// PostgreSQL; core tests use the in-memory implementation in test/core/memory-store.ts.
// Every command runs inside one `transaction`: if the handler throws or returns a failure, nothing it
// wrote is kept (ARCHITECTURE §4).

import type { AuditEntry } from '../audit/audit.types.js';
import type { Participation, StoredBallot } from '../ballots/ballot.types.js';
import type { OutboundMessage } from '../delivery/outbound.types.js';
import type { Contest, Election, ElectionRole } from '../elections/election.types.js';
import type { Nomination, Seconder } from '../nominations/nomination.types.js';
import type { Organisation } from '../orgs/org.types.js';
import type { RollEntry } from '../roll/roll.types.js';
import type { CountConfirmation, StoredResult } from '../results/result.types.js';
import type { Platform } from '../delivery/outbound.types.js';

export interface OrgRepo {
  findByPlatform(platform: Platform, platformOrgId: string): Promise<Organisation | undefined>;
  get(id: string): Promise<Organisation | undefined>;
  insert(org: Organisation): Promise<void>;
}

/** What Teller last heard about a member, so messages to them use their name and language. */
export interface Member {
  orgId: string;
  memberId: string;
  displayName: string | null;
  locale: string | null;
  updatedAt: string;
}

export interface MemberRepo {
  get(orgId: string, memberId: string): Promise<Member | undefined>;
  upsert(member: Member): Promise<void>;
}

export interface ElectionRepo {
  get(id: string): Promise<Election | undefined>;
  findByNumber(orgId: string, number: number): Promise<Election | undefined>;
  /** newest first */
  list(orgId: string): Promise<Election[]>;
  /** the highest number used in the organisation, 0 when none */
  maxNumber(orgId: string): Promise<number>;
  insert(election: Election): Promise<void>;
  update(election: Election): Promise<void>;
  /**
   * Take the election's row lock for the rest of the transaction (PostgreSQL: SELECT … FOR UPDATE; SQLite
   * serialises writers already). Every command that changes an election calls it first, so phase changes,
   * casts and audit appends of one election never interleave across processes.
   */
  lock(id: string): Promise<void>;
}

export interface ContestRepo {
  /** in contest number order */
  list(electionId: string): Promise<Contest[]>;
  insert(contest: Contest): Promise<void>;
}

export interface RoleRepo {
  list(electionId: string): Promise<ElectionRole[]>;
  /** no-op when the member already has that role */
  add(role: ElectionRole): Promise<void>;
}

export interface RollRepo {
  get(electionId: string, memberId: string): Promise<RollEntry | undefined>;
  /** ordered by member id */
  list(electionId: string): Promise<RollEntry[]>;
  /** insert or replace the member's entry */
  upsert(entry: RollEntry): Promise<void>;
  remove(electionId: string, memberId: string): Promise<boolean>;
}

export interface NominationRepo {
  get(electionId: string, number: number): Promise<Nomination | undefined>;
  /** in number order */
  list(electionId: string): Promise<Nomination[]>;
  maxNumber(electionId: string): Promise<number>;
  insert(nomination: Nomination): Promise<void>;
  update(nomination: Nomination): Promise<void>;
  seconders(nominationId: string): Promise<Seconder[]>;
  /** no-op when already seconded by that member */
  addSeconder(seconder: Seconder): Promise<void>;
}

export interface SecretRepo {
  getSalt(electionId: string): Promise<string | undefined>;
  putSalt(electionId: string, salt: string): Promise<void>;
  deleteSalt(electionId: string): Promise<void>;
}

export interface BallotRepo {
  /**
   * Store a ballot for the link, replacing any earlier ballot with the same (contestId, link): the last
   * one counts. Storage keeps a unique index on (contest_id, link).
   */
  upsertByLink(ballot: StoredBallot): Promise<void>;
  /** the content of every ballot of a contest, in random-id order */
  listForCount(contestId: string): Promise<{ weight: number; content: string }[]>;
  count(contestId: string): Promise<number>;
  /**
   * At close: wipe every link of the election, then rewrite the election's ballot rows in random-id
   * order so that no physical insertion order survives (PostgreSQL heaps keep insertion order).
   */
  sealElection(electionId: string): Promise<void>;
  /** the election's ballots for publication after close, without links, in random-id order */
  listPublished(electionId: string): Promise<{ contestId: string; weight: number; content: string }[]>;
}

export interface ReceiptRepo {
  /** the code already issued for this link, if any */
  findByLink(electionId: string, link: string): Promise<string | undefined>;
  insert(electionId: string, code: string, link: string): Promise<void>;
  exists(electionId: string, code: string): Promise<boolean>;
  /** sorted by code */
  list(electionId: string): Promise<string[]>;
  /** at close: wipe the links and rewrite in code order */
  sealElection(electionId: string): Promise<void>;
}

export interface ParticipationRepo {
  /** no-op when already recorded */
  add(p: Participation): Promise<void>;
  has(electionId: string, contestId: string, memberId: string): Promise<boolean>;
  /** members who voted in at least one contest, sorted */
  voters(electionId: string): Promise<string[]>;
  count(electionId: string, contestId: string): Promise<number>;
}

export interface ResultRepo {
  put(result: StoredResult): Promise<void>;
  /** in contest, then round order */
  list(electionId: string): Promise<StoredResult[]>;
  deleteForElection(electionId: string): Promise<void>;
  confirmations(electionId: string): Promise<CountConfirmation[]>;
  addConfirmation(c: CountConfirmation): Promise<void>;
}

export interface AuditRepo {
  last(electionId: string): Promise<AuditEntry | undefined>;
  append(entry: AuditEntry): Promise<void>;
  /** in seq order */
  list(electionId: string): Promise<AuditEntry[]>;
  /** every election id that has entries */
  electionIds(): Promise<string[]>;
}

export interface OutboxRepo {
  /** insert unless (orgId, dedupeKey) exists; returns whether it was inserted */
  enqueue(message: OutboundMessage): Promise<boolean>;
}

/** Platform request ids already handled, with the reply given, so a retried request runs once. */
export interface RequestRepo {
  get(key: string): Promise<string | undefined>;
  put(key: string, response: string, at: string): Promise<void>;
}

export interface Tx {
  orgs: OrgRepo;
  members: MemberRepo;
  elections: ElectionRepo;
  contests: ContestRepo;
  roles: RoleRepo;
  roll: RollRepo;
  nominations: NominationRepo;
  secrets: SecretRepo;
  ballots: BallotRepo;
  receipts: ReceiptRepo;
  participation: ParticipationRepo;
  results: ResultRepo;
  audit: AuditRepo;
  outbox: OutboxRepo;
  requests: RequestRepo;
}

export interface Store {
  /** Run fn in one database transaction; commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Scrub space freed by a seal, outside any transaction: on SQLite a WAL checkpoint (TRUNCATE) so the
   * WAL no longer holds page images with links (secure_delete already zeroes freed pages in the main
   * file); on PostgreSQL a VACUUM of the ballot and receipt tables.
   */
  scrub(): Promise<void>;
}
