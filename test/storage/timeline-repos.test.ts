// What the election timeline stores, on every store: an election's timetable (one time per step, set,
// replaced and removed, and only for an election that exists), and the organisation's and each member's
// time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimetableEntry } from '../../src/core/elections/timetable.types.js';
import type { Store } from '../../src/core/kit/store.js';
import { type OpenedStore, openTestStore, storeTargets } from './databases.js';
import { T0, makeElection, makeOrg, seed } from './fixtures.js';

const entry = (
  electionId: string,
  step: TimetableEntry['step'],
  at: string,
  setBy = 'U1',
): TimetableEntry => ({
  electionId,
  step,
  at,
  setBy,
  setAt: T0,
});
const byStep = (a: TimetableEntry, b: TimetableEntry) => (a.step < b.step ? -1 : a.step > b.step ? 1 : 0);

describe.each(storeTargets)('timetable and time zones on $label', (target) => {
  let opened: OpenedStore;
  let store: Store;
  beforeAll(async () => {
    opened = await openTestStore(target);
    store = opened.store;
  });
  afterAll(() => opened.dispose());

  const list = async (electionId: string) =>
    (await store.transaction((tx) => tx.timetable.list(electionId))).sort(byStep);

  it('puts, replaces, lists and removes the steps of each election apart', async () => {
    const { org, election } = await seed(store, 0);
    const other = makeElection(org.id, 2);
    await store.transaction((tx) => tx.elections.insert(other));
    expect(await list(election.id)).toEqual([]);

    const open = entry(election.id, 'voting-open', '2026-12-01T09:00:00.000Z');
    const close = entry(election.id, 'voting-close', '2026-12-03T09:00:00.000Z');
    const otherClose = entry(other.id, 'voting-close', '2026-12-05T17:00:00.000Z', 'U2');
    await store.transaction(async (tx) => {
      await tx.timetable.put(open);
      await tx.timetable.put(close);
      await tx.timetable.put(otherClose);
    });
    expect(await list(election.id)).toEqual([close, open].sort(byStep));
    expect(await list(other.id)).toEqual([otherClose]);

    // a step has one time: putting it again replaces the time and who set it, in its own election only
    const moved = {
      ...close,
      at: '2026-12-04T09:00:00.000Z',
      setBy: 'U3',
      setAt: '2026-11-24T08:00:00.000Z',
    };
    await store.transaction((tx) => tx.timetable.put(moved));
    expect(await list(election.id)).toEqual([moved, open].sort(byStep));
    expect(await list(other.id)).toEqual([otherClose]);

    await store.transaction((tx) => tx.timetable.remove(election.id, 'voting-close'));
    expect(await list(election.id)).toEqual([open]);
    expect(await list(other.id)).toEqual([otherClose]);
    // removing a step that has no time, or of an election with none, is no error
    await store.transaction(async (tx) => {
      await tx.timetable.remove(election.id, 'certify');
      await tx.timetable.remove('no-such-election', 'voting-open');
    });
    expect(await list(election.id)).toEqual([open]);
    expect(await list('no-such-election')).toEqual([]);
  });

  it('keeps every step of the timetable', async () => {
    const { election } = await seed(store, 0);
    const steps = [
      'roll-publish',
      'roll-objections-close',
      'nominations-open',
      'nominations-close',
      'candidates-publish',
      'voting-open',
      'voting-close',
      'certify',
    ] as const;
    const all = steps.map((s, i) =>
      entry(election.id, s, `2026-12-${String(i + 1).padStart(2, '0')}T09:00:00.000Z`),
    );
    await store.transaction(async (tx) => {
      for (const e of all) await tx.timetable.put(e);
    });
    expect(await list(election.id)).toEqual([...all].sort(byStep));
  });

  it('refuses a timetable for an election that does not exist, and the failed command writes nothing', async () => {
    const { election } = await seed(store, 0);
    await expect(
      store.transaction(async (tx) => {
        await tx.timetable.put(entry(election.id, 'voting-open', '2026-12-01T09:00:00.000Z'));
        await tx.timetable.put(entry('el_missing', 'voting-open', '2026-12-01T09:00:00.000Z'));
      }),
    ).rejects.toThrow();
    expect(await list(election.id)).toEqual([]);
    expect(await list('el_missing')).toEqual([]);
  });

  it("keeps the organisation's time zone, and clears it", async () => {
    const org = makeOrg();
    await store.transaction((tx) => tx.orgs.insert(org));
    expect((await store.transaction((tx) => tx.orgs.get(org.id)))?.timeZone).toBeNull();
    await store.transaction((tx) => tx.orgs.setTimeZone(org.id, 'Asia/Shanghai'));
    expect(await store.transaction((tx) => tx.orgs.get(org.id))).toEqual({
      ...org,
      timeZone: 'Asia/Shanghai',
    });
    expect(await store.transaction((tx) => tx.orgs.findByPlatform(org.platform, org.platformOrgId))).toEqual({
      ...org,
      timeZone: 'Asia/Shanghai',
    });
    // setting one organisation's zone leaves the others'
    const other = makeOrg({ timeZone: 'America/New_York' });
    await store.transaction((tx) => tx.orgs.insert(other));
    await store.transaction((tx) => tx.orgs.setTimeZone(org.id, 'Europe/London'));
    expect((await store.transaction((tx) => tx.orgs.get(other.id)))?.timeZone).toBe('America/New_York');
    expect((await store.transaction((tx) => tx.orgs.get(org.id)))?.timeZone).toBe('Europe/London');
    await store.transaction((tx) => tx.orgs.setTimeZone(org.id, null));
    expect(await store.transaction((tx) => tx.orgs.get(org.id))).toEqual(org);
    // the second process to meet a workspace gets the stored organisation, zone and all
    const racer = makeOrg({ platform: other.platform, platformOrgId: other.platformOrgId, timeZone: null });
    expect(await store.transaction((tx) => tx.orgs.insertIfAbsent(racer))).toEqual(other);
  });

  it('reads an organisation written without a language or zone with null for both', async () => {
    const { timeZone: _zone, language: _language, ...bare } = makeOrg();
    await store.transaction((tx) => tx.orgs.insert(bare));
    expect(await store.transaction((tx) => tx.orgs.get(bare.id))).toEqual({
      ...bare,
      language: null,
      timeZone: null,
    });
    const { timeZone: _z, language: _l, ...fresh } = makeOrg();
    expect(await store.transaction((tx) => tx.orgs.insertIfAbsent(fresh))).toEqual({
      ...fresh,
      language: null,
      timeZone: null,
    });
  });

  it("keeps each member's own time zone; the latest upsert wins", async () => {
    const org = makeOrg();
    await store.transaction((tx) => tx.orgs.insert(org));
    const ann = {
      orgId: org.id,
      memberId: 'U1',
      displayName: 'Ann',
      locale: 'en-GB',
      timeZone: 'Europe/London',
      updatedAt: T0,
    };
    const bo = { ...ann, memberId: 'U2', displayName: 'Bo', timeZone: 'Asia/Shanghai' };
    await store.transaction(async (tx) => {
      await tx.members.upsert(ann);
      await tx.members.upsert(bo);
    });
    expect(await store.transaction((tx) => tx.members.get(org.id, 'U1'))).toEqual(ann);
    expect(await store.transaction((tx) => tx.members.get(org.id, 'U2'))).toEqual(bo);
    const moved = { ...ann, timeZone: 'America/Los_Angeles', updatedAt: '2026-11-24T00:00:00.000Z' };
    await store.transaction((tx) => tx.members.upsert(moved));
    expect(await store.transaction((tx) => tx.members.get(org.id, 'U1'))).toEqual(moved);
    expect(await store.transaction((tx) => tx.members.get(org.id, 'U2'))).toEqual(bo);
    await store.transaction((tx) => tx.members.upsert({ ...moved, timeZone: null }));
    expect((await store.transaction((tx) => tx.members.get(org.id, 'U1')))?.timeZone).toBeNull();
  });
});
