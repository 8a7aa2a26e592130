// Objections, their appeals, and each organisation's appeal panel (issue 14). Findings, effects and the
// panel's members are JSON text; flags are integers.
import type { ObjectionRepo } from '../../core/objections/objection.ports.js';
import type {
  Appeal,
  AppealPanel,
  EffectRecord,
  Objection,
  ObjectionPeriod,
  Outcome,
} from '../../core/objections/objection.types.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import type { AppealPanelRow, ObjectionAppealRow, ObjectionRow } from '../schema.js';
import { byBytes, type RepoContext } from './context.js';

const OBJECTION = [
  'id',
  'election_id',
  'number',
  'period',
  'contest_id',
  'member_id',
  'about',
  'grounds',
  'evidence',
  'objector',
  'named',
  'filed_at',
  'due_at',
  'investigator',
  'assigned_at',
  'findings',
  'outcome',
  'reason',
  'decided_by',
  'decided_at',
  'effect',
] as const;
const DECISION = [
  'investigator',
  'assigned_at',
  'findings',
  'outcome',
  'reason',
  'decided_by',
  'decided_at',
  'effect',
] as const;
const APPEAL = [
  'objection_id',
  'election_id',
  'appellant',
  'grounds',
  'filed_at',
  'outcome',
  'reason',
  'decided_by',
  'decided_at',
  'effect',
  'not_undone',
] as const;
const APPEAL_DECISION = ['outcome', 'reason', 'decided_by', 'decided_at', 'effect', 'not_undone'] as const;
const PANEL = ['org_id', 'members', 'appeal_days', 'set_by', 'set_at'] as const;

const q = {
  insert: prepare((db, p) => db.insertInto('objections').values(rowParams(p, OBJECTION))),
  update: prepare((db, p) =>
    db.updateTable('objections').set(rowParams(p, DECISION)).where('id', '=', p('id')),
  ),
  list: prepare((db, p) =>
    db.selectFrom('objections').selectAll().where('election_id', '=', p('electionId')).orderBy('number'),
  ),
  insertAppeal: prepare((db, p) => db.insertInto('objection_appeals').values(rowParams(p, APPEAL))),
  updateAppeal: prepare((db, p) =>
    db
      .updateTable('objection_appeals')
      .set(rowParams(p, APPEAL_DECISION))
      .where('objection_id', '=', p('objection_id')),
  ),
  appeals: prepare((db, p, dialect) =>
    db
      .selectFrom('objection_appeals')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy('filed_at')
      .orderBy(byBytes(dialect, 'objection_id')),
  ),
  panel: prepare((db, p) => db.selectFrom('appeal_panels').selectAll().where('org_id', '=', p('orgId'))),
  setPanel: prepare((db, p) =>
    db
      .insertInto('appeal_panels')
      .values(rowParams(p, PANEL))
      .onConflict((oc) =>
        oc
          .column('org_id')
          .doUpdateSet(rowParams(p, ['members', 'appeal_days', 'set_by', 'set_at'] as const)),
      ),
  ),
};

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

const objectionTo = (o: Objection): ObjectionRow => ({
  id: o.id,
  election_id: o.electionId,
  number: o.number,
  period: o.period,
  contest_id: o.contestId,
  member_id: o.memberId,
  about: o.about,
  grounds: o.grounds,
  evidence: o.evidence,
  objector: o.objector,
  named: o.named ? 1 : 0,
  filed_at: o.filedAt,
  due_at: o.dueAt,
  investigator: o.investigator,
  assigned_at: o.assignedAt,
  findings: JSON.stringify(o.findings),
  outcome: o.outcome,
  reason: o.reason,
  decided_by: o.decidedBy,
  decided_at: o.decidedAt,
  effect: o.effect === null ? null : JSON.stringify(o.effect),
});

const objectionFrom = (r: ObjectionRow): Objection => ({
  id: r.id,
  electionId: r.election_id,
  number: Number(r.number),
  period: r.period as ObjectionPeriod,
  contestId: r.contest_id,
  memberId: r.member_id,
  about: r.about,
  grounds: r.grounds,
  evidence: r.evidence,
  objector: r.objector,
  named: Number(r.named) === 1,
  filedAt: r.filed_at,
  dueAt: r.due_at,
  investigator: r.investigator,
  assignedAt: r.assigned_at,
  findings: json(r.findings) ?? [],
  outcome: r.outcome as Outcome | null,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  effect: json<EffectRecord>(r.effect),
});

const appealTo = (a: Appeal): ObjectionAppealRow => ({
  objection_id: a.objectionId,
  election_id: a.electionId,
  appellant: a.appellant,
  grounds: a.grounds,
  filed_at: a.filedAt,
  outcome: a.outcome,
  reason: a.reason,
  decided_by: a.decidedBy,
  decided_at: a.decidedAt,
  effect: a.effect === null ? null : JSON.stringify(a.effect),
  not_undone: a.notUndone,
});

const appealFrom = (r: ObjectionAppealRow): Appeal => ({
  objectionId: r.objection_id,
  electionId: r.election_id,
  appellant: r.appellant,
  grounds: r.grounds,
  filedAt: r.filed_at,
  outcome: r.outcome as Outcome | null,
  reason: r.reason,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  effect: json<EffectRecord>(r.effect),
  notUndone: r.not_undone,
});

const panelFrom = (r: AppealPanelRow): AppealPanel => ({
  orgId: r.org_id,
  members: json<string[]>(r.members) ?? [],
  appealDays: Number(r.appeal_days),
  setBy: r.set_by,
  setAt: r.set_at,
});

export function objectionRepo(ctx: RepoContext): ObjectionRepo {
  return {
    async insert(o) {
      await run(ctx, q.insert, { ...objectionTo(o) });
    },
    async update(o) {
      await run(ctx, q.update, { ...objectionTo(o) });
    },
    async list(electionId) {
      return (await all(ctx, q.list, { electionId })).map(objectionFrom);
    },
    async insertAppeal(a) {
      await run(ctx, q.insertAppeal, { ...appealTo(a) });
    },
    async updateAppeal(a) {
      await run(ctx, q.updateAppeal, { ...appealTo(a) });
    },
    async appeals(electionId) {
      return (await all(ctx, q.appeals, { electionId })).map(appealFrom);
    },
    async panel(orgId) {
      const row = await first(ctx, q.panel, { orgId });
      return row && panelFrom(row);
    },
    async setPanel(p) {
      await run(ctx, q.setPanel, {
        org_id: p.orgId,
        members: JSON.stringify(p.members),
        appeal_days: p.appealDays,
        set_by: p.setBy,
        set_at: p.setAt,
      });
    },
  };
}
