import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Nomination } from '../../src/core/nominations/nomination.types.js';
import type { RollEntry } from '../../src/core/roll/roll.types.js';
import type { Store } from '../../src/core/kit/store.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { T0, makeContest, makeElection, makeOrg, seed } from './fixtures.js';

describe.each(storeTargets)('organisation and election repositories on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  it('stores organisations and finds them by id and by platform id', async () => {
    const org = makeOrg({ platform: 'discord', defaultLocale: 'zh-Hans' });
    const other = makeOrg({ platform: 'slack', platformOrgId: org.platformOrgId });
    await store.transaction(async (tx) => {
      await tx.orgs.insert(org);
      await tx.orgs.insert(other);
    });
    await store.transaction(async (tx) => {
      expect(await tx.orgs.get(org.id)).toEqual(org);
      expect(await tx.orgs.findByPlatform('discord', org.platformOrgId)).toEqual(org);
      expect(await tx.orgs.findByPlatform('slack', org.platformOrgId)).toEqual(other);
      expect(await tx.orgs.findByPlatform('console', org.platformOrgId)).toBeUndefined();
      expect(await tx.orgs.get('nope')).toBeUndefined();
    });
    // One organisation per platform id.
    await expect(
      store.transaction((tx) =>
        tx.orgs.insert(makeOrg({ platform: 'discord', platformOrgId: org.platformOrgId })),
      ),
    ).rejects.toThrow();
  });

  it("keeps the organisers' language and the platform's default apart", async () => {
    const org = makeOrg({ platform: 'discord' });
    await store.transaction((tx) => tx.orgs.insert(org));
    await store.transaction(async (tx) => {
      await tx.orgs.setLanguage(org.id, 'zh-Hans');
      await tx.orgs.setDefaultLocale(org.id, 'zh-Hans');
      await tx.orgs.setLanguage(org.id, 'en');
    });
    expect(await store.transaction((tx) => tx.orgs.get(org.id))).toEqual({
      ...org,
      defaultLocale: 'zh-Hans',
      language: 'en',
    });
    await store.transaction((tx) => tx.orgs.setLanguage(org.id, null));
    expect((await store.transaction((tx) => tx.orgs.get(org.id)))?.language).toBeNull();
  });

  it('upserts members: the latest name and locale win', async () => {
    const org = makeOrg();
    await store.transaction((tx) => tx.orgs.insert(org));
    await store.transaction(async (tx) => {
      expect(await tx.members.get(org.id, 'U1')).toBeUndefined();
      await tx.members.upsert({
        orgId: org.id,
        memberId: 'U1',
        displayName: 'Ann',
        locale: null,
        updatedAt: T0,
      });
      // a member written without a zone (as from a platform that tells none) reads back with null
      expect(await tx.members.get(org.id, 'U1')).toEqual({
        orgId: org.id,
        memberId: 'U1',
        displayName: 'Ann',
        locale: null,
        timeZone: null,
        updatedAt: T0,
      });
      const later = {
        orgId: org.id,
        memberId: 'U1',
        displayName: '安',
        locale: 'zh-CN',
        timeZone: null,
        updatedAt: '2026-11-24T00:00:00.000Z',
      };
      await tx.members.upsert(later);
      expect(await tx.members.get(org.id, 'U1')).toEqual(later);
      expect(await tx.members.get(org.id, 'U2')).toBeUndefined();
    });
  });

  it('reads many members at once: those known, of this organisation only', async () => {
    const org = makeOrg();
    const other = makeOrg();
    const member = (orgId: string, memberId: string) => ({
      orgId,
      memberId,
      displayName: memberId,
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
      updatedAt: T0,
    });
    // more than one read's slice (500), so the slices are joined
    const ids = Array.from({ length: 1100 }, (_, i) => `M${String(i).padStart(4, '0')}`);
    await store.transaction(async (tx) => {
      await tx.orgs.insert(org);
      await tx.orgs.insert(other);
      for (const id of ids) await tx.members.upsert(member(org.id, id));
      await tx.members.upsert(member(other.id, 'X1'));
    });
    const byId = (a: { memberId: string }, b: { memberId: string }) => (a.memberId < b.memberId ? -1 : 1);
    await store.transaction(async (tx) => {
      expect(await tx.members.getMany(org.id, [])).toEqual([]);
      expect((await tx.members.getMany(org.id, ['M0003', 'nobody', 'X1', 'M0001'])).sort(byId)).toEqual([
        member(org.id, 'M0001'),
        member(org.id, 'M0003'),
      ]);
      const all = await tx.members.getMany(org.id, [...ids, 'nobody']);
      expect(all.sort(byId)).toEqual(ids.map((id) => member(org.id, id)));
      expect(await tx.members.getMany(other.id, ['X1', 'M0001'])).toEqual([member(other.id, 'X1')]);
    });
  });

  it('stores, finds, lists newest first, numbers and updates elections', async () => {
    const org = makeOrg();
    const first = makeElection(org.id, 1);
    const second = makeElection(org.id, 2, {
      channelId: null,
      settings: { seconders: 0, selfNomination: false, objectionDays: 7 },
    });
    await store.transaction(async (tx) => {
      await tx.orgs.insert(org);
      expect(await tx.elections.maxNumber(org.id)).toBe(0);
      expect(await tx.elections.list(org.id)).toEqual([]);
      await tx.elections.insert(first);
      await tx.elections.insert(second);
    });
    await store.transaction(async (tx) => {
      expect(await tx.elections.get(second.id)).toEqual(second);
      expect(await tx.elections.findByNumber(org.id, 1)).toEqual(first);
      expect(await tx.elections.findByNumber(org.id, 3)).toBeUndefined();
      expect(await tx.elections.findByNumber('other-org', 1)).toBeUndefined();
      expect(await tx.elections.list(org.id)).toEqual([second, first]);
      expect(await tx.elections.maxNumber(org.id)).toBe(2);
      expect(await tx.elections.findByNumberLocked(org.id, 1)).toEqual(first);
      const cancelled = {
        ...first,
        phase: 'cancelled' as const,
        cancelReason: 'postponed',
        phaseSince: '2026-11-24T00:00:00.000Z',
        title: 'Renamed',
      };
      await tx.elections.update(cancelled);
      expect(await tx.elections.get(first.id)).toEqual(cancelled);
      expect(await tx.elections.get(second.id)).toEqual(second);
    });
    // Numbers are unique per organisation.
    await expect(store.transaction((tx) => tx.elections.insert(makeElection(org.id, 2)))).rejects.toThrow();
  });

  it('lists contests in number order with their options', async () => {
    const { election } = await seed(store, 0);
    const c2 = makeContest(election.id, 2, { method: 'irv', seats: 1, options: { order: 'alphabetical' } });
    const c1 = makeContest(election.id, 1, { method: 'stv-meek', seats: 3, options: {} });
    await store.transaction(async (tx) => {
      await tx.contests.insert(c2);
      await tx.contests.insert(c1);
    });
    // a contest is round 1 of nothing unless it says otherwise, on every store
    const first = { round: 1, parentId: null };
    expect(await store.transaction((tx) => tx.contests.list(election.id))).toEqual([
      { ...c1, ...first },
      { ...c2, ...first },
    ]);
    expect(await store.transaction((tx) => tx.contests.list('none'))).toEqual([]);
  });

  it('adds roles once each', async () => {
    const { election } = await seed(store, 0);
    await store.transaction(async (tx) => {
      await tx.roles.add({ electionId: election.id, memberId: 'U2', role: 'scrutineer' });
      await tx.roles.add({ electionId: election.id, memberId: 'U1', role: 'organiser' });
      await tx.roles.add({ electionId: election.id, memberId: 'U1', role: 'organiser' });
      await tx.roles.add({ electionId: election.id, memberId: 'U1', role: 'scrutineer' });
    });
    expect(await store.transaction((tx) => tx.roles.list(election.id))).toEqual([
      { electionId: election.id, memberId: 'U1', role: 'organiser' },
      { electionId: election.id, memberId: 'U1', role: 'scrutineer' },
      { electionId: election.id, memberId: 'U2', role: 'scrutineer' },
    ]);
  });

  it('keeps the roll: upsert replaces, list is by member id in byte order, remove says whether it removed', async () => {
    const { election } = await seed(store, 0);
    const entry = (memberId: string, over: Partial<RollEntry> = {}): RollEntry => ({
      electionId: election.id,
      memberId,
      weight: 1,
      status: 'eligible',
      reason: null,
      addedBy: 'U1',
      addedAt: T0,
      ...over,
    });
    await store.transaction(async (tx) => {
      await tx.roll.upsert(entry('b'));
      await tx.roll.upsert(entry('U9', { weight: 2.5 }));
      await tx.roll.upsert(entry('a'));
      await tx.roll.upsert(entry('b', { status: 'ineligible', reason: 'moved away', weight: 0 }));
    });
    await store.transaction(async (tx) => {
      expect(await tx.roll.get(election.id, 'U9')).toEqual(entry('U9', { weight: 2.5 }));
      expect(await tx.roll.get(election.id, 'zz')).toBeUndefined();
      // Byte order: upper case before lower case, whatever the PostgreSQL collation.
      expect((await tx.roll.list(election.id)).map((e) => e.memberId)).toEqual(['U9', 'a', 'b']);
      expect(await tx.roll.get(election.id, 'b')).toEqual(
        entry('b', { status: 'ineligible', reason: 'moved away', weight: 0 }),
      );
      expect(await tx.roll.remove(election.id, 'a')).toBe(true);
      expect(await tx.roll.remove(election.id, 'a')).toBe(false);
      expect((await tx.roll.list(election.id)).map((e) => e.memberId)).toEqual(['U9', 'b']);
    });
  });

  it('stores nominations and their seconders', async () => {
    const { election, contests } = await seed(store, 1);
    const nomination = (number: number, over: Partial<Nomination> = {}): Nomination => ({
      id: `${election.id}-n${number}`,
      electionId: election.id,
      contestId: contests[0]!.id,
      number,
      nominee: `U${number}`,
      nominator: 'U1',
      statement: null,
      status: 'seconding',
      reason: null,
      candidateNumber: null,
      createdAt: T0,
      updatedAt: T0,
      ...over,
    });
    await store.transaction(async (tx) => {
      expect(await tx.nominations.maxNumber(election.id)).toBe(0);
      await tx.nominations.insert(nomination(2, { statement: '为大家服务' }));
      await tx.nominations.insert(nomination(1));
    });
    await store.transaction(async (tx) => {
      expect(await tx.nominations.maxNumber(election.id)).toBe(2);
      expect(await tx.nominations.get(election.id, 2)).toEqual(nomination(2, { statement: '为大家服务' }));
      expect(await tx.nominations.get(election.id, 3)).toBeUndefined();
      expect((await tx.nominations.list(election.id)).map((n) => n.number)).toEqual([1, 2]);
      const approved = nomination(1, {
        status: 'approved',
        candidateNumber: 4,
        updatedAt: '2026-11-24T00:00:00.000Z',
      });
      await tx.nominations.update(approved);
      expect(await tx.nominations.get(election.id, 1)).toEqual(approved);

      const id = nomination(1).id;
      await tx.nominations.addSeconder({ nominationId: id, memberId: 'U7', at: '2026-11-23T11:00:00.000Z' });
      await tx.nominations.addSeconder({ nominationId: id, memberId: 'U5', at: '2026-11-23T10:30:00.000Z' });
      await tx.nominations.addSeconder({ nominationId: id, memberId: 'U7', at: '2026-11-23T12:00:00.000Z' });
      expect(await tx.nominations.seconders(id)).toEqual([
        { nominationId: id, memberId: 'U5', at: '2026-11-23T10:30:00.000Z' },
        { nominationId: id, memberId: 'U7', at: '2026-11-23T11:00:00.000Z' },
      ]);
      expect(await tx.nominations.seconders(nomination(2).id)).toEqual([]);
    });
  });
});
