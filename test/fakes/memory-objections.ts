// The memory store's objections, appeals and appeal panels (issue 14), with the SQL stores' keys and orders.
import type { ObjectionRepo } from '../../src/core/objections/objection.ports.js';
import type { Appeal, AppealPanel, Objection } from '../../src/core/objections/objection.types.js';

export interface ObjectionState {
  objections: Objection[];
  appeals: Appeal[];
  appealPanels: AppealPanel[];
}

export const emptyObjections = (): ObjectionState => ({ objections: [], appeals: [], appealPanels: [] });

const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const clone = <T>(v: T): T => structuredClone(v);

export function memoryObjections(
  s: () => ObjectionState & { elections: { id: string }[]; orgs: { id: string }[] },
  refuse: (constraint: string) => never,
): ObjectionRepo {
  return {
    async insert(o) {
      if (!s().elections.some((e) => e.id === o.electionId)) refuse('objections_election_id_fkey');
      if (s().objections.some((x) => x.id === o.id)) refuse('objections_pkey');
      if (s().objections.some((x) => x.electionId === o.electionId && x.number === o.number))
        refuse('objections_number');
      s().objections.push(clone(o));
    },
    async update(o) {
      // as the SQL update: the assignment, findings and decision; what was filed stays as filed
      s().objections = s().objections.map((x) =>
        x.id === o.id
          ? {
              ...x,
              investigator: o.investigator,
              assignedAt: o.assignedAt,
              findings: clone(o.findings),
              outcome: o.outcome,
              reason: o.reason,
              decidedBy: o.decidedBy,
              decidedAt: o.decidedAt,
              effect: clone(o.effect),
            }
          : x,
      );
    },
    async list(eid) {
      return clone(
        s()
          .objections.filter((o) => o.electionId === eid)
          .sort((a, b) => a.number - b.number),
      );
    },
    async insertAppeal(a) {
      if (!s().objections.some((o) => o.id === a.objectionId)) refuse('objection_appeals_objection_id_fkey');
      if (s().appeals.some((x) => x.objectionId === a.objectionId)) refuse('objection_appeals_pkey');
      s().appeals.push(clone(a));
    },
    async updateAppeal(a) {
      s().appeals = s().appeals.map((x) =>
        x.objectionId === a.objectionId
          ? {
              ...x,
              outcome: a.outcome,
              reason: a.reason,
              decidedBy: a.decidedBy,
              decidedAt: a.decidedAt,
              effect: clone(a.effect),
              notUndone: a.notUndone,
            }
          : x,
      );
    },
    async appeals(eid) {
      return clone(
        s()
          .appeals.filter((a) => a.electionId === eid)
          .sort((a, b) => bytes(a.filedAt, b.filedAt) || bytes(a.objectionId, b.objectionId)),
      );
    },
    async panel(orgId) {
      return clone(s().appealPanels.find((p) => p.orgId === orgId));
    },
    async setPanel(p) {
      if (!s().orgs.some((o) => o.id === p.orgId)) refuse('appeal_panels_org_id_fkey');
      s().appealPanels = [...s().appealPanels.filter((x) => x.orgId !== p.orgId), clone(p)];
    },
  };
}
