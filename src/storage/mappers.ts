// Rows to domain objects and back. The database keeps snake_case columns, JSON as text and no booleans;
// the core sees its own types only. Optional domain fields are left out (not set to undefined) when null.
import type { AuditEntry } from '../core/audit/audit.types.js';
import type { OutboundMessage, OutboundStatus, Platform } from '../core/delivery/outbound.types.js';
import type {
  Contest,
  Election,
  ElectionRole,
  ElectionRoleName,
  Phase,
} from '../core/shared/election.types.js';
import type { Nomination, NominationStatus, Seconder } from '../core/nominations/nomination.types.js';
import type { Organisation } from '../core/shared/org.types.js';
import type { Member } from '../core/members/member.types.js';
import type { Eligibility, RollEntry } from '../core/roll/roll.types.js';
import type { CountConfirmation, StoredResult } from '../core/results/result.types.js';
import type { MethodId } from '../counting/types.js';
import type { Locale } from '../i18n/catalog.types.js';
import type {
  AuditEntryRow,
  ContestRow,
  CountConfirmationRow,
  ElectionRoleRow,
  ElectionRow,
  MemberRow,
  NominationRow,
  OrgRow,
  OutboxRow,
  ResultRow,
  RollEntryRow,
  SeconderRow,
} from './schema.js';

export const orgToRow = (o: Organisation): OrgRow => ({
  id: o.id,
  platform: o.platform,
  platform_org_id: o.platformOrgId,
  name: o.name,
  default_locale: o.defaultLocale,
  language: o.language ?? null,
  time_zone: o.timeZone ?? null,
  retention_days: o.retentionDays ?? null,
  created_at: o.createdAt,
});

export const orgFromRow = (r: OrgRow): Organisation => ({
  id: r.id,
  platform: r.platform as Platform,
  platformOrgId: r.platform_org_id,
  name: r.name,
  defaultLocale: r.default_locale as Locale,
  language: (r.language ?? null) as Locale | null,
  timeZone: r.time_zone ?? null,
  // absent until the organisers set one, as an organisation made in memory has none
  ...(r.retention_days === null || r.retention_days === undefined
    ? {}
    : { retentionDays: Number(r.retention_days) }),
  createdAt: r.created_at,
});

export const memberToRow = (m: Member): MemberRow => ({
  org_id: m.orgId,
  member_id: m.memberId,
  display_name: m.displayName,
  locale: m.locale,
  time_zone: m.timeZone ?? null,
  updated_at: m.updatedAt,
});

export const memberFromRow = (r: MemberRow): Member => ({
  orgId: r.org_id,
  memberId: r.member_id,
  displayName: r.display_name,
  locale: r.locale,
  timeZone: r.time_zone ?? null,
  updatedAt: r.updated_at,
});

export const electionToRow = (e: Election): ElectionRow => ({
  id: e.id,
  org_id: e.orgId,
  number: e.number,
  title: e.title,
  channel_id: e.channelId,
  phase: e.phase,
  created_by: e.createdBy,
  settings: JSON.stringify(e.settings),
  cancel_reason: e.cancelReason,
  phase_since: e.phaseSince,
  created_at: e.createdAt,
  seal: e.seal ?? null,
});

export const electionFromRow = (r: ElectionRow): Election => ({
  id: r.id,
  orgId: r.org_id,
  number: Number(r.number),
  title: r.title,
  channelId: r.channel_id,
  phase: r.phase as Phase,
  createdBy: r.created_by,
  settings: JSON.parse(r.settings) as Election['settings'],
  cancelReason: r.cancel_reason,
  phaseSince: r.phase_since,
  createdAt: r.created_at,
  ...(r.seal === 'pending' || r.seal === 'done' ? { seal: r.seal } : {}),
});

export const contestToRow = (c: Contest): ContestRow => ({
  id: c.id,
  election_id: c.electionId,
  number: c.number,
  name: c.name,
  seats: c.seats,
  method: c.method,
  options: JSON.stringify(c.options),
  round: c.round ?? 1,
  parent_id: c.parentId ?? null,
});

export const contestFromRow = (r: ContestRow): Contest => ({
  id: r.id,
  electionId: r.election_id,
  number: Number(r.number),
  name: r.name,
  seats: Number(r.seats),
  method: r.method as MethodId,
  options: JSON.parse(r.options) as Contest['options'],
  round: Number(r.round ?? 1),
  parentId: r.parent_id ?? null,
});

export const roleFromRow = (r: ElectionRoleRow): ElectionRole => ({
  electionId: r.election_id,
  memberId: r.member_id,
  role: r.role as ElectionRoleName,
});

