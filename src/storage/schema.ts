// Row types of the database, as Kysely sees them. Domain types live in src/core; the mappers turn one
// into the other. Everything is portable between SQLite and PostgreSQL: ids and times are app-made text
// (ISO-8601 UTC), flags and counts are integers, structured values are JSON text.

export interface OrgRow {
  id: string;
  platform: string;
  platform_org_id: string;
  name: string;
  default_locale: string;
  language: string | null;
  time_zone: string | null;
  retention_days: number | null;
  created_at: string;
}

export interface MemberRow {
  org_id: string;
  member_id: string;
  display_name: string | null;
  locale: string | null;
  time_zone: string | null;
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
  /** 'pending' from close until deleted secrets are physically purged, then 'done'; null before close */
  seal: string | null;
}

export interface ContestRow {
  id: string;
  election_id: string;
  number: number;
  name: string;
  seats: number;
  method: string;
  options: string;
  /** null for contests from before further rounds: round 1 */
  round: number | null;
  parent_id: string | null;
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
  /** HMAC of a fixed label under the election key: a process with another server secret refuses to cast */
  key_check: string | null;
}

/**
 * A ballot while voting is open: ciphertext under the election key, found again by the voter's link.
 * Deleted at close, after its plaintext went to `ballots` in shuffled order.
 */
export interface CastBallotRow {
  id: string;
  election_id: string;
  contest_id: string;
  link: string;
  sealed: string;
}

/** Written at close, shuffled: no voter column, no link, no time (ARCHITECTURE §2). */
export interface BallotRow {
  id: string;
  election_id: string;
  contest_id: string;
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
  present: number | null;
  channels: string | null;
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
  /** so the close can purge the replies stored for its election's retries */
  election_id: string | null;
}

export interface JobRow {
  id: string;
  kind: string;
  election_id: string | null;
  dedupe_key: string;
  payload: string;
  status: string;
  run_at: string;
  attempts: number;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  done_at: string | null;
}

export interface TimetableRow {
  election_id: string;
  step: string;
  at: string;
  set_by: string;
  set_at: string;
}

export interface ProxyRow {
  election_id: string;
  principal: string;
  proxy: string;
  status: string;
  created_at: string;
  approved_by: string | null;
  approved_at: string | null;
}

export interface PaperVoterRow {
  election_id: string;
  member_id: string;
  channel: string;
  marked_by: string;
  marked_at: string;
}

export interface BallotIssueRow {
  election_id: string;
  round: number;
  member_id: string;
  channel: string;
  issued_by: string;
  issued_at: string;
}

export interface BallotReturnRow {
  election_id: string;
  round: number;
  member_id: string;
  channel: string;
  received_at: string;
  recorded_by: string;
  late: number;
}

export interface PaperBatchRow {
  id: string;
  election_id: string;
  contest_id: string;
  number: number;
  channel: string;
  status: string;
  ballots: number;
  entered_by: string;
  entered_at: string;
  checked_by: string | null;
  checked_at: string | null;
  note: string | null;
  settled_by: string | null;
}

export interface PaperBallotRow {
  id: string;
  batch_id: string;
  contest_id: string;
  content: string;
  spoilt: string | null;
}

export interface SurveySecretRow {
  election_id: string;
  salt: string;
  key_check: string;
}

export interface SurveySealedRow {
  id: string;
  election_id: string;
  sealed: string;
}

export interface SurveyAnswerRow {
  id: string;
  election_id: string;
  satisfaction: number;
  ease: number;
  /** free text, purged by retention; the scores stay */
  comment: string | null;
}

export interface SurveyRespondentRow {
  election_id: string;
  member_id: string;
}

export interface RetainedRecordRow {
  election_id: string;
  kind: string;
  content: string;
  created_at: string;
}

export interface ObjectionRow {
  id: string;
  election_id: string;
  number: number;
  period: string;
  contest_id: string | null;
  member_id: string | null;
  about: string;
  grounds: string;
  evidence: string | null;
  objector: string;
  named: number;
  filed_at: string;
  due_at: string;
  investigator: string | null;
  assigned_at: string | null;
  /** JSON: [{at, by, text}] */
  findings: string;
  outcome: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** JSON: what the decision's effect changed */
  effect: string | null;
}

export interface ObjectionAppealRow {
  objection_id: string;
  election_id: string;
  appellant: string;
  grounds: string;
  filed_at: string;
  outcome: string | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  effect: string | null;
  not_undone: string | null;
}

export interface AppealPanelRow {
  org_id: string;
  /** JSON: member ids */
  members: string;
  appeal_days: number;
  set_by: string;
  set_at: string;
}

export interface SettingRow {
  key: string;
  value: string;
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
  cast_ballots: CastBallotRow;
  ballots: BallotRow;
  receipts: ReceiptRow;
  participation: ParticipationRow;
  results: ResultRow;
  count_confirmations: CountConfirmationRow;
  audit_entries: AuditEntryRow;
  outbox: OutboxRow;
  requests: RequestRow;
  platform_state: PlatformStateRow;
  jobs: JobRow;
  timetable: TimetableRow;
  proxies: ProxyRow;
  paper_voters: PaperVoterRow;
  ballot_issues: BallotIssueRow;
  ballot_returns: BallotReturnRow;
  paper_batches: PaperBatchRow;
  paper_ballots: PaperBallotRow;
  retained_records: RetainedRecordRow;
  objections: ObjectionRow;
  objection_appeals: ObjectionAppealRow;
  appeal_panels: AppealPanelRow;
  survey_secrets: SurveySecretRow;
  survey_sealed: SurveySealedRow;
  survey_answers: SurveyAnswerRow;
  survey_respondents: SurveyRespondentRow;
  settings: SettingRow;
}
