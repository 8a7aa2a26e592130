// What paper and mail ballots store, on every store (issue 13): voters marked and re-marked, one issue
// and one return per member and round, batches numbered once per election, and a contest's ballots
// read only from confirmed batches, in the order of their random ids, with no member anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/kit/store.js';
import type { PaperBallot, PaperBatch } from '../../src/core/paper/paper.types.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { T0, seed } from './fixtures.js';

const batch = (electionId: string, contestId: string, number: number, id: string): PaperBatch => ({
  id,
  electionId,
  contestId,
  number,
  channel: 'paper',
  status: 'entered',
  ballots: 2,
  enteredBy: 'sam',
  enteredAt: T0,
  checkedBy: null,
  checkedAt: null,
  note: null,
  settledBy: null,
});

const ballot = (id: string, batchId: string, contestId: string, content: string): PaperBallot => ({
  id,
  batchId,
  contestId,
  content,
  spoilt: null,
});

describe.each(storeTargets)('paper ballots on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  it('keeps who votes on paper, what was issued and returned, one of each per member and round', async () => {
    const { election } = await seed(store, 1);
    const e = election.id;
    await store.transaction(async (tx) => {
      await tx.paper.putVoter({
        electionId: e,
        memberId: 'b',
        channel: 'paper',
        markedBy: 'o',
        markedAt: T0,
      });
      await tx.paper.putVoter({
        electionId: e,
        memberId: 'a',
        channel: 'paper',
        markedBy: 'o',
        markedAt: T0,
      });
      await tx.paper.putVoter({ electionId: e, memberId: 'b', channel: 'mail', markedBy: 'b', markedAt: T0 });
      await tx.paper.putIssue({
        electionId: e,
        round: 1,
        memberId: 'a',
        channel: 'paper',
        issuedBy: 'o',
        issuedAt: T0,
      });
      await tx.paper.putIssue({
        electionId: e,
        round: 1,
        memberId: 'a',
        channel: 'mail',
        issuedBy: 'o',
        issuedAt: T0,
      });
      await tx.paper.addReturn({
        electionId: e,
        round: 1,
        memberId: 'a',
        channel: 'mail',
        receivedAt: T0,
        recordedBy: 's',
        late: true,
      });
    });
    const voters = await store.transaction((tx) => tx.paper.voters(e));
    expect(voters.map((v) => [v.memberId, v.channel, v.markedBy])).toEqual([
      ['a', 'paper', 'o'],
      ['b', 'mail', 'b'],
    ]);
    expect((await store.transaction((tx) => tx.paper.issues(e))).map((i) => i.channel)).toEqual(['mail']);
    expect(await store.transaction((tx) => tx.paper.getReturn(e, 1, 'a'))).toMatchObject({ late: true });
    expect(await store.transaction((tx) => tx.paper.getReturn(e, 2, 'a'))).toBeUndefined();
    await expect(
      store.transaction((tx) =>
        tx.paper.addReturn({
          electionId: e,
          round: 1,
          memberId: 'a',
          channel: 'mail',
          receivedAt: T0,
          recordedBy: 's',
          late: false,
        }),
      ),
    ).rejects.toThrow();
    expect(await store.transaction((tx) => tx.paper.removeVoter(e, 'a'))).toBe(true);
    expect((await store.transaction((tx) => tx.paper.voters(e))).map((v) => v.memberId)).toEqual(['b']);
  });

  it('reads a contest’s ballots from confirmed batches only, in id order, and numbers batches once', async () => {
    const { election, contests } = await seed(store, 1);
    const [c] = contests.map((x) => x.id) as [string];
    const one = batch(election.id, c, 1, `${election.id}-b1`);
    const two = batch(election.id, c, 2, `${election.id}-b2`);
    await store.transaction(async (tx) => {
      await tx.paper.addBatch(one, [ballot('zz', one.id, c, '1'), ballot('aa', one.id, c, '2')]);
      await tx.paper.addBatch(two, [{ ...ballot('mm', two.id, c, ''), spoilt: 'unreadable' }]);
    });
    expect(await store.transaction((tx) => tx.paper.confirmedBallots(c))).toEqual([]);
    await store.transaction((tx) =>
      tx.paper.updateBatch({ ...one, status: 'confirmed', checkedBy: 'tess', checkedAt: T0 }),
    );
    expect(
      (await store.transaction((tx) => tx.paper.confirmedBallots(c))).map((b) => [
        b.id,
        b.content,
        b.channel,
      ]),
    ).toEqual([
      ['aa', '2', 'paper'],
      ['zz', '1', 'paper'],
    ]);
    await store.transaction((tx) =>
      tx.paper.updateBatch({ ...two, status: 'confirmed', checkedBy: 'tess', checkedAt: T0 }),
    );
    const all = await store.transaction((tx) => tx.paper.confirmedBallots(c));
    expect(all.map((b) => b.spoilt)).toEqual([null, 'unreadable', null]);
    expect(
      (await store.transaction((tx) => tx.paper.batches(election.id))).map((b) => [b.number, b.checkedBy]),
    ).toEqual([
      [1, 'tess'],
      [2, 'tess'],
    ]);
    await expect(
      store.transaction((tx) => tx.paper.addBatch(batch(election.id, c, 2, `${election.id}-b3`), [])),
    ).rejects.toThrow();
  });
});
