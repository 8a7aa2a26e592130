// The memory store's archive and retention (issue 14), purging what the SQL stores purge.
import type { ArchiveRepo, RetainedRecord } from '../../src/core/archive/archive.ports.js';
import type { MemoryState } from './memory-store.js';

export interface ArchiveState {
  retained: RetainedRecord[];
}

export const emptyArchive = (): ArchiveState => ({ retained: [] });

const clone = <T>(v: T): T => structuredClone(v);

export function memoryArchive(s: () => MemoryState): ArchiveRepo {
  return {
    async putRecord(r) {
      s().retained = s().retained.filter((x) => !(x.electionId === r.electionId && x.kind === r.kind));
      s().retained.push(clone(r));
    },
    async records(electionId) {
      return clone(
        s()
          .retained.filter((r) => r.electionId === electionId)
          .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
      );
    },
    async purgePersonal(electionId, orgId) {
      const st = s();
      const mine = <T extends { electionId: string | null }>(xs: T[]) =>
        xs.filter((x) => x.electionId !== electionId);
      const nominations = new Set(st.nominations.filter((n) => n.electionId === electionId).map((n) => n.id));
      st.seconders = st.seconders.filter((x) => !nominations.has(x.nominationId));
      st.nominations = st.nominations.map((n) => (n.electionId === electionId ? { ...n, nominator: '' } : n));
      st.objections = st.objections.map((o) => (o.electionId === electionId ? { ...o, objector: '' } : o));
      st.appeals = st.appeals.map((a) => (a.electionId === electionId ? { ...a, appellant: '' } : a));
      st.surveyAnswers = st.surveyAnswers.map((a) =>
        a.electionId === electionId ? { ...a, comment: null } : a,
      );
      st.surveyRespondents = mine(st.surveyRespondents);
      st.roll = mine(st.roll);
      st.participation = mine(st.participation);
      st.paperVoters = mine(st.paperVoters);
      st.ballotIssues = mine(st.ballotIssues);
      st.ballotReturns = mine(st.ballotReturns);
      st.proxies = mine(st.proxies);
      st.outbox = st.outbox.filter((m) => m.electionId !== electionId);
      st.requests = Object.fromEntries(
        Object.entries(st.requests).filter(([, r]) => r.electionId !== electionId),
      );
      st.audit = mine(st.audit);
      st.jobs = st.jobs.filter((j) => j.electionId !== electionId);
      const ofOrg = new Set(st.elections.filter((e) => e.orgId === orgId).map((e) => e.id));
      const used = new Set<string>();
      for (const r of st.roll) if (ofOrg.has(r.electionId)) used.add(r.memberId);
      for (const r of st.roles) if (ofOrg.has(r.electionId)) used.add(r.memberId);
      for (const n of st.nominations) if (ofOrg.has(n.electionId)) used.add(n.nominee).add(n.nominator);
      for (const p of st.participation) if (ofOrg.has(p.electionId)) used.add(p.memberId);
      for (const a of st.audit) if (ofOrg.has(a.electionId)) used.add(a.actor);
      for (const x of st.proxies) if (ofOrg.has(x.electionId)) used.add(x.principal).add(x.proxy);
      for (const x of [...st.paperVoters, ...st.ballotReturns, ...st.surveyRespondents])
        if (ofOrg.has(x.electionId)) used.add(x.memberId);
      for (const o of st.objections) if (ofOrg.has(o.electionId)) used.add(o.objector);
      for (const a of st.appeals) if (ofOrg.has(a.electionId)) used.add(a.appellant);
      st.members = st.members.filter((m) => m.orgId !== orgId || used.has(m.memberId));
    },
    async setRetention(orgId, days) {
      s().orgs = s().orgs.map((o) => (o.id === orgId ? { ...o, retentionDays: days } : o));
    },
  };
}
