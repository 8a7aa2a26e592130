// In-memory implementation of the core's storage ports for domain tests. Transactions run one at a
// time; a transaction that throws restores the state it started from, as a database would. The
// storage contract tests (test/storage, the 'memory store' target) hold it to what SQLite and
// PostgreSQL do: the same unique keys refuse a second row, lists come in the same (byte) order.

import type { AuditEntry } from '../../src/core/audit/audit.types.js';
import type { StoredBallot } from '../../src/core/ballots/ballot.types.js';
import type { OutboundMessage } from '../../src/core/delivery/outbound.types.js';
import type { Contest, Election, ElectionRole } from '../../src/core/shared/election.types.js';
import type { Nomination, Seconder } from '../../src/core/nominations/nomination.types.js';
import type { Organisation } from '../../src/core/shared/org.types.js';
import type { CountConfirmation, StoredResult } from '../../src/core/results/result.types.js';
import type { RollEntry } from '../../src/core/roll/roll.types.js';
import type { CastBallot, ElectionSecret } from '../../src/core/ballots/ballot.types.js';
import type { Job } from '../../src/core/jobs/job.types.js';
import type { Store, Tx } from '../../src/core/kit/store.js';
import type { Member } from '../../src/core/members/member.types.js';
import type { TimetableEntry } from '../../src/core/elections/timetable.types.js';
import type { ProxyAppointment } from '../../src/core/proxies/proxy.types.js';
import { emptyPaper, memoryPaper, type PaperState } from './memory-paper.js';
import { emptyArchive, memoryArchive, type ArchiveState } from './memory-archive.js';
import { emptyObjections, memoryObjections, type ObjectionState } from './memory-objections.js';
import { emptySurvey, memorySurvey, type SurveyState } from './memory-survey.js';

export interface MemoryState extends PaperState, ArchiveState, ObjectionState, SurveyState {
  orgs: Organisation[];
  members: Member[];
  elections: Election[];
  contests: Contest[];
  roles: ElectionRole[];
  roll: RollEntry[];
  nominations: Nomination[];
  seconders: Seconder[];
  salts: Record<string, ElectionSecret>;
  castBallots: CastBallot[];
  ballots: StoredBallot[];
  receipts: { electionId: string; code: string; link: string | null }[];
  participation: { electionId: string; contestId: string; memberId: string }[];
  results: StoredResult[];
  confirmations: CountConfirmation[];
  audit: AuditEntry[];
  outbox: OutboundMessage[];
  requests: Record<string, { response: string; at: string; electionId: string | null }>;
  jobs: Job[];
  timetable: TimetableEntry[];
  proxies: ProxyAppointment[];
  settings: Record<string, string>;
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
  castBallots: [],
  ballots: [],
  receipts: [],
  participation: [],
  results: [],
  confirmations: [],
  audit: [],
  outbox: [],
  requests: {},
  jobs: [],
  timetable: [],
  proxies: [],
  ...emptyPaper(),
  ...emptyArchive(),
  ...emptyObjections(),
  ...emptySurvey(),
  settings: {},
});

/** byte order, as storage sorts text whatever the database's collation */
const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => bytes(a.id, b.id);

/** An organisation as its row keeps it: an absent language or zone reads back as null. */
const orgRow = (o: Organisation): Organisation => ({
  ...structuredClone(o),
  language: o.language ?? null,
  timeZone: o.timeZone ?? null,
});

/** a unique key or foreign key the database would enforce: the statement fails, and so does its transaction */
function refuse(constraint: string): never {
  throw new Error(`constraint failed: ${constraint}`);
}

export class MemoryStore implements Store {
  state: MemoryState = empty();
  purged = 0;
  /** set to make purges fail, as a SQLite reader holding an old snapshot would */
  purgeFails = false;
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

  async purge(): Promise<void> {
    if (this.purgeFails) throw new Error('purge incomplete: a reader holds an old snapshot');
    this.purged++;
  }

