// What objections store, on every store (issue 14): objections numbered once per election and listed
// in number order, their decision and effect (JSON) read back as written while what was filed stays as
// filed, one appeal per objection, and one appeal panel per organisation, replaced when set again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/kit/store.js';
import type { Appeal, Objection } from '../../src/core/objections/objection.types.js';
import { type OpenedStore, openTestStore, randomId, storeTargets } from './databases.js';
import { T0, seed } from './fixtures.js';

const objection = (electionId: string, number: number, over: Partial<Objection> = {}): Objection => ({
  id: randomId('ob_'),
  electionId,
  number,
  period: 'result',
  contestId: null,
  memberId: null,
  about: 'Seat 1',
  grounds: 'the canteen table',
  evidence: null,
  objector: 'U7',
  named: false,
  filedAt: T0,
  dueAt: '2026-11-26T10:00:00.000Z',
  investigator: null,
  assignedAt: null,
  findings: [],
  outcome: null,
  reason: null,
  decidedBy: null,
  decidedAt: null,
  effect: null,
  ...over,
});

const appeal = (o: Objection, over: Partial<Appeal> = {}): Appeal => ({
  objectionId: o.id,
  electionId: o.electionId,
  appellant: 'U8',
  grounds: 'supervised',
  filedAt: T0,
  outcome: null,
  reason: null,
  decidedBy: null,
  decidedAt: null,
  effect: null,
  notUndone: null,
  ...over,
});

describe.each(storeTargets)('objections on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  it('numbers objections once per election, lists them in number order, and keeps a decision', async () => {
    const { election, contests } = await seed(store, 1);
    const e = election.id;
    const two = objection(e, 2, {
      contestId: contests[0].id,
      evidence: 'https://example.org/x',
      named: true,
    });
    const one = objection(e, 1, { period: 'roll', memberId: 'U9', about: 'roll' });
    await store.transaction(async (tx) => {
      await tx.objections.insert(two);
      await tx.objections.insert(one);
    });
    await expect(store.transaction((tx) => tx.objections.insert(objection(e, 1)))).rejects.toThrow();
    const decided: Objection = {
      ...two,
      // an update changes the investigation and the decision only
      grounds: 'rewritten',
      investigator: 'U5',
      assignedAt: T0,
      findings: [{ at: T0, by: 'U5', text: 'three voters confirm it' }],
      outcome: 'upheld',
      reason: 'secrecy broken',
      decidedBy: 'U5',
      decidedAt: T0,
      effect: {
        effect: 'void',
        voided: [{ contestId: contests[0].id, round: 1, before: { winners: [0], seats: 1 } }],
      },
    };
    await store.transaction((tx) => tx.objections.update(decided));
    const listed = await store.transaction((tx) => tx.objections.list(e));
    expect(listed.map((o) => o.number)).toEqual([1, 2]);
    expect(listed[0]).toEqual(one);
    expect(listed[1]).toEqual({ ...decided, grounds: 'the canteen table' });
  });

  it('keeps one appeal per objection, and its final decision', async () => {
    const { election } = await seed(store, 1);
    const o = objection(election.id, 1);
    await store.transaction(async (tx) => {
      await tx.objections.insert(o);
      await tx.objections.insertAppeal(appeal(o));
    });
    await expect(store.transaction((tx) => tx.objections.insertAppeal(appeal(o)))).rejects.toThrow();
    const final = appeal(o, {
      outcome: 'upheld',
      reason: 'eligible after all',
      decidedBy: 'U6',
      decidedAt: T0,
      effect: { effect: 'roll', member: 'U9', status: 'eligible', rollBefore: null },
      notUndone: 'objection.undo_rerun',
    });
    await store.transaction((tx) => tx.objections.updateAppeal(final));
    expect(await store.transaction((tx) => tx.objections.appeals(election.id))).toEqual([final]);
  });

  it('keeps one appeal panel per organisation, replaced when set again', async () => {
    const { org } = await seed(store, 1);
    expect(await store.transaction((tx) => tx.objections.panel(org.id))).toBeUndefined();
    const first = { orgId: org.id, members: ['U1', 'U2'], appealDays: 5, setBy: 'U1', setAt: T0 };
    await store.transaction((tx) => tx.objections.setPanel(first));
    const second = { ...first, members: ['U3'], appealDays: 7, setBy: 'U2' };
    await store.transaction((tx) => tx.objections.setPanel(second));
    expect(await store.transaction((tx) => tx.objections.panel(org.id))).toEqual(second);
  });
});
