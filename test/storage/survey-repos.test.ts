// What the feedback survey stores, on every store (issue 14): one salt per open survey, sealed answers
// and opened ones listed in the order of their random ids, and respondents only looked up and counted,
// one per member: a second answer is refused by the key itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/kit/store.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { seed } from './fixtures.js';

describe.each(storeTargets)('the survey on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  it('keeps the salt while open, sealed answers in id order, and deletes both', async () => {
    const { election } = await seed(store, 1);
    const e = election.id;
    await store.transaction(async (tx) => {
      expect(await tx.surveys.secret(e)).toBeUndefined();
      await tx.surveys.putSecret(e, { salt: 's', keyCheck: 'k' });
      for (const id of ['m', 'c', 'x']) await tx.surveys.addSealed({ id, electionId: e, sealed: `v1.${id}` });
    });
    await store.transaction(async (tx) => {
      expect(await tx.surveys.secret(e)).toEqual({ salt: 's', keyCheck: 'k' });
      expect((await tx.surveys.sealed(e)).map((a) => a.id)).toEqual(['c', 'm', 'x']);
      await tx.surveys.deleteSealed(e);
      await tx.surveys.deleteSecret(e);
    });
    await store.transaction(async (tx) => {
      expect(await tx.surveys.sealed(e)).toEqual([]);
      expect(await tx.surveys.secret(e)).toBeUndefined();
    });
  });

  it('writes the opened answers at once and reads them in id order, the comment apart', async () => {
    const { election } = await seed(store, 1);
    const e = election.id;
    await store.transaction((tx) =>
      tx.surveys.addAnswers([
        { id: 'q', electionId: e, satisfaction: 5, ease: 4, comment: '好' },
        { id: 'b', electionId: e, satisfaction: 1, ease: 2, comment: null },
      ]),
    );
    const answers = await store.transaction((tx) => tx.surveys.answers(e));
    expect(answers).toEqual([
      { id: 'b', electionId: e, satisfaction: 1, ease: 2, comment: null },
      { id: 'q', electionId: e, satisfaction: 5, ease: 4, comment: '好' },
    ]);
  });

  it('counts respondents and refuses a second answer from one member', async () => {
    const { election } = await seed(store, 1);
    const e = election.id;
    await store.transaction(async (tx) => {
      await tx.surveys.addRespondent(e, 'alice');
      await tx.surveys.addRespondent(e, 'bob');
    });
    await store.transaction(async (tx) => {
      expect(await tx.surveys.hasResponded(e, 'alice')).toBe(true);
      expect(await tx.surveys.hasResponded(e, 'carol')).toBe(false);
      expect(await tx.surveys.respondents(e)).toBe(2);
    });
    await expect(store.transaction((tx) => tx.surveys.addRespondent(e, 'alice'))).rejects.toThrow();
    expect(await store.transaction((tx) => tx.surveys.respondents(e))).toBe(2);
  });
});
