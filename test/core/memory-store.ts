// In-memory implementation of the core's storage ports for domain tests. Transactions run one at a
// time; a transaction that throws restores the state it started from, as a database would.

import type { AuditEntry } from '../../src/core/audit/audit.types.js';
import type { StoredBallot } from '../../src/core/ballots/ballot.types.js';
import type { OutboundMessage } from '../../src/core/delivery/outbound.types.js';
import type { Contest, Election, ElectionRole } from '../../src/core/elections/election.types.js';
import type { Nomination, Seconder } from '../../src/core/nominations/nomination.types.js';
import type { Organisation } from '../../src/core/orgs/org.types.js';
import type { CountConfirmation, StoredResult } from '../../src/core/results/result.types.js';
import type { RollEntry } from '../../src/core/roll/roll.types.js';
import type { Member, Store, Tx } from '../../src/core/shared/store.ports.js';

export interface MemoryState {
  orgs: Organisation[];
  members: Member[];
  elections: Election[];
  contests: Contest[];
  roles: ElectionRole[];
  roll: RollEntry[];
  nominations: Nomination[];
  seconders: Seconder[];
  salts: Record<string, string>;
  ballots: StoredBallot[];
  receipts: { electionId: string; code: string; link: string | null }[];
  participation: { electionId: string; contestId: string; memberId: string }[];
  results: StoredResult[];
  confirmations: CountConfirmation[];
  audit: AuditEntry[];
  outbox: OutboundMessage[];
  requests: Record<string, string>;
}

