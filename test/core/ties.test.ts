import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';

describe('a tie for the last seat', () => {
  it('is reported as a tie and left to the organisers, never silently broken', async () => {
    const h = harness();
    await electionInVoting(h, 'plurality', 1, ['alice', 'bob', 'carol', 'dave']);
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('bob', 'cast 1 1 2');
    await h.ok('olga', 'voting close 1');
    const counted = await h.ok('olga', 'count 1');
    expect(counted).toMatch(/Elected: nobody/);
    expect(counted).toMatch(/Ties: round 1: Alice, Bob tied; left to the organisers/);
    expect(counted).toMatch(/Further round needed: a re-vote among Alice, Bob for 1 seat/);
    const stored = h.store.state.results[0].result;
    expect(stored.winners).toEqual([]);
    expect(stored.ties[0]).toMatchObject({ rule: 'organiser', chosen: [] });
  });

  it('is drawn by a recorded, replayable lot when the contest says so', async () => {
    const h = harness();
    await h.ok('olga', 'create Lot');
    await h.ok('olga', 'contest add 1 Chair 1 plurality tie-break=lot');
    await h.ok('olga', 'roll add 1 @alice @bob @carol @dave');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Chair');
    await h.ok('carol', 'second 1 1');
    await h.ok('bob', 'nominate 1 Chair');
    await h.ok('dave', 'second 1 2');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'review approve 1 2');
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('bob', 'cast 1 1 2');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const first = h.store.state.results[0].result;
    expect(first.winners).toHaveLength(1);
    expect(first.ties[0]).toMatchObject({ rule: 'lot', seed: `${h.store.state.elections[0].id}:1` });
    // a recount draws the same lot
    h.store.state.elections[0].phase = 'closed';
    await h.ok('olga', 'count 1');
    expect(h.store.state.results[0].result.winners).toEqual(first.winners);
  });
});
