import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/core/audit/audit.rules.js';
import { electionInVoting, harness } from './harness.js';

async function chain() {
  const h = harness();
  await electionInVoting(h);
  await h.ok('alice', 'cast 1 1 1');
  return { h, entries: h.store.state.audit.filter((a) => a.electionId === h.store.state.elections[0].id) };
}

describe('audit chain', () => {
  it('is intact after a real election and covers every state change', async () => {
    const { entries } = await chain();
    expect(verifyChain(entries)).toEqual({ ok: true, entries: entries.length });
    expect(entries.map((e) => e.event)).toEqual(
      expect.arrayContaining([
        'election.created',
        'contest.added',
        'roll.added',
        'nomination.created',
        'nomination.seconded',
        'nomination.approved',
        'phase.voting',
        'ballot.cast',
      ]),
    );
  });

  it('names the first edited entry', async () => {
    const { entries } = await chain();
    const tampered = entries.map((e, i) =>
      i === 3 ? { ...e, data: { ...e.data, members: '@mallory' } } : e,
    );
    expect(verifyChain(tampered)).toEqual({ ok: false, seq: 4, problem: 'edited' });
  });

  it('names a removed entry', async () => {
    const { entries } = await chain();
    expect(verifyChain(entries.filter((_, i) => i !== 5))).toEqual({ ok: false, seq: 6, problem: 'removed' });
  });

  it('names entries put out of order', async () => {
    const { entries } = await chain();
    const swapped = [...entries];
    [swapped[2], swapped[3]] = [
      { ...swapped[3], seq: 3 },
      { ...swapped[2], seq: 4 },
    ];
    const check = verifyChain(swapped);
    expect(check).toMatchObject({ ok: false, seq: 3 });
  });

  it('never holds ballot content or links a voter to a ballot', async () => {
    const { h, entries } = await chain();
    const cast = entries.filter((e) => e.event === 'ballot.cast');
    expect(cast).toHaveLength(1);
    expect(Object.keys(cast[0].data)).toEqual(['contest']);
    const ballot = h.store.state.castBallots[0];
    const serialised = JSON.stringify(entries);
    expect(serialised).not.toContain(ballot.id);
    expect(serialised).not.toContain(ballot.link);
    expect(serialised).not.toContain(ballot.sealed);
  });
});
