import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

const consoleOrg = { platform: 'console' as const, platformOrgId: 'console' };

describe('read-only election queries', () => {
  it("lists an organisation's elections newest first, and an election's contests in order", async () => {
    const h = harness();
    await h.ok('olga', 'create "Club AGM"');
    await h.ok('olga', 'create Treasurer');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'contest add 1 Secretary 1 irv');
    expect(await h.core.elections(consoleOrg)).toEqual([
      { number: 2, title: 'Treasurer', phase: 'draft' },
      { number: 1, title: 'Club AGM', phase: 'draft' },
    ]);
    expect(await h.core.contests({ ...consoleOrg, election: 1 })).toEqual([
      { number: 1, name: 'Chair' },
      { number: 2, name: 'Secretary' },
    ]);
    expect(await h.core.contests({ ...consoleOrg, election: 2 })).toEqual([]);
  });

  it('answers [] for an organisation or election it does not know, and registers nothing', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const before = h.store.rowCounts();
    expect(await h.core.elections({ platform: 'discord', platformOrgId: '42' })).toEqual([]);
    expect(await h.core.contests({ platform: 'discord', platformOrgId: '42', election: 1 })).toEqual([]);
    expect(await h.core.contests({ ...consoleOrg, election: 9 })).toEqual([]);
    expect(h.store.rowCounts()).toEqual(before);
  });
});
