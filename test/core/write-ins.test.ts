// Writing in a member not on the list: R5 (Robert's Rules: legal unless the bylaws prohibit them) and
// C4 (cn-org: for, against, abstain, or "another eligible person", 另选他人). docs/rules.md.
import { describe, expect, it } from 'vitest';
import { harness, presetElectionInReview, refusal as refused, type Harness } from './harness.js';

const DAY = 86_400_000;
const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus'];

const announcement = (h: Harness) => {
  const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
  return (body.fields ?? []).map((f) => `${f.label}: ${f.value}`).join('\n');
};

describe('write-ins under roberts (R5)', () => {
  it('counts a member written in like a candidate, and elects them with a majority (R2)', async () => {
    const h = harness();
    await presetElectionInReview(h, 'roberts', 'President 1', ['alice', 'bob'], VOTERS);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    const ballot = await h.run('erin', 'vote 1');
    expect(ballot.reply.body.ballot?.writeIns).toBe(1);
    expect(ballot.reply.body.ballot?.instructions).toContain(
      'You may also write in up to 1 member(s) not on the list.',
    );

    // what the rules refuse, each naming why
    expect(await refused(h, 'erin', 'cast 1 1 write-in=@alice')).toBe(
      '<@alice> is a candidate on the list: mark them there instead of writing them in.',
    );
    expect(await refused(h, 'erin', 'cast 1 1 write-in=@zed')).toBe(
      '<@zed> is not an eligible voter on the roll, so cannot be written in (C4: another eligible person).',
    );
    expect(await refused(h, 'erin', 'cast 1 1 @carol')).toBe(
      'Write a person in with write-in=@name after your choices, not among them.',
    );
    // plurality: one mark, and a name written in takes its place
    expect(await refused(h, 'erin', 'cast 1 1 1 write-in=@carol')).toMatch(/at most 1/i);

    // by hand: alice 2, bob 1, carol (written in) 4 of 7 votes cast; 4 is a majority (more than 3.5)
    for (const v of ['alice', 'bob']) await h.ok(v, 'cast 1 1 1');
    await h.ok('carol', 'cast 1 1 2');
    for (const v of ['dave', 'erin', 'fay', 'gus']) await h.ok(v, 'cast 1 1 write-in=@carol');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.candidates).toEqual(['Alice', 'Bob', 'Carol']);
    expect(result.writeIns).toEqual([2]);
    expect(result.rounds[0].counts).toEqual([2, 1, 4]);
    expect(result.winners).toEqual([2]);
    expect(result.furtherRound).toBeUndefined();
    await h.ok('olga', 'announce 1');
    expect(announcement(h)).toContain('Carol (written in): 4 ✓');
    expect(announcement(h)).toContain('Elected: Carol (written in)');
    // the published ballots carry the written-in member as the ballot had them, and nobody's name
    const published = await h.ok('olga', 'voting ballots 1');
    expect(published).toContain('@carol');
  });

  it('takes none where the organiser turned them off, or where the ballot has no room for a name', async () => {
    const h = harness();
    await h.ok('olga', 'create "Board" preset=roberts');
    await h.ok('olga', 'contest add 1 President 1 write-in=no');
    expect(h.store.state.contests[0].options.writeIn).toBeUndefined();
    const g = harness();
    await g.ok('olga', 'create "Board"');
    expect(await refused(g, 'olga', 'contest add 1 Chair 1 irv write-in=yes')).toBe(
      'A irv ballot has no room for a written-in name: write-ins need marks or 赞成/反对/弃权.',
    );
    // Teller's own defaults take none unless asked
    await g.ok('olga', 'contest add 1 Chair 1 plurality');
    expect(g.store.state.contests[0].options.writeIn).toBeUndefined();
  });

  it('refuses a write-in where the contest takes none', async () => {
    const h = harness();
    await h.ok('olga', 'create "Board" preset=roberts');
    await h.ok('olga', 'contest add 1 President 1 write-in=no');
    await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 1');
    await h.ok('bob', 'second 1 1');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    expect(await refused(h, 'erin', 'cast 1 1 write-in=@carol')).toBe(
      'This contest does not take write-ins: vote for the candidates on the list.',
    );
    expect((await h.run('erin', 'vote 1')).reply.body.ballot?.writeIns).toBeUndefined();
  });
});

describe('another person under cn-org (C4)', () => {
  it('counts a member written in as a vote for them; more choices than seats spoil the ballot (C3)', async () => {
    const h = harness();
    const voters = [...VOTERS, 'hal', 'ivy'];
    await presetElectionInReview(h, 'cn-org', 'Members 2', ['alice', 'bob', 'carol'], voters);
    await h.ok('olga', 'candidates publish 1');
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting open 1');
    // by hand, 9 ballots: one approves alice and bob and writes in dave, 3 for 2 seats: invalid (C3).
    // The 8 valid: alice for 6, against 1; bob for 2, against 3; carol for 1;
    // dave (written in) for 5; more than half of 8 is more than 4: alice and dave elected
    const ballots: [string, string][] = [
      ['alice', '1:+,2:+ write-in=@dave'],
      ['bob', '1:+,2:- write-in=@dave'],
      ['carol', '1:+,2:- write-in=@dave'],
      ['dave', '1:+,2:- write-in=@dave'],
      ['erin', '1:+,3:- write-in=@dave'],
      ['fay', '1:+,2:+'],
      ['gus', '1:+,2:+'],
      ['hal', '1:-,3:+ write-in=@dave'],
      ['ivy', '2:0'],
    ];
    for (const [v, b] of ballots) await h.ok(v, `cast 1 1 ${b}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.candidates).toEqual(['Alice', 'Bob', 'Carol', 'Dave']);
    expect(result.writeIns).toEqual([3]);
    expect(result.ballots).toMatchObject({ cast: 9, valid: 8, invalid: 1 });
    expect(result.ballots.invalidBy).toEqual({ 'over-marked': 1 });
    expect(result.opinions?.for).toEqual([6, 2, 1, 5]);
    expect(result.opinions?.against.slice(0, 3)).toEqual([1, 3, 1]);
    expect(result.winners).toEqual([0, 3]);
    await h.ok('olga', 'announce 1');
    const text = announcement(h);
    // nobody voted against or abstained on someone another voter wrote in
    expect(text).toMatch(/Dave \(written in\): for 5, against —, abstain —/);
  });
});
