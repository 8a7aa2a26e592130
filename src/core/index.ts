// The core's public entry: the only module adapters import from src/core (ARCHITECTURE §3).
// Adapters receive a TellerCore from main.ts; they never see storage or domain services.

export type {
  Access,
  Actor,
  ArgIssue,
  ArgKind,
  ArgSpec,
  CommandSpec,
  DispatchResult,
  Invocation,
  MemberProfile,
} from './kit/command.types.js';
// How typed text splits into arguments, so an adapter can rewrite a token before dispatch (Slack resolves
// a typed @name to the member's id) exactly as the core will read it.
export { argsFromText, tokenSpans, type TextArgs, type TokenSpan } from './kit/tokenize.js';
export type {
  Action,
  BallotForm,
  BallotOption,
  Field,
  MessageBody,
  Reply,
  ReplyFile,
  Tone,
  Visibility,
} from './shared/reply.js';
export { chartsOf } from './shared/reply.js';
export type { DocBlock, PrintDocument } from './shared/document.js';
export type { DeliveryQueue } from './delivery/outbound.ports.js';
export type {
  NewOutboundMessage,
  OutboundDestination,
  OutboundMessage,
  OutboundStatus,
  Platform,
} from './delivery/outbound.types.js';
export type { ChartData, Explanation } from '../counting/types.js';
export type {
  ContestSummary,
  ElectionSummary,
  TimetableStepSummary,
  TimetableSummary,
} from './elections/election.queries.js';
// A ballot as data: adapters build a selection from their inputs, check it with the core's own rules
// (each refusal names the input it is about) and write it in the syntax ballot.cast takes.
export {
  checkSelection,
  decodeSelection,
  encodeSelection,
  type BallotSelection,
  type Opinion,
  type SelectionCheck,
  type SelectionFailure,
  type SelectionLimits,
} from './ballots/ballot.selection.js';

export type { PlatformStateStore, TellerCore } from './app/core.types.js';
export { createCore, type CoreDeps } from './app/create-core.js';
/** an argument's name as members type it and the README spells it: objection-days, not objectionDays */
export { argLabel } from './kit/arg-text.js';
export type { Logger } from './kit/context.js';
export type { Clock } from './shared/clock.js';
export type { Store } from './kit/store.js';
export { verifyStoredAudits, type StoredAuditVerdict } from './audit/audit.use-cases.js';
export type { AuditVerdict, Checkpoint } from './audit/audit.verify.js';
