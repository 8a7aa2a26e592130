// Domain objects for storage tests, each with fresh random ids so tests sharing a database never collide.
import type { Contest, Election } from '../../src/core/shared/election.types.js';
import type { Organisation } from '../../src/core/shared/org.types.js';
import type { OutboundMessage } from '../../src/core/delivery/outbound.types.js';
import type { Store } from '../../src/core/kit/store.js';
import { randomId } from './databases.js';

export const T0 = '2026-11-23T10:00:00.000Z';

export function makeOrg(over: Partial<Organisation> = {}): Organisation {
  return {
    id: randomId('org_'),
    platform: 'slack',
    platformOrgId: randomId('T'),
    name: 'Residents Association',
    defaultLocale: 'en',
    language: null,
    timeZone: null,
    createdAt: T0,
    ...over,
  };
}

export function makeElection(orgId: string, number: number, over: Partial<Election> = {}): Election {
  return {
    id: randomId('el_'),
    orgId,
    number,
    title: `Committee ${number}`,
    channelId: 'C100',
    phase: 'draft',
    createdBy: 'U1',
    settings: { seconders: 1, selfNomination: true, objectionDays: 3 },
    cancelReason: null,
    phaseSince: T0,
    createdAt: T0,
    ...over,
  };
}

export function makeContest(electionId: string, number: number, over: Partial<Contest> = {}): Contest {
  return {
    id: randomId('ct_'),
    electionId,
    number,
    name: `Seat ${number}`,
    seats: 1,
    method: 'plurality',
    options: { order: 'shuffled' },
    ...over,
  };
}

export function makeMessage(org: Organisation, over: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    id: randomId('msg_'),
    orgId: org.id,
    platform: org.platform,
    platformOrgId: org.platformOrgId,
    destination: { kind: 'dm', memberId: 'U9' },
    body: { text: 'Your ballot is ready', tone: 'info' },
    dedupeKey: randomId('k_'),
    purpose: 'ballot',
    status: 'pending',
    attempts: 0,
    notBefore: T0,
    createdAt: T0,
    ...over,
  };
}

export interface Seeded {
  org: Organisation;
  election: Election;
  contests: Contest[];
}

/** An organisation with one election and `contestCount` contests, committed. */
export async function seed(store: Store, contestCount = 2): Promise<Seeded> {
  const org = makeOrg();
  const election = makeElection(org.id, 1);
  const contests = Array.from({ length: contestCount }, (_, i) => makeContest(election.id, i + 1));
  await store.transaction(async (tx) => {
    await tx.orgs.insert(org);
    await tx.elections.insert(election);
    for (const c of contests) await tx.contests.insert(c);
  });
  return { org, election, contests };
}
