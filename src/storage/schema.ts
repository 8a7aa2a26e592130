// Row types of the database, as Kysely sees them. Domain types live in src/core; the mappers turn one
// into the other. Everything is portable between SQLite and PostgreSQL: ids and times are app-made text
// (ISO-8601 UTC), flags and counts are integers, structured values are JSON text.

export interface OrgRow {
  id: string;
  platform: string;
  platform_org_id: string;
  name: string;
  default_locale: string;
  created_at: string;
}

export interface MemberRow {
  org_id: string;
  member_id: string;
  display_name: string | null;
  locale: string | null;
  updated_at: string;
}

export interface ElectionRow {
  id: string;
  org_id: string;
  number: number;
  title: string;
  channel_id: string | null;
  phase: string;
  created_by: string;
  settings: string;
  cancel_reason: string | null;
  phase_since: string;
  created_at: string;
}

export interface ContestRow {
  id: string;
  election_id: string;
  number: number;
  name: string;
  seats: number;
  method: string;
  options: string;
}

export interface ElectionRoleRow {
  election_id: string;
  member_id: string;
  role: string;
}

export interface RollEntryRow {
  election_id: string;
  member_id: string;
  weight: number;
  status: string;
  reason: string | null;
  added_by: string;
  added_at: string;
}

export interface NominationRow {
  id: string;
  election_id: string;
  contest_id: string;
  number: number;
  nominee: string;
  nominator: string;
  statement: string | null;
  status: string;
  reason: string | null;
  candidate_number: number | null;
  created_at: string;
  updated_at: string;
}

export interface SeconderRow {
  nomination_id: string;
  member_id: string;
  at: string;
}

/** Deleted at close: without the salt the election key cannot be derived again. */
export interface ElectionSecretRow {
  election_id: string;
  salt: string;
}

/** No voter column, no time, random id: nothing joins a ballot to participation (ARCHITECTURE §2). */
export interface BallotRow {
  id: string;
  election_id: string;
  contest_id: string;
  link: string | null;
  weight: number;
  content: string;
}

export interface ReceiptRow {
  election_id: string;
  code: string;
  link: string | null;
}

export interface ParticipationRow {
  election_id: string;
  contest_id: string;
  member_id: string;
}

export interface ResultRow {
  election_id: string;
  contest_id: string;
  round: number;
  result: string;
  eligible: number;
  issued: number;
  created_at: string;
}

export interface CountConfirmationRow {
  election_id: string;
  member_id: string;
  at: string;
}

export interface AuditEntryRow {
  election_id: string;
  seq: number;
  at: string;
  actor: string;
  event: string;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface OutboxRow {
  id: string;
  org_id: string;
  platform: string;
  platform_org_id: string;
  destination: string;
  body: string;
  dedupe_key: string;
  replaces: string | null;
  election_id: string | null;
  purpose: string;
  status: string;
  attempts: number;
  not_before: string;
  lease_until: string | null;
  sent_ref: string | null;
  sent_at: string | null;
  last_error: string | null;
  created_at: string;
}

export interface RequestRow {
  key: string;
  response: string;
  at: string;
}

export interface PlatformStateRow {
  platform: string;
  kind: string;
  key: string;
  value: string;
}

export interface Schema {
  orgs: OrgRow;
  members: MemberRow;
  elections: ElectionRow;
  contests: ContestRow;
  election_roles: ElectionRoleRow;
  roll_entries: RollEntryRow;
  nominations: NominationRow;
  seconders: SeconderRow;
  election_secrets: ElectionSecretRow;
  ballots: BallotRow;
  receipts: ReceiptRow;
  participation: ParticipationRow;
  results: ResultRow;
  count_confirmations: CountConfirmationRow;
  audit_entries: AuditEntryRow;
  outbox: OutboxRow;
  requests: RequestRow;
  platform_state: PlatformStateRow;
}
