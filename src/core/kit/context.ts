import type { Translate } from '../../i18n/index.js';
import type { Locale } from '../../i18n/catalog.types.js';
import type { NewOutboundMessage } from '../delivery/outbound.types.js';
import type { Election, ElectionRoleName } from '../shared/election.types.js';
import type { Organisation } from '../shared/org.types.js';
import type { InstanceState } from '../shared/instance-state.js';
import type { Job } from '../jobs/job.types.js';
import type { Tx } from './store.js';
import type { Actor, DispatchResult } from './command.types.js';

/** Whom a message is for: their language and the zone their times are shown in. */
export interface Reader {
  t: Translate;
  locale: Locale;
  /** their own zone where the platform tells it, else the organisation's */
  zone: string;
}

/** Set when Teller runs a command because a planned job came due. */
export interface ScheduledRun {
  /** when the job was due: a run well after it says it is late */
  for: Date;
  /** the job's dedupe key: what the command sends once per job uses it */
  key: string;
  /** an earlier run of the job failed: lateness is then not Teller having been down */
  retried?: boolean;
}

/** What a handler gets: the open transaction and everything already checked about the actor. */
export interface CommandContext {
  tx: Tx;
  org: Organisation;
  actor: Actor;
  locale: Locale;
  /** in the actor's language */
  t: Translate;
  now: Date;
  /** the organisation's time zone (`/election timezone`), UTC until chosen: channel posts use it */
  zone: string;
  /** the actor as a reader: their language, and their own zone where the platform tells it */
  reader: Reader;
  channelId?: string;
  /** the server secret the election keys derive from (never stored in the database) */
  serverSecret: string;
  /** the election named by the command's `election` argument, locked for this transaction */
  election?: Election;
  /** the actor's roles in that election */
  roles: ElectionRoleName[];
  /** a translator in another member's language (their last known locale, else the organisation's) */
  translatorFor(memberId: string): Promise<Translate>;
  /** another member as a reader: their language (as translatorFor) and their zone, else the organisation's */
  readerFor(memberId: string): Promise<Reader>;
  /**
   * Read these members in one go before a DM to each: readerFor and translatorFor then need no read
   * of their own. On PostgreSQL that read per member was half a 10,000-voter reminder's time.
   */
  knowMembers(memberIds: readonly string[]): Promise<void>;
  /** set when this run carries out a planned job (the timetable, a reminder) */
  scheduled?: ScheduledRun;
  /** queue an outbound message in this transaction: it exists exactly when the command commits */
  enqueue(message: Omit<NewOutboundMessage, 'orgId'>): Promise<boolean>;
  /** append to the election's audit chain; never pass ballot content */
  audit(event: string, data?: Record<string, string | number | boolean | null>): Promise<void>;
  /**
   * Work to do after the transaction commits (e.g. purging what a seal deleted). It may return a
   * result that replaces the command's own, when what it found changes what the actor must be told.
   */
  afterCommit(fn: () => Promise<DispatchResult | void>): void;
  /** physically purge what a seal deleted (Store.purge); only from afterCommit, outside the transaction */
  purge: () => Promise<void>;
  /** plan durable work in this transaction: it exists exactly when the command commits */
  schedule(
    job: Pick<Job, 'kind' | 'dedupeKey' | 'runAt'> & Partial<Pick<Job, 'electionId' | 'payload'>>,
  ): Promise<boolean>;
  /** run another command as Teller itself (after commit only), in this organisation */
  runAsTeller(command: string, args: Record<string, unknown>): Promise<DispatchResult>;
  /** this core instance's memo tables */
  state: InstanceState;
  /** tell the operator (the log at ERROR): something needs them, not the member */
  alert(message: string, meta?: Record<string, unknown>): void;
  /** true when Teller runs this command itself (a job, a follow-up), not a member */
  byTeller: boolean;
  /**
   * The recent messages of a channel of this organisation, where its platform can read them back
   * (undefined where it cannot, as in the console). A platform call: use it only after the commit.
   */
  readChannel?: (channelId: string) => Promise<string[]>;
}

/**
 * What the handler of a command about one election gets (a command whose `election` argument is
 * required): dispatch has loaded the election under its row lock, checked the phase and the actor's
 * roles against it, and it stays current as the handler moves it on (`ctx.election = next`).
 */
export interface ElectionContext extends CommandContext {
  election: Election;
}

/** For commands whose `election` argument is optional: whether this run named one. */
export function hasElection(ctx: CommandContext): ctx is ElectionContext {
  return ctx.election !== undefined;
}

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}
