// What the registry exposes to adapters: the shape of every command (for Slack's text parsing,
// Discord's typed options and deployment, the console and help), the invocation an adapter builds
// from an authenticated payload, and the closed union that dispatch returns.

import type { Platform } from '../delivery/outbound.types.js';
import type { Reply } from '../shared/reply.js';

/** How an argument is typed in chat; Discord maps these to option types, Slack/console parse text. */
export type ArgKind =
  | 'election' // an election number, "3" or "#3"
  | 'contest' // a contest number or name within the election
  | 'nomination' // a nomination number within the election
  | 'member' // one member: <@U123>, <@U123|name>, @alice, or a bare id
  | 'members' // several members, space or comma separated
  | 'channel' // <#C123>, <#C123|name>, #general or a bare id
  | 'int'
  | 'word' // one token
  | 'text' // the rest of the line
  | 'choice'; // one of `choices`

export interface ArgSpec {
  name: string;
  kind: ArgKind;
  required: boolean;
  /** for kind 'choice' */
  choices?: readonly string[];
  /** message key of a one-line description */
  descriptionKey: string;
  /** taken positionally (in order) when typed; otherwise only as name=value */
  positional: boolean;
  min?: number;
  max?: number;
}

/** 'teller': only Teller itself runs it (jobs, follow-ups); never listed, never offered to members. */
export type Access = 'anyone' | 'creator' | 'organiser' | 'scrutineer' | 'organiser-or-scrutineer' | 'teller';

export interface CommandSpec {
  /** dotted id: 'election.create', 'roll.add', 'ballot.cast' */
  id: string;
  /** words a member types after the slash command: ['roll', 'add'] */
  path: readonly string[];
  /** slash-command names of its own on every platform ('vote' is /vote), beside the general /election */
  aliases?: readonly string[];
  summaryKey: string;
  args: readonly ArgSpec[];
  access: Access;
  /** phases in which it may run; undefined = any */
  phases?: readonly string[];
  /** shown in help and deployed to platforms; false for button-only commands */
  listed: boolean;
}

export interface Actor {
  /** the member's id on the platform, taken from the authenticated payload only */
  memberId: string;
  displayName?: string;
  /** 'en', 'zh-Hans', or a platform locale such as 'zh-CN' / 'en-GB' */
  locale?: string;
  /** the member's own IANA time zone, where the platform tells it (Slack's profile); Discord does not */
  timeZone?: string;
  /**
   * The platform's own answer to "may this member create elections?" (Discord: Manage Server or the
   * server's chosen role). Left undefined where the platform has no such setting: then anyone may.
   */
  isAdmin?: boolean;
  /**
   * The organisation's own language as the platform reports it with this action (Discord: the
   * server's preferred locale, guild_locale). Used for members whose locale is unknown, unless the
   * organisers chose a language with `/election language`.
   */
  orgLocale?: string;
}

/**
 * What the platform says about a member named in a command (added to a roll, nominated, made a
 * scrutineer), looked up by the adapter before dispatch: the core remembers it as it remembers the
 * actor's, so the member's first DM is in their language and results show their name.
 */
export interface MemberProfile {
  memberId: string;
  displayName?: string;
  locale?: string;
  timeZone?: string;
}

export interface Invocation {
  platform: Platform;
  /** Slack team id, Discord guild id, or 'console' */
  platformOrgId: string;
  orgName?: string;
  actor: Actor;
  /** the channel the command was run in; new elections post there unless told otherwise */
  channelId?: string;
  command: string;
  /** either named arguments (Discord options, buttons, modals) or the raw typed text after the command path */
  args: Record<string, unknown> | { text: string };
  /** members named in the arguments, as the platform describes them (never the actor's rights) */
  profiles?: readonly MemberProfile[];
  /** the platform's request id: a retried delivery of the same request runs once and gets the same reply */
  idempotencyKey?: string;
}

export interface ArgIssue {
  field: string;
  message: string;
}

export type DispatchResult =
  | { kind: 'ok'; reply: Reply }
  | { kind: 'invalid'; issues: ArgIssue[]; reply: Reply }
  | { kind: 'forbidden'; reply: Reply }
  | { kind: 'unknown'; reply: Reply }
  | { kind: 'domain-error'; code: string; reply: Reply }
  /** a bug or infrastructure failure: logged with `ref`; the member sees only the ref */
  | { kind: 'failed'; ref: string; reply: Reply };
