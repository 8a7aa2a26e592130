// Read-only questions an adapter asks without running a command: which elections an organisation has,
// and which contests an election has (Discord's autocomplete). They return data, so no adapter reads
// numbers back out of a rendered reply, and they change nothing: an organisation Teller has not met
// stays unmet and gets [], where a dispatched command would have registered it.
// Everything they return is what `/election list` and `/election show` tell any member.

import type { Platform } from '../delivery/outbound.types.js';
import type { Organisation } from '../shared/org.types.js';
import type { Contest, Election, Phase } from '../shared/election.types.js';

export interface ElectionSummary {
  number: number;
  title: string;
  phase: Phase;
}

export interface ContestSummary {
  number: number;
  name: string;
}

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
  };
}
