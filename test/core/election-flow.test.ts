import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';

describe('a whole election through the registry', () => {
  it('runs from draft to certified with nominations, seconders, a rejection, a changed vote and a count', async () => {
    const h = harness();
    await h.ok('olga', 'create "Staff council 2026"');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'roll add 1 @alice @bob @carol @dave @erin @frank');
    await h.ok('olga', 'scrutineer add 1 @sam');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Chair statement="Fair pay for all"');
    await h.ok('bob', 'second 1 1');
    await h.ok('carol', 'nominate 1 Chair @dave');
    await h.ok('erin', 'second 1 2');
    await h.ok('dave', 'accept 1 2');
    await h.ok('frank', 'nominate 1 Chair');
    await h.ok('alice', 'second 1 3');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'review approve 1 2');
    await h.ok('olga', 'review reject 1 3 not a member of the branch');
    const rejected = h.store.state.outbox.find(
      (m) =>
        m.destination.kind === 'dm' && m.destination.memberId === 'frank' && m.dedupeKey.includes('rejected'),
    );
    expect(rejected?.body.text).toContain('not a member of the branch');
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    // every eligible voter gets one ballot DM with a Vote button
    const dms = h.store.state.outbox.filter((m) => m.purpose === 'ballot');
    expect(dms.map((m) => (m.destination.kind === 'dm' ? m.destination.memberId : '')).sort()).toEqual([
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
      'frank',
    ]);
    expect(dms[0].body.actions?.[0]).toMatchObject({ command: 'ballot.get', args: { election: '1' } });

    // candidate 1 = alice (nominated first), 2 = dave
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('bob', 'cast 1 1 1');
    await h.ok('carol', 'cast 1 1 2');
    await h.ok('dave', 'cast 1 1 2');
    await h.ok('erin', 'cast 1 1 2');
    const changed = await h.ok('erin', 'cast 1 1 1');
    expect(changed).toMatch(/replaces/);
    await h.ok('olga', 'voting close 1');
    const ballotRows = h.store.state.ballots.map((b) => b.content).sort();
    expect(ballotRows).toEqual(['1', '1', '1', '2', '2']);
    await h.ok('olga', 'count 1');
    const early = await h.run('olga', 'announce 1');
    expect(early.kind).toBe('domain-error');
    // the ballots are the count: hidden, like it, until the scrutineer has confirmed it (C12)
    expect((await h.run('frank', 'voting ballots 1')).kind).toBe('domain-error');
    await h.ok('sam', 'count confirm 1');
    // then published for anyone to check and recount: receipts apart from ballots, no links
    const published = await h.ok('frank', 'voting ballots 1');
    expect(published).toContain('Receipts (5)');
    expect(published).toMatch(/Chair: 5 ballot\(s\): [12](?:\n[12]){4}/);
    expect(await h.ok('olga', 'announce 1')).toMatch(/^Posted in <#general>: Results/);
    // one event, one post: the results are in the channel notice, once
    const notices = h.store.state.outbox.filter((m) => m.purpose === 'results');
    expect(notices).toHaveLength(1);
    const announced = [
      notices[0]!.body.text,
      ...(notices[0]!.body.fields ?? []).map((f) => `${f.label}: ${f.value}`),
    ].join('\n');
    expect(announced).toContain('Alice: 3 ✓');
    expect(announced).toContain('Dave: 2');
    expect(announced).toContain('eligible 6, ballots issued 6, cast 5');
    expect(announced).toContain('valid 5 (of which blank 0), invalid 0');
    const tooSoon = await h.run('olga', 'certify 1');
    expect(tooSoon.kind).toBe('domain-error');
    h.clock.advance(3 * 86_400_000);
    await h.ok('olga', 'certify 1');
    expect(await h.ok('olga', 'audit verify 1')).toMatch(/intact/);
  });

  it('keeps exactly one counted ballot for 200 concurrent casts by one voter', async () => {
    const h = harness();
    await electionInVoting(h);
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => h.run('alice', `cast 1 1 ${(i % 2) + 1}`)),
    );
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect(h.store.state.castBallots).toHaveLength(1);
    expect(h.store.state.receipts).toHaveLength(1);
    // the last one counts: the 200th cast chose candidate 2 (readable only once the close decrypts it)
    await h.ok('olga', 'voting close 1');
    expect(h.store.state.ballots).toHaveLength(1);
    expect(h.store.state.ballots[0].content).toBe('2');
  });

  it('refuses a vote from someone not on the roll and records nothing', async () => {
    const h = harness();
    await electionInVoting(h);
    const before = h.store.rowCounts();
    const r = await h.run('mallory', 'cast 1 1 1');
    expect(r).toMatchObject({ kind: 'domain-error', code: 'ballot.not_on_roll' });
    expect(r.reply.body.text).toMatch(/not on the roll/);
    expect(h.store.rowCounts()).toEqual(before);
  });
});
