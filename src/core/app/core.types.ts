// What the composition root and the adapters hold of the core: the TellerCore createCore returns, and
// the small platform state store it passes through. Kept here, below index.ts, so index.ts only
// re-exports and nothing in the core imports the public entry.

import type { CommandSpec, DispatchResult, Invocation } from '../kit/command.types.js';
import type { Platform } from '../delivery/outbound.types.js';
import type { ContestSummary, ElectionSummary, TimetableSummary } from '../elections/election.queries.js';

/** Small durable key-value state for adapters (Slack OAuth installations, Discord server settings). */
export interface PlatformStateStore {
  get(platform: Platform, kind: string, key: string): Promise<unknown | undefined>;
  put(platform: Platform, kind: string, key: string, value: unknown): Promise<void>;
  delete(platform: Platform, kind: string, key: string): Promise<void>;
}

export interface TellerCore {
  /**
   * Run one command. `invocation.command` is a dotted id ('roll.add'), or '' when `args.text` starts
   * with the command's words as a member typed them ('roll add 3 @alice'). Never throws: failures come
   * back as { kind: 'failed', ref }.
   */
  dispatch(invocation: Invocation): Promise<DispatchResult>;
  /**
   * Run every durable job that is due (retrying a purge after close; later, the timetable). The
   * composition root calls it on a timer; several processes may call it at once, each job runs once.
   */
  runJobs(): Promise<number>;
  /**
   * Let verification read a platform's channels back: `reader` returns a channel's recent messages as
   * text. Slack and Discord register one when they start; the console has none.
   */
  readChannelsWith(
    platform: Platform,
    reader: (platformOrgId: string, channelId: string) => Promise<string[]>,
  ): void;
  /** every command, for help, Slack's manifest and Discord's deployed definitions */
  readonly commands: readonly CommandSpec[];
  /** message catalogs: 'en' and 'zh-Hans'; platform locales such as 'zh-CN' map to the nearest */
  translate(locale: string | undefined, key: string, params?: Record<string, string | number>): string;
  /**
   * A delivery worker's progress report (adapters pass each one on). When an election's ballot DMs
   * have all been tried and some could not be delivered, the core tells its organisers by DM, once
   * per count, however many processes report it and whether or not one restarted in between.
   */
  reportDelivery(report: { electionId: string; purpose: string }): Promise<void>;
  /**
   * Read-only: an organisation's elections, newest first, as `/election list` shows any member (for
   * autocomplete, so no adapter reads them back out of a rendered reply). [] for an organisation
   * Teller has not met; asking registers nothing.
   */
  elections(org: { platform: Platform; platformOrgId: string }): Promise<ElectionSummary[]>;
  /** Read-only: an election's contests in number order; [] when the organisation has no such election. */
  contests(q: { platform: Platform; platformOrgId: string; election: number }): Promise<ContestSummary[]>;
  /**
   * Read-only: an election's timetable as `/election timeline` shows any member (each step planned,
   * happened, or neither, and the organisation's zone), for the schedule forms to prefill; undefined
   * when the organisation has no such election.
   */
  timetable(q: {
    platform: Platform;
    platformOrgId: string;
    election: number;
  }): Promise<TimetableSummary | undefined>;
}
