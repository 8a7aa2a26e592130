// Read-only questions an adapter asks without running a command: which elections an organisation has,
// which contests an election has (Discord's autocomplete), and an election's timetable (the schedule
// forms, prefilled with the plan). They return data, so no adapter reads
// numbers back out of a rendered reply, and they change nothing: an organisation Teller has not met
// stays unmet and gets [], where a dispatched command would have registered it.
// Everything they return is what `/election list`, `/election show` and `/election timeline` tell any member.

import type { Platform } from '../delivery/outbound.types.js';
import type { Organisation } from '../shared/org.types.js';
import type { Contest, Election, Phase } from '../shared/election.types.js';
import type { AuditEntry } from '../audit/audit.types.js';
import { DEFAULT_TIME_ZONE, wallClockText } from '../shared/time.js';
import { happened } from './timetable.js';
import { STEPS, type Step, type TimetableEntry } from './timetable.types.js';

export interface ElectionSummary {
  number: number;
  title: string;
  phase: Phase;
}

export interface ContestSummary {
  number: number;
  name: string;
}

export interface TimetableStepSummary {
  step: Step;
  /** the step's argument in `election.schedule`: `votingClose` for voting-close */
  arg: string;
  /** when it is planned for (ISO), if it is */
  planned?: string;
  /** the planned time as the organisation's wall clock (`2026-12-14 09:00`), which election.schedule reads back as it */
  plannedText?: string;
  /** when it happened (ISO), if it has: it can no longer be planned */
  happened?: string;
}

export interface TimetableSummary {
  /** the organisation's zone, in which times are typed */
  zone: string;
  /** every step, in the order they happen */
  steps: TimetableStepSummary[];
}

/** as election.schedule names its arguments (timetable.commands.ts): voting-close is votingClose */
const stepArg = (s: Step) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export interface OrgRef {
  platform: Platform;
  platformOrgId: string;
}

/** The reads these queries make, and no more (the store's repositories provide them). */
export interface QueryStore {
  transaction<T>(fn: (tx: QueryTx) => Promise<T>): Promise<T>;
}
interface QueryTx {
  orgs: { findByPlatform(platform: Platform, platformOrgId: string): Promise<Organisation | undefined> };
  elections: {
    list(orgId: string): Promise<Election[]>;
    findByNumber(orgId: string, number: number): Promise<Election | undefined>;
  };
  contests: { list(electionId: string): Promise<Contest[]> };
  timetable: { list(electionId: string): Promise<TimetableEntry[]> };
  audit: { list(electionId: string): Promise<AuditEntry[]> };
}

export function electionQueries(store: QueryStore) {
  // The store has one kind of transaction; these only read inside it, so it commits nothing.
  return {
    /** the organisation's elections, newest first, as `/election list` shows them */
    elections(org: OrgRef): Promise<ElectionSummary[]> {
      return store.transaction(async (tx) => {
        const found = await tx.orgs.findByPlatform(org.platform, org.platformOrgId);
        if (!found) return [];
        const all = await tx.elections.list(found.id);
        return all.map((e) => ({ number: e.number, title: e.title, phase: e.phase }));
      });
    },
    /** an election's contests in number order; [] for an election the organisation does not have */
    contests(q: OrgRef & { election: number }): Promise<ContestSummary[]> {
      return store.transaction(async (tx) => {
        const found = await tx.orgs.findByPlatform(q.platform, q.platformOrgId);
        const election = found && (await tx.elections.findByNumber(found.id, q.election));
        if (!election) return [];
        const all = await tx.contests.list(election.id);
        return all.map((c) => ({ number: c.number, name: c.name }));
      });
    },
    /** an election's timetable, as `/election timeline` shows any member; undefined for no such election */
    timetable(q: OrgRef & { election: number }): Promise<TimetableSummary | undefined> {
      return store.transaction(async (tx) => {
        const found = await tx.orgs.findByPlatform(q.platform, q.platformOrgId);
        const election = found && (await tx.elections.findByNumber(found.id, q.election));
        if (!election) return undefined;
        const zone = found.timeZone ?? DEFAULT_TIME_ZONE;
        const plan = new Map((await tx.timetable.list(election.id)).map((e) => [e.step, e]));
        const done = await happened(tx, election.id);
        const steps = STEPS.map((step): TimetableStepSummary => {
          const at = plan.get(step)?.at;
          const when = done.get(step);
          return {
            step,
            arg: stepArg(step),
            ...(at ? { planned: at, plannedText: wallClockText(new Date(at), zone) } : {}),
            ...(when ? { happened: when.toISOString() } : {}),
          };
        });
        return { zone, steps };
      });
    },
  };
}
