import type { Translate } from '../../i18n/index.js';
import type { Locale } from '../../i18n/catalog.types.js';
import type { NewOutboundMessage } from '../delivery/outbound.types.js';
import type { Election, ElectionRoleName } from '../elections/election.types.js';
import type { Organisation } from '../orgs/org.types.js';
import type { Tx } from '../shared/store.ports.js';
import type { Actor } from './command.types.js';

/** What a handler gets: the open transaction and everything already checked about the actor. */
export interface CommandContext {
  tx: Tx;
  org: Organisation;
  actor: Actor;
  locale: Locale;
  /** in the actor's language */
  t: Translate;
  now: Date;
  channelId?: string;
  /** the server secret the election keys derive from (never stored in the database) */
  serverSecret: string;
  /** the election named by the command's `election` argument, locked for this transaction */
  election?: Election;
  /** the actor's roles in that election */
  roles: ElectionRoleName[];
  /** a translator in another member's language (their last known locale, else the organisation's) */
  translatorFor(memberId: string): Promise<Translate>;
  /** queue an outbound message in this transaction: it exists exactly when the command commits */
  enqueue(message: Omit<NewOutboundMessage, 'orgId'>): Promise<boolean>;
  /** append to the election's audit chain; never pass ballot content */
  audit(event: string, data?: Record<string, string | number | boolean | null>): Promise<void>;
  /** work to do after the transaction commits (e.g. scrubbing freed pages after a seal) */
  afterCommit(fn: () => Promise<void>): void;
  /** scrub freed database pages (after a seal); run it through afterCommit */
  scrub: () => Promise<void>;
}

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}