export const rollToRow = (e: RollEntry): RollEntryRow => ({
  election_id: e.electionId,
  member_id: e.memberId,
  weight: e.weight,
  status: e.status,
  reason: e.reason,
  added_by: e.addedBy,
  added_at: e.addedAt,
});

export const rollFromRow = (r: RollEntryRow): RollEntry => ({
  electionId: r.election_id,
  memberId: r.member_id,
  weight: Number(r.weight),
  status: r.status as Eligibility,
  reason: r.reason,
  addedBy: r.added_by,
  addedAt: r.added_at,
});

export const nominationToRow = (n: Nomination): NominationRow => ({
  id: n.id,
  election_id: n.electionId,
  contest_id: n.contestId,
  number: n.number,
  nominee: n.nominee,
  nominator: n.nominator,
  statement: n.statement,
  status: n.status,
  reason: n.reason,
  candidate_number: n.candidateNumber,
  created_at: n.createdAt,
  updated_at: n.updatedAt,
});

export const nominationFromRow = (r: NominationRow): Nomination => ({
  id: r.id,
  electionId: r.election_id,
  contestId: r.contest_id,
  number: Number(r.number),
  nominee: r.nominee,
  nominator: r.nominator,
  statement: r.statement,
  status: r.status as NominationStatus,
  reason: r.reason,
  candidateNumber: r.candidate_number === null ? null : Number(r.candidate_number),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const seconderFromRow = (r: SeconderRow): Seconder => ({
  nominationId: r.nomination_id,
  memberId: r.member_id,
  at: r.at,
});

export const resultToRow = (s: StoredResult): ResultRow => ({
  election_id: s.electionId,
  contest_id: s.contestId,
  round: s.round,
  result: JSON.stringify(s.result),
  eligible: s.eligible,
  issued: s.issued,
  present: s.present ?? null,
  channels: s.channels ? JSON.stringify(s.channels) : null,
  created_at: s.createdAt,
});

export const resultFromRow = (r: ResultRow): StoredResult => ({
  electionId: r.election_id,
  contestId: r.contest_id,
  round: Number(r.round),
  result: JSON.parse(r.result) as StoredResult['result'],
  eligible: Number(r.eligible),
  issued: Number(r.issued),
  ...(r.present === null || r.present === undefined ? {} : { present: Number(r.present) }),
  ...(r.channels ? { channels: JSON.parse(r.channels) as StoredResult['channels'] } : {}),
  createdAt: r.created_at,
});

export const confirmationFromRow = (r: CountConfirmationRow): CountConfirmation => ({
  electionId: r.election_id,
  memberId: r.member_id,
  at: r.at,
});

export const auditToRow = (a: AuditEntry): AuditEntryRow => ({
  election_id: a.electionId,
  seq: a.seq,
  at: a.at,
  actor: a.actor,
  event: a.event,
  data: JSON.stringify(a.data),
  prev_hash: a.prevHash,
  hash: a.hash,
});

export const auditFromRow = (r: AuditEntryRow): AuditEntry => ({
  electionId: r.election_id,
  seq: Number(r.seq),
  at: r.at,
  actor: r.actor,
  event: r.event,
  data: JSON.parse(r.data) as AuditEntry['data'],
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const outboxToRow = (m: OutboundMessage): OutboxRow => ({
  id: m.id,
  org_id: m.orgId,
  platform: m.platform,
  platform_org_id: m.platformOrgId,
  destination: JSON.stringify(m.destination),
  body: JSON.stringify(m.body),
  dedupe_key: m.dedupeKey,
  replaces: m.replaces ?? null,
  election_id: m.electionId ?? null,
  purpose: m.purpose,
  status: m.status,
  attempts: m.attempts,
  not_before: m.notBefore,
  lease_until: null,
  sent_ref: m.sentRef ?? null,
  sent_at: null,
  last_error: m.lastError ?? null,
  created_at: m.createdAt,
});

export function outboxFromRow(r: OutboxRow): OutboundMessage {
  const m: OutboundMessage = {
    id: r.id,
    orgId: r.org_id,
    platform: r.platform as Platform,
    platformOrgId: r.platform_org_id,
    destination: JSON.parse(r.destination) as OutboundMessage['destination'],
    body: JSON.parse(r.body) as OutboundMessage['body'],
    dedupeKey: r.dedupe_key,
    purpose: r.purpose,
    status: r.status as OutboundStatus,
    attempts: Number(r.attempts),
    notBefore: r.not_before,
    createdAt: r.created_at,
  };
  if (r.replaces !== null) m.replaces = r.replaces;
  if (r.election_id !== null) m.electionId = r.election_id;
  if (r.sent_ref !== null) m.sentRef = r.sent_ref;
  if (r.last_error !== null) m.lastError = r.last_error;
  return m;
}