const empty = (): MemoryState => ({
  orgs: [],
  members: [],
  elections: [],
  contests: [],
  roles: [],
  roll: [],
  nominations: [],
  seconders: [],
  salts: {},
  ballots: [],
  receipts: [],
  participation: [],
  results: [],
  confirmations: [],
  audit: [],
  outbox: [],
  requests: {},
});

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class MemoryStore implements Store {
  state: MemoryState = empty();
  scrubbed = 0;
  private queue: Promise<unknown> = Promise.resolve();

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const run = async () => {
      const before = structuredClone(this.state);
      try {
        return await fn(this.tx());
      } catch (e) {
        this.state = before;
        throw e;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async scrub(): Promise<void> {
    this.scrubbed++;
  }

  /** Every row count, to show that a failed command wrote nothing. */
  rowCounts(): Record<string, number> {
    const s = this.state;
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? v.length : Object.keys(v).length]));
  }

  private tx(): Tx {
    const s = () => this.state;
    const clone = <T>(v: T): T => structuredClone(v);
    return {
      orgs: {
        findByPlatform: async (platform, pid) => clone(s().orgs.find((o) => o.platform === platform && o.platformOrgId === pid)),
        get: async (id) => clone(s().orgs.find((o) => o.id === id)),
        insert: async (o) => void s().orgs.push(clone(o)),
      },
      members: {
        get: async (orgId, memberId) => clone(s().members.find((m) => m.orgId === orgId && m.memberId === memberId)),
        upsert: async (m) => {
          s().members = s().members.filter((x) => !(x.orgId === m.orgId && x.memberId === m.memberId));
          s().members.push(clone(m));
        },
      },
      elections: {
        get: async (id) => clone(s().elections.find((e) => e.id === id)),
        findByNumber: async (orgId, n) => clone(s().elections.find((e) => e.orgId === orgId && e.number === n)),
        list: async (orgId) => clone(s().elections.filter((e) => e.orgId === orgId).sort((a, b) => b.number - a.number)),
        maxNumber: async (orgId) => Math.max(0, ...s().elections.filter((e) => e.orgId === orgId).map((e) => e.number)),
        insert: async (e) => void s().elections.push(clone(e)),
        update: async (e) => {
          s().elections = s().elections.map((x) => (x.id === e.id ? clone(e) : x));
        },
        lock: async () => undefined,
      },
      contests: {
        list: async (eid) => clone(s().contests.filter((c) => c.electionId === eid).sort((a, b) => a.number - b.number)),
        insert: async (c) => void s().contests.push(clone(c)),
      },
      roles: {
        list: async (eid) => clone(s().roles.filter((r) => r.electionId === eid)),
        add: async (r) => {
          if (!s().roles.some((x) => x.electionId === r.electionId && x.memberId === r.memberId && x.role === r.role)) s().roles.push(clone(r));
        },
      },
      roll: {
        get: async (eid, m) => clone(s().roll.find((r) => r.electionId === eid && r.memberId === m)),
        list: async (eid) => clone(s().roll.filter((r) => r.electionId === eid).sort((a, b) => a.memberId.localeCompare(b.memberId))),
        upsert: async (r) => {
          s().roll = s().roll.filter((x) => !(x.electionId === r.electionId && x.memberId === r.memberId));
          s().roll.push(clone(r));
        },
        remove: async (eid, m) => {
          const before = s().roll.length;
          s().roll = s().roll.filter((x) => !(x.electionId === eid && x.memberId === m));
          return s().roll.length < before;
        },
      },
      nominations: {
        get: async (eid, n) => clone(s().nominations.find((x) => x.electionId === eid && x.number === n)),
        list: async (eid) => clone(s().nominations.filter((x) => x.electionId === eid).sort((a, b) => a.number - b.number)),
        maxNumber: async (eid) => Math.max(0, ...s().nominations.filter((x) => x.electionId === eid).map((x) => x.number)),
        insert: async (n) => void s().nominations.push(clone(n)),
        update: async (n) => {
          s().nominations = s().nominations.map((x) => (x.id === n.id ? clone(n) : x));
        },
        seconders: async (nid) => clone(s().seconders.filter((x) => x.nominationId === nid)),
        addSeconder: async (x) => {
          if (!s().seconders.some((y) => y.nominationId === x.nominationId && y.memberId === x.memberId)) s().seconders.push(clone(x));
        },
      },
      secrets: {
        getSalt: async (eid) => s().salts[eid],
        putSalt: async (eid, salt) => void (s().salts[eid] = salt),
        deleteSalt: async (eid) => void delete s().salts[eid],
      },
      ballots: {
        upsertByLink: async (b) => {
          const i = s().ballots.findIndex((x) => x.contestId === b.contestId && x.link === b.link);
          if (i >= 0) s().ballots[i] = { ...s().ballots[i], content: b.content, weight: b.weight };
          else s().ballots.push(clone(b));
        },
        listForCount: async (cid) => s().ballots.filter((b) => b.contestId === cid).sort(byId).map((b) => ({ weight: b.weight, content: b.content })),
        count: async (cid) => s().ballots.filter((b) => b.contestId === cid).length,
        sealElection: async (eid) => {
          const mine = s().ballots.filter((b) => b.electionId === eid).map((b) => ({ ...b, link: null }));
          s().ballots = [...s().ballots.filter((b) => b.electionId !== eid), ...mine.sort(byId)];
        },
        listPublished: async (eid) => s().ballots.filter((b) => b.electionId === eid).sort(byId).map((b) => ({ contestId: b.contestId, weight: b.weight, content: b.content })),
      },
      receipts: {
        findByLink: async (eid, link) => s().receipts.find((r) => r.electionId === eid && r.link === link)?.code,
        insert: async (eid, code, link) => void s().receipts.push({ electionId: eid, code, link }),
        exists: async (eid, code) => s().receipts.some((r) => r.electionId === eid && r.code === code),
        list: async (eid) => s().receipts.filter((r) => r.electionId === eid).map((r) => r.code).sort(),
        sealElection: async (eid) => {
          s().receipts = s().receipts.map((r) => (r.electionId === eid ? { ...r, link: null } : r)).sort((a, b) => a.code.localeCompare(b.code));
        },
      },
      participation: {
        add: async (p) => {
          if (!s().participation.some((x) => x.electionId === p.electionId && x.contestId === p.contestId && x.memberId === p.memberId)) s().participation.push(clone(p));
        },
        has: async (eid, cid, m) => s().participation.some((x) => x.electionId === eid && x.contestId === cid && x.memberId === m),
        voters: async (eid) => [...new Set(s().participation.filter((x) => x.electionId === eid).map((x) => x.memberId))].sort(),
        count: async (eid, cid) => s().participation.filter((x) => x.electionId === eid && x.contestId === cid).length,
      },
      results: {
        put: async (r) => void s().results.push(clone(r)),
        list: async (eid) => clone(s().results.filter((r) => r.electionId === eid)),
        deleteForElection: async (eid) => {
          s().results = s().results.filter((r) => r.electionId !== eid);
        },
        confirmations: async (eid) => clone(s().confirmations.filter((c) => c.electionId === eid)),
        addConfirmation: async (c) => void s().confirmations.push(clone(c)),
      },
      audit: {
        last: async (eid) => clone(s().audit.filter((a) => a.electionId === eid).at(-1)),
        append: async (a) => void s().audit.push(clone(a)),
        list: async (eid) => clone(s().audit.filter((a) => a.electionId === eid)),
        electionIds: async () => [...new Set(s().audit.map((a) => a.electionId))],
      },
      outbox: {
        enqueue: async (m) => {
          if (s().outbox.some((x) => x.orgId === m.orgId && x.dedupeKey === m.dedupeKey)) return false;
          s().outbox.push(clone(m));
          return true;
        },
      },
      requests: {
        get: async (k) => s().requests[k],
        put: async (k, v) => void (s().requests[k] = v),
      },
    };
  }
}