  /** Every row count, to show that a failed command wrote nothing. */
  rowCounts(): Record<string, number> {
    const s = this.state;
    return Object.fromEntries(
      Object.entries(s).map(([k, v]) => [k, Array.isArray(v) ? v.length : Object.keys(v).length]),
    );
  }

  private tx(): Tx {
    const s = () => this.state;
    const clone = <T>(v: T): T => structuredClone(v);
    return {
      orgs: {
        findByPlatform: async (platform, pid) =>
          clone(s().orgs.find((o) => o.platform === platform && o.platformOrgId === pid)),
        get: async (id) => clone(s().orgs.find((o) => o.id === id)),
        insert: async (o) => {
          if (s().orgs.some((x) => x.id === o.id)) refuse('orgs primary key');
          if (s().orgs.some((x) => x.platform === o.platform && x.platformOrgId === o.platformOrgId))
            refuse('orgs_platform_org_unique');
          s().orgs.push(orgRow(o));
        },
        insertIfAbsent: async (o) => {
          const known = s().orgs.find(
            (x) => x.platform === o.platform && x.platformOrgId === o.platformOrgId,
          );
          if (!known) s().orgs.push(orgRow(o));
          return clone(known ?? orgRow(o));
        },
        setDefaultLocale: async (id, locale) => {
          s().orgs = s().orgs.map((x) => (x.id === id ? { ...x, defaultLocale: locale } : x));
        },
        setLanguage: async (id, language) => {
          s().orgs = s().orgs.map((x) => (x.id === id ? { ...x, language } : x));
        },
        setTimeZone: async (id, timeZone) => {
          s().orgs = s().orgs.map((x) => (x.id === id ? { ...x, timeZone } : x));
        },
      },
      members: {
        get: async (orgId, memberId) =>
          clone(s().members.find((m) => m.orgId === orgId && m.memberId === memberId)),
        getMany: async (orgId, memberIds) =>
          clone(s().members.filter((m) => m.orgId === orgId && memberIds.includes(m.memberId))),
        upsert: async (m) => {
          s().members = s().members.filter((x) => !(x.orgId === m.orgId && x.memberId === m.memberId));
          // as a row: a member written without a zone reads back with null
          s().members.push({ ...clone(m), timeZone: m.timeZone ?? null });
        },
      },
      elections: {
        get: async (id) => clone(s().elections.find((e) => e.id === id)),
        findByNumber: async (orgId, n) =>
          clone(s().elections.find((e) => e.orgId === orgId && e.number === n)),
        list: async (orgId) =>
          clone(
            s()
              .elections.filter((e) => e.orgId === orgId)
              .sort((a, b) => b.number - a.number),
          ),
        listAll: async () => clone([...s().elections].sort(byId)),
        maxNumber: async (orgId) =>
          Math.max(
            0,
            ...s()
              .elections.filter((e) => e.orgId === orgId)
              .map((e) => e.number),
          ),
        nextNumber: async (orgId) =>
          Math.max(
            0,
            ...s()
              .elections.filter((e) => e.orgId === orgId)
              .map((e) => e.number),
          ) + 1,
        insert: async (e) => {
          if (!s().orgs.some((o) => o.id === e.orgId)) refuse('elections.org_id references orgs');
          if (s().elections.some((x) => x.id === e.id)) refuse('elections primary key');
          if (s().elections.some((x) => x.orgId === e.orgId && x.number === e.number))
            refuse('elections_org_number_unique');
          s().elections.push(clone(e));
        },
        update: async (e) => {
          s().elections = s().elections.map((x) => (x.id === e.id ? clone(e) : x));
        },
        findByNumberLocked: async (orgId, n) =>
          clone(s().elections.find((e) => e.orgId === orgId && e.number === n)),
      },
      contests: {
        // as the rows read back: round 1 of nothing unless the contest says otherwise
        list: async (eid) =>
          clone(
            s()
              .contests.filter((c) => c.electionId === eid)
              .sort((a, b) => a.number - b.number)
              .map((c) => ({ ...c, round: c.round ?? 1, parentId: c.parentId ?? null })),
          ),
        insert: async (c) => {
          if (s().contests.some((x) => x.electionId === c.electionId && x.number === c.number))
            refuse('contests_election_number_unique');
          s().contests.push(clone(c));
        },
      },
      roles: {
        list: async (eid) =>
          clone(
            s()
              .roles.filter((r) => r.electionId === eid)
              .sort((a, b) => bytes(a.memberId, b.memberId) || bytes(a.role, b.role)),
          ),
        add: async (r) => {
          if (
            !s().roles.some(
              (x) => x.electionId === r.electionId && x.memberId === r.memberId && x.role === r.role,
            )
          )
            s().roles.push(clone(r));
        },
      },
      roll: {
        get: async (eid, m) => clone(s().roll.find((r) => r.electionId === eid && r.memberId === m)),
        list: async (eid) =>
          clone(
            s()
              .roll.filter((r) => r.electionId === eid)
              .sort((a, b) => bytes(a.memberId, b.memberId)),
          ),
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
        list: async (eid) =>
          clone(
            s()
              .nominations.filter((x) => x.electionId === eid)
              .sort((a, b) => a.number - b.number),
          ),
        maxNumber: async (eid) =>
          Math.max(
            0,
            ...s()
              .nominations.filter((x) => x.electionId === eid)
              .map((x) => x.number),
          ),
        insert: async (n) => {
          if (s().nominations.some((x) => x.electionId === n.electionId && x.number === n.number))
            refuse('nominations_election_number_unique');
          s().nominations.push(clone(n));
        },
        update: async (n) => {
          s().nominations = s().nominations.map((x) => (x.id === n.id ? clone(n) : x));
        },
        seconders: async (nid) =>
          clone(
            s()
              .seconders.filter((x) => x.nominationId === nid)
              .sort((a, b) => bytes(a.at, b.at) || bytes(a.memberId, b.memberId)),
          ),
        addSeconder: async (x) => {
          if (!s().seconders.some((y) => y.nominationId === x.nominationId && y.memberId === x.memberId))
            s().seconders.push(clone(x));
        },
      },
      secrets: {
        get: async (eid) => clone(s().salts[eid]),
        put: async (eid, secret) => void (s().salts[eid] = clone(secret)),
        delete: async (eid) => void delete s().salts[eid],
      },
      castBallots: {
        put: async (b) => {
          const i = s().castBallots.findIndex((x) => x.contestId === b.contestId && x.link === b.link);
          if (i >= 0) s().castBallots[i] = { ...s().castBallots[i], sealed: b.sealed };
          else s().castBallots.push(clone(b));
          return i >= 0;
        },
        listForElection: async (eid) =>
          clone(
            s()
              .castBallots.filter((b) => b.electionId === eid)
              .sort(byId),
          ),
        deleteForElection: async (eid) => {
          s().castBallots = s().castBallots.filter((b) => b.electionId !== eid);
        },
      },
      ballots: {
        insertMany: async (list) => void s().ballots.push(...clone(list)),
        listForCount: async (cid) =>
          s()
            .ballots.filter((b) => b.contestId === cid)
            .sort(byId)
            .map((b) => ({ weight: b.weight, content: b.content })),
        count: async (cid) => s().ballots.filter((b) => b.contestId === cid).length,
        listPublished: async (eid) =>
          s()
            .ballots.filter((b) => b.electionId === eid)
            .sort(byId)
            .map((b) => ({ contestId: b.contestId, weight: b.weight, content: b.content })),
      },
      receipts: {
        findByLink: async (eid, link) =>
          s().receipts.find((r) => r.electionId === eid && r.link === link)?.code,
        insert: async (eid, code, link) => {
          if (s().receipts.some((r) => r.electionId === eid && r.code === code)) refuse('receipts_pk');
          if (link !== null && s().receipts.some((r) => r.electionId === eid && r.link === link))
            refuse('receipts_election_link_unique');
          s().receipts.push({ electionId: eid, code, link });
        },
        exists: async (eid, code) => s().receipts.some((r) => r.electionId === eid && r.code === code),
        list: async (eid) =>
          s()
            .receipts.filter((r) => r.electionId === eid)
            .map((r) => r.code)
            .sort(bytes),
        sealElection: async (eid) => {
          s().receipts = s()
            .receipts.map((r) => (r.electionId === eid ? { ...r, link: null } : r))
            .sort((a, b) => a.code.localeCompare(b.code));
        },
      },
      participation: {
        add: async (p) => {
          if (
            !s().participation.some(
              (x) =>
                x.electionId === p.electionId && x.contestId === p.contestId && x.memberId === p.memberId,
            )
          )
            s().participation.push(clone(p));
        },
        has: async (eid, cid, m) =>
          s().participation.some((x) => x.electionId === eid && x.contestId === cid && x.memberId === m),
        voters: async (eid) =>
          [
            ...new Set(
              s()
                .participation.filter((x) => x.electionId === eid)
                .map((x) => x.memberId),
            ),
          ].sort(),
        count: async (eid, cid) =>
          s().participation.filter((x) => x.electionId === eid && x.contestId === cid).length,
      },
      results: {
        // one result per contest and round: a recount of the same round replaces it
        put: async (r) => {
          s().results = s().results.filter(
            (x) => !(x.electionId === r.electionId && x.contestId === r.contestId && x.round === r.round),
          );
          s().results.push(clone(r));
        },
        list: async (eid) => {
          const number = (cid: string) => s().contests.find((c) => c.id === cid)?.number ?? Infinity;
          return clone(
            s()
              .results.filter((r) => r.electionId === eid)
              .sort((a, b) => number(a.contestId) - number(b.contestId) || a.round - b.round),
          );
        },
        deleteForElection: async (eid) => {
          s().results = s().results.filter((r) => r.electionId !== eid);
        },
        confirmations: async (eid) =>
          clone(
            s()
              .confirmations.filter((c) => c.electionId === eid)
              .sort((a, b) => bytes(a.at, b.at) || bytes(a.memberId, b.memberId)),
          ),
        // a scrutineer confirming twice still counts once
        addConfirmation: async (c) => {
          if (!s().confirmations.some((x) => x.electionId === c.electionId && x.memberId === c.memberId))
            s().confirmations.push(clone(c));
        },
      },
      audit: {
        last: async (eid) =>
          clone(
            s()
              .audit.filter((a) => a.electionId === eid)
              .sort((a, b) => a.seq - b.seq)
              .at(-1),
          ),
        // (election, seq) is the key: two writers that read the same `last` cannot both append
        append: async (a) => {
          if (s().audit.some((x) => x.electionId === a.electionId && x.seq === a.seq))
            refuse('audit_entries_pk');
          s().audit.push(clone(a));
        },
        list: async (eid) =>
          clone(
            s()
              .audit.filter((a) => a.electionId === eid)
              .sort((a, b) => a.seq - b.seq),
          ),
        electionIds: async () => [...new Set(s().audit.map((a) => a.electionId))].sort(bytes),
      },
      outbox: {
        enqueue: async (m) => {
          if (s().outbox.some((x) => x.orgId === m.orgId && x.dedupeKey === m.dedupeKey)) return false;
          s().outbox.push(clone(m));
          return true;
        },
        forgetReceipts: async (eid) => {
          s().outbox = s().outbox.filter((x) => !(x.electionId === eid && x.purpose === 'receipt'));
        },
      },
      requests: {
        get: async (k) => s().requests[k]?.response,
        put: async (k, response, at, electionId) => void (s().requests[k] = { response, at, electionId }),
        deleteForElection: async (eid) => {
          for (const [k, v] of Object.entries(s().requests)) if (v.electionId === eid) delete s().requests[k];
        },
        deleteBefore: async (at) => {
          let n = 0;
          for (const [k, v] of Object.entries(s().requests)) if (v.at < at) delete s().requests[k], n++;
          return n;
        },
      },
      jobs: {
        schedule: async (job) => {
          const known = s().jobs.find((j) => j.dedupeKey === job.dedupeKey);
          if (known?.status === 'cancelled') {
            Object.assign(known, {
              status: 'pending',
              runAt: job.runAt,
              payload: clone(job.payload),
              attempts: 0,
              leaseUntil: null,
              lastError: null,
              doneAt: null,
            });
            return true;
          }
          if (known) return false;
          s().jobs.push(clone(job));
          return true;
        },
        claimDue: async (now, leaseUntil, limit) => {
          const open = (j: Job) => j.status === 'pending' || j.status === 'running';
          const before = (a: Job, b: Job) => a.runAt < b.runAt || (a.runAt === b.runAt && a.id < b.id);
          const due = s()
            .jobs.filter(
              (j) =>
                j.runAt <= now &&
                (j.status === 'pending' ||
                  (j.status === 'running' && j.leaseUntil !== null && j.leaseUntil <= now)) &&
                // an election's jobs one at a time, in the order they were due (as the SQL does)
                !s().jobs.some(
                  (o) =>
                    o !== j &&
                    j.electionId !== null &&
                    o.electionId === j.electionId &&
                    open(o) &&
                    before(o, j),
                ),
            )
            .sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : byId(a, b)))
            .slice(0, limit);
          for (const j of due) Object.assign(j, { status: 'running', leaseUntil, attempts: j.attempts + 1 });
          return clone(due);
        },
        finish: async (id, at) => {
          const j = s().jobs.find((x) => x.id === id);
          if (j) Object.assign(j, { status: 'done', doneAt: at, leaseUntil: null, lastError: null });
        },
        retry: async (id, runAt, error) => {
          const j = s().jobs.find((x) => x.id === id);
          if (j)
            Object.assign(j, {
              status: runAt === null ? 'failed' : 'pending',
              runAt: runAt ?? j.runAt,
              lastError: error,
              leaseUntil: null,
            });
        },
        finishByKey: async (key, at) => {
          const j = s().jobs.find(
            (x) => x.dedupeKey === key && (x.status === 'pending' || x.status === 'running'),
          );
          if (j) Object.assign(j, { status: 'done', doneAt: at, leaseUntil: null });
        },
        cancelByKey: async (key, at) => {
          const j = s().jobs.find((x) => x.dedupeKey === key && x.status === 'pending');
          if (j) Object.assign(j, { status: 'cancelled', doneAt: at, leaseUntil: null });
        },
      },
      timetable: {
        list: async (electionId) => clone(s().timetable.filter((t) => t.electionId === electionId)),
        put: async (e) => {
          if (!s().elections.some((x) => x.id === e.electionId)) refuse('timetable_election_id_fkey');
          s().timetable = s().timetable.filter((t) => !(t.electionId === e.electionId && t.step === e.step));
          s().timetable.push(clone(e));
        },
        remove: async (electionId, step) => {
          s().timetable = s().timetable.filter((t) => !(t.electionId === electionId && t.step === step));
        },
      },
      proxies: {
        get: async (eid, principal) =>
          clone(s().proxies.find((a) => a.electionId === eid && a.principal === principal)),
        list: async (eid) =>
          clone(
            s()
              .proxies.filter((a) => a.electionId === eid)
              .sort((a, b) => bytes(a.principal, b.principal)),
          ),
        put: async (a) => {
          if (!s().elections.some((x) => x.id === a.electionId)) refuse('proxies_election_id_fkey');
          s().proxies = s().proxies.filter(
            (x) => !(x.electionId === a.electionId && x.principal === a.principal),
          );
          s().proxies.push(clone(a));
        },
        remove: async (eid, principal) => {
          const before = s().proxies.length;
          s().proxies = s().proxies.filter((x) => !(x.electionId === eid && x.principal === principal));
          return s().proxies.length < before;
        },
      },
      paper: memoryPaper(s, refuse),
      archive: memoryArchive(s),
      objections: memoryObjections(s, refuse),
      surveys: memorySurvey(s, refuse),
      settings: {
        get: async (k) => s().settings[k],
        putIfAbsent: async (k, v) => (s().settings[k] ??= v),
      },
    };
  }
}
