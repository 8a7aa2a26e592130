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
  /**
   * Insert unless the platform's organisation is known already, and return the one stored: two
   * processes meeting a new workspace at once both get the same organisation, neither an error.
   */
  insertIfAbsent(org: Organisation): Promise<Organisation>;
  /** the platform's default language changed (a Discord server's preferred locale) */
  setDefaultLocale(id: string, locale: Organisation['defaultLocale']): Promise<void>;
  /** the organisers chose a language; one column each, so neither write undoes the other */
  setLanguage(id: string, language: Organisation['defaultLocale'] | null): Promise<void>;
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
  /** every election of every organisation (audit verification), in id order */
  listAll(): Promise<Election[]>;
  /** the highest number used in the organisation, 0 when none */
  maxNumber(orgId: string): Promise<number>;
  /**
   * The number for a new election, holding the organisation's row lock until the transaction ends
   * (PostgreSQL), so two concurrent creates never pick the same number.
   */
  nextNumber(orgId: string): Promise<number>;
  insert(election: Election): Promise<void>;
  update(election: Election): Promise<void>;
  /**
   * Read the election under its row lock, held for the rest of the transaction (PostgreSQL: SELECT … FOR
   * UPDATE; SQLite transactions begin IMMEDIATE and so already hold the write lock). Dispatch loads every
   * election this way, so phase checks, phase changes, casts and audit appends of one election never
   * interleave across processes, and no command acts on a phase that has already moved on.
   */
  findByNumberLocked(orgId: string, number: number): Promise<Election | undefined>;
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

export interface ElectionSecret {
  /** random, made at voting open; with the server secret it derives the election key */
  salt: string;
  /** HMAC of a fixed label under the election key; null for elections opened before it existed */
  keyCheck: string | null;
}

export interface SecretRepo {
  get(electionId: string): Promise<ElectionSecret | undefined>;
  put(electionId: string, secret: ElectionSecret): Promise<void>;
  delete(electionId: string): Promise<void>;
}

/** A ballot while voting is open: ciphertext only, found again by the voter's link. */
export interface CastBallot {
  id: string;
  electionId: string;
  contestId: string;
  link: string;
  sealed: string;
}

export interface CastBallotRepo {
  /**
   * Store the voter's sealed ballot, replacing the one already held for (contestId, link); true when it
   * replaced one. The caller holds the election's lock, so two casts of one voter never interleave.
   */
  put(ballot: CastBallot): Promise<boolean>;
  listForElection(electionId: string): Promise<CastBallot[]>;
  deleteForElection(electionId: string): Promise<void>;
}

export interface BallotRepo {
  /** plaintext ballots, written once at close in the (shuffled) order given */
  insertMany(ballots: readonly StoredBallot[]): Promise<void>;
  /** the content of every ballot of a contest, in random-id order */
  listForCount(contestId: string): Promise<{ weight: number; content: string }[]>;
  count(contestId: string): Promise<number>;
  /** the election's ballots for publication after close, in random-id order */
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
  /** at close: the election's receipt DMs not being sent right now (each names its voter and code) */
  forgetReceipts(electionId: string): Promise<void>;
}

/** Platform request ids already handled, with the reply given, so a retried request runs once. */
export interface RequestRepo {
  get(key: string): Promise<string | undefined>;
  put(key: string, response: string, at: string, electionId: string | null): Promise<void>;
  /** at close: the stored replies of the election's commands (casts carry receipt codes) */
  deleteForElection(electionId: string): Promise<void>;
  /** platforms retry within minutes; older replies are only a record of who did what when */
  deleteBefore(at: string): Promise<number>;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

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

export interface JobRepo {
  /** insert unless the dedupe key exists; returns whether it was inserted */
  schedule(job: Job): Promise<boolean>;
  /**
   * Take up to `limit` jobs that are due (pending, or running with an expired lease) and lease them
   * until `leaseUntil`. On PostgreSQL SKIP LOCKED keeps two processes from taking the same job.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<Job[]>;
  finish(id: string, at: string): Promise<void>;
  /** back to pending at `runAt`, or 'failed' for good when `runAt` is null */
  retry(id: string, runAt: string | null, error: string): Promise<void>;
  /** mark the pending job with this key done (the work happened another way) */
  finishByKey(dedupeKey: string, at: string): Promise<void>;
}

/** Small server-wide facts, such as the fingerprint of the server secret this database was set up with. */
export interface SettingRepo {
  get(key: string): Promise<string | undefined>;
  /** insert unless present; returns the value now stored */
  putIfAbsent(key: string, value: string): Promise<string>;
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
