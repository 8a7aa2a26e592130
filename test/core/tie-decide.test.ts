// Ties the organisers settle (issue 12): the count stops at the tie and tells them; `/election tie
// decide` settles it, audited, and the count runs again with it; nothing is announced while a tie is
// open, and a confirmation given before the decision no longer stands.
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness, type Harness } from './harness.js';

async function tiedCount(h: Harness) {
  await electionInVoting(h, 'plurality', 1, ['alice', 'bob', 'carol', 'dave']);
  await h.ok('olga', 'scrutineer add 1 @sam');
  await h.ok('alice', 'cast 1 1 1');
  await h.ok('bob', 'cast 1 1 2');
  await h.ok('olga', 'voting close 1');
  return h.ok('olga', 'count 1');
}

const dms = (h: Harness, member: string) =>
  h.store.state.outbox
    .filter((m) => m.destination.kind === 'dm' && m.destination.memberId === member)
    .map((m) => m.body.text);

describe('a tie left to the organisers', () => {
  it('stops the count, tells the organisers how to settle it, and holds the announcement', async () => {
    const h = harness();
    const counted = await tiedCount(h);
    expect(counted).toContain(
      'Round 1 of Secretary: Alice, Bob are tied. Choose 1 to elect: /election tie decide 1 1 <candidate> (or lot).',
    );
    expect(dms(h, 'olga').some((t) => t.includes('stopped at a tie the organisers must settle'))).toBe(true);
    await h.ok('sam', 'count confirm 1');
    const held = await h.run('olga', 'announce 1');
    expect(held.kind).toBe('domain-error');
    expect(held.reply.body.text).toMatch(/^The result cannot be announced yet\. Round 1 of Secretary/);
    expect(h.store.state.elections[0].phase).toBe('counted');
  });

  it('is settled by the organisers’ choice, audited, counted again, and confirmed again', async () => {
    const h = harness();
    await tiedCount(h);
    await h.ok('sam', 'count confirm 1');
    // only organisers decide, only among the tied, and exactly as many as the tie needs
    expect((await h.run('sam', 'tie decide 1 Secretary 1')).kind).toBe('forbidden');
    const wrong = await h.run('olga', 'tie decide 1 Secretary 1,2');
    expect(wrong.reply.body.text).toBe('Choose 1 of Alice, Bob to elect.');
    expect((await h.run('olga', 'tie decide 1 Secretary @zed')).reply.body.text).toBe(
      '“@zed” is not a candidate in this contest.',
    );
    const decided = await h.ok(
      'olga',
      'tie decide 1 Secretary @bob reason="the branch rules give it to the elder"',
    );
    expect(decided).toContain('Secretary: of Alice, Bob, the organisers chose Bob to elect.');
    // the election has a scrutineer: the new count is theirs to see first, so the organiser is not told who won
    expect(decided).toContain(
      'Secretary: the tie is settled and the contest counted again; the scrutineers see and confirm the new count before anyone else.',
    );
    expect(decided).not.toContain('Elected');
    const entry = h.store.state.audit.find((a) => a.event === 'tie.decided');
    expect(entry?.actor).toBe('olga');
    expect(entry?.data).toMatchObject({
      contest: 1,
      round: 1,
      purpose: 'last-seat',
      candidates: '0,1',
      chosen: '1',
      how: 'organisers',
      reason: 'the branch rules give it to the elder',
    });
    const result = h.store.state.results[0].result;
    expect(result.winners).toEqual([1]);
    expect(result.furtherRound).toBeUndefined();
    // sam confirmed the count before it changed: that confirmation no longer stands
    expect((await h.run('olga', 'announce 1')).reply.body.text).toMatch(/confirm/i);
    expect(dms(h, 'sam').filter((t) => t.includes('count confirm 1'))).toHaveLength(2);
    await h.ok('sam', 'count confirm 1');
    await h.ok('olga', 'announce 1');
    const posted = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
    const fields = (posted.fields ?? []).map((f) => `${f.label}: ${f.value}`).join('\n');
    expect(fields).toContain('Elected: Bob');
    expect(fields).toContain('round 1: Alice, Bob tied; decided by the organisers: Bob');
    // no tie is left to decide
    expect((await h.run('olga', 'tie decide 1 Secretary 1')).kind).toBe('domain-error');
  });

  it('can be drawn by lot from a published seed that replays the same draw', async () => {
    const draws = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const h = harness();
      await tiedCount(h);
      const drawn = await h.ok('olga', 'tie decide 1 Secretary lot');
      const entry = h.store.state.audit.find((a) => a.event === 'tie.decided')!;
      expect(entry.data.how).toBe('lot');
      const seed = String(entry.data.seed);
      expect(seed).toBe(`${h.store.state.elections[0].id}:1:tie:1:last-seat`);
      expect(drawn).toContain(`(seed “${seed}”: anyone can replay the draw)`);
      draws.add(`${h.store.state.results[0].result.winners}`);
    }
    // two elections have two seeds; each draw elects exactly one of the tied
    for (const d of draws) expect(['0', '1']).toContain(d);
  });

  it('speaks Chinese to an organiser who reads it', async () => {
    const h = harness();
    await tiedCount(h);
    const r = await h.run('olga', 'tie decide 1 Secretary 1,2', { locale: 'zh-CN' });
    expect(r.reply.body.text).toBe('请从 Alice, Bob 中选 1 人当选。');
  });
});

describe('a result that is not final', () => {
  it('is not certified while a seat is unfilled, unless the organisers leave it vacant with a reason', async () => {
    const h = harness();
    await electionInVoting(h, 'approve-oppose', 1, ['alice', 'bob', 'carol', 'dave']);
    // both candidates opposed by most: nobody passes more than half, the seat is unfilled
    await h.ok('alice', 'cast 1 1 1:-,2:-');
    await h.ok('bob', 'cast 1 1 1:-,2:-');
    await h.ok('carol', 'cast 1 1 1:+,2:-');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    h.clock.advance(3 * 86_400_000);
    const refused = await h.run('olga', 'certify 1');
    expect(refused.kind).toBe('domain-error');
    expect(refused.reply.body.text).toMatch(
      /^The result is not final: Secretary needs 1 seat\(s\) unfilled; candidates for a further round: /,
    );
    expect(h.store.state.elections[0].phase).toBe('announced');
    await h.ok('olga', 'certify 1 vacant="the branch will co-opt at its next meeting"');
    expect(h.store.state.elections[0].phase).toBe('certified');
    expect(h.store.state.audit.find((a) => a.event === 'result.vacancy')?.data).toMatchObject({
      contest: 1,
      seats: 1,
      kind: 'unfilled',
      reason: 'the branch will co-opt at its next meeting',
    });
    const notice = h.store.state.outbox.find((m) => m.body.text.includes('certified and final'))!;
    expect(notice.body.text).toContain(
      'Secretary: 1 seat(s) left vacant: the branch will co-opt at its next meeting',
    );
  });
});
