// What an upheld objection changes, kept coherent with the phase (issue 14): a candidate excluded before
// voting opens (C11's statutory procedure), or only with the counted round voided after; the roll
// corrected while it is open (C10); the organisers reminded of a decision coming due; and an upheld
// appeal undoing what it still can, saying what it cannot.
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';
import { channelPosts, DAY, dmsTo, investigated, published, refusal, resultOf } from './objection-steps.js';

describe('exclude a candidate', () => {
  it('before voting: the nomination no longer stands; an upheld appeal reinstates it', async () => {
    const h = harness();
    await published(h);
    await h.ok('olga', 'org appeal-panel @pat');
    await investigated(h, 'dave', '@bob');
    // a dismissed objection changes nothing, and an upheld one says what it changes
    expect(await refusal(h, 'ivan', 'objection decide 1 O-1 dismissed "no" effect=exclude')).toContain(
      'changes nothing',
    );
    expect(await refusal(h, 'ivan', 'objection decide 1 O-1 upheld "yes"')).toContain('states its effect');
    await h.ok('ivan', 'objection decide 1 O-1 upheld "Bob’s dues lapsed in 2025" effect=exclude');
    const bob = h.store.state.nominations.find((n) => n.nominee === 'bob')!;
    expect(bob).toMatchObject({ status: 'rejected', reason: 'O-1: Bob’s dues lapsed in 2025' });
    expect(channelPosts(h).join('\n')).toContain('<@bob> no longer stands for Secretary.');
    expect(dmsTo(h, 'bob').join('\n')).toContain('A decision that concerns you, on objection O-1');
    // bob appeals; the panel overturns the decision, and he stands again
    await h.ok('bob', 'objection appeal 1 O-1 "My dues were paid by standing order"');
    await h.ok('pat', 'objection appeal decide 1 O-1 upheld "The standing order is on file"');
    expect(h.store.state.nominations.find((n) => n.nominee === 'bob')).toMatchObject({
      status: 'approved',
      reason: null,
    });
    expect(channelPosts(h).join('\n')).toContain('Undone: <@bob> no longer stands for Secretary.');
    await h.ok('olga', 'voting open 1');
    expect(JSON.stringify((await h.run('alice', 'vote 1')).reply.body)).toContain('Bob');
  });

  it('after voting opened: refused, unless the counted round is voided too; then held again without them', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('olga', 'org appeal-panel @pat');
    for (const [voter, choice] of [
      ['alice', 1],
      ['carol', 1],
      ['bob', 2],
    ] as const)
      await h.ok(voter, `cast 1 1 ${choice}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    await investigated(h, 'erin', '@alice');
    expect(await refusal(h, 'ivan', 'objection decide 1 O-1 upheld "ineligible" effect=exclude')).toBe(
      'Voting took place with <@alice> on the ballot: exclude them with void=yes, which voids the round and holds it again without them.',
    );
    await h.ok(
      'ivan',
      'objection decide 1 O-1 upheld "Alice was not eligible to stand" effect=exclude void=yes',
    );
    // the round is void and its re-vote lists Bob only (index 1 of Alice, Bob)
    expect(resultOf(h, 1).winners).toEqual([]);
    expect(resultOf(h, 1).furtherRound).toEqual({ kind: 'revote', candidates: [1], seats: 1 });
    expect(channelPosts(h).join('\n')).toContain(
      'The last round of Secretary is void; it will be held again without <@alice>.',
    );
    await h.ok('alice', 'objection appeal 1 O-1 "I was eligible"');
    await h.ok('olga', 'voting round 1');
    const round2 = h.store.state.contests.find((c) => c.number === 2)!;
    const standing = h.store.state.nominations.filter((n) => n.contestId === round2.id).map((n) => n.nominee);
    expect(standing).toEqual(['bob']);
    // upheld now, the appeal cannot restore a round already held again: the notice says so
    await h.ok('pat', 'objection appeal decide 1 O-1 upheld "She was eligible"');
    expect(channelPosts(h).join('\n')).toContain(
      'The round it voided has been held again since: that round stands, and the voided one is not restored.',
    );
    expect(h.store.state.appeals[0].notUndone).toBe('objection.undo_rerun');
    expect(resultOf(h, 1).furtherRound?.kind).toBe('revote');
  });

  it('while voting is open: refused (C11), the list is fixed until the round is counted', async () => {
    const h = harness();
    await published(h);
    await investigated(h, 'dave', '@bob');
    await h.ok('olga', 'voting open 1');
    expect(await refusal(h, 'ivan', 'objection decide 1 O-1 upheld "lapsed" effect=exclude')).toContain(
      'Voting has opened on the published list (C11)',
    );
    expect(await refusal(h, 'ivan', 'objection decide 1 O-1 upheld "lapsed" effect=void')).toBe(
      'A round is voided once it is counted: decide after the count.',
    );
  });
});

describe('correct the roll (C10)', () => {
  it('adds a member left off it while it is open, and refuses once voting opened', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee"');
    await h.ok('olga', 'roll add 1 @alice @bob');
    await h.ok('olga', 'roll show 1 publish=yes');
    await investigated(h, 'zed', '@zed');
    expect(await refusal(h, 'ivan', 'objection decide 1 O-1 upheld "dues paid" effect=roll')).toContain(
      'status=eligible or status=ineligible',
    );
    await h.ok('ivan', 'objection decide 1 O-1 upheld "Dues paid on 2 February" effect=roll status=eligible');
    expect(h.store.state.roll.find((r) => r.memberId === 'zed')).toMatchObject({ status: 'eligible' });
    const entry = h.store.state.audit.filter((a) => a.event === 'roll.status').at(-1)!;
    // zed objected without being named: the correction names the entry, nothing ties it to the objection
    expect(entry.data).toEqual({ member: 'zed', status: 'eligible', reason: null, objection: null });
    const decided = h.store.state.audit.find((a) => a.event === 'objection.decided')!;
    expect(decided.data).toMatchObject({ ref: 'O-1', effect: 'roll', member: null, status: 'eligible' });
    expect(channelPosts(h).join('\n')).toContain(
      'The roll is corrected: the entry objected to is now eligible.',
    );
    expect(channelPosts(h).join('\n')).not.toContain('zed');
    expect(dmsTo(h, 'zed').join('\n')).toContain('The decision on your objection O-1 in election 1:');

    const v = harness();
    await electionInVoting(v);
    await v.ok('olga', 'roll show 1 publish=yes');
    await investigated(v, 'carol', '@erin');
    expect(
      await refusal(v, 'ivan', 'objection decide 1 O-1 upheld "moved away" effect=roll status=ineligible'),
    ).toBe(
      'The roll is frozen once voting opens: correct the entry of <@erin> with void=yes once the round is counted, which holds every contest’s last round again.',
    );
  });
});

describe('the decision comes due (C10: within 3 days)', () => {
  it('reminds the organisers and the investigator a day before, and not once it is decided', async () => {
    const h = harness();
    await published(h);
    await h.ok('olga', 'organiser add 1 @otto');
    await h.ok('carol', 'objection file 1 @bob "lapsed"');
    const jobs = h.store.state.jobs.filter((j) => j.kind === 'objection.reminder');
    // filed Sun 1 Mar 09:00: due Wed 4 Mar 09:00, reminded Tue 3 Mar 09:00 and at the due time
    expect(jobs.map((j) => [j.runAt, j.payload.about])).toEqual([
      ['2026-03-03T09:00:00.000Z', 'due_soon'],
      ['2026-03-04T09:00:00.000Z', 'overdue'],
    ]);
    await h.ok('olga', 'objection assign 1 O-1 @ivan');
    h.clock.advance(2 * DAY);
    await h.core.runJobs();
    for (const m of ['olga', 'otto', 'ivan'])
      expect(dmsTo(h, m).join('\n')).toContain(
        'Objection O-1 in election 1 “Branch committee” is to be decided Wed 4 Mar 09:00 UTC (in 24 h) (investigator: <@ivan>).',
      );
    await h.ok('ivan', 'objection findings 1 O-1 "dues paid"');
    await h.ok('ivan', 'objection decide 1 O-1 dismissed "Dues were paid"');
    h.clock.advance(DAY);
    const before = h.store.state.outbox.length;
    await h.core.runJobs();
    expect(
      h.store.state.outbox.slice(before).filter((m) => m.body.text.includes('has not been made')),
    ).toEqual([]);
  });
});

describe('appeals', () => {
  it('are open to the parties only, once, within the window; an objection upheld on appeal needs its effect', async () => {
    const h = harness();
    await published(h);
    await h.ok('olga', 'org appeal-panel @pat @quinn days=2');
    expect(await h.ok('erin', 'org appeal-panel')).toBe(
      'The appeal panel: <@pat> <@quinn>. Decisions may be appealed for 2 day(s).',
    );
    await investigated(h, 'carol', '@bob');
    expect(await refusal(h, 'carol', 'objection appeal 1 O-1 "early"')).toContain('not been decided yet');
    await h.ok('ivan', 'objection decide 1 O-1 dismissed "No evidence of lapse"');
    expect(await refusal(h, 'erin', 'objection appeal 1 O-1 "not mine"')).toContain(
      'Only the objector or a member the decision concerns',
    );
    // a dismissed objection concerns the member it names: bob may appeal, and so may carol
    await h.ok('carol', 'objection appeal 1 O-1 "The register shows the lapse"');
    expect(await refusal(h, 'bob', 'objection appeal 1 O-1 "me too"')).toContain('appealed already');
    expect(await refusal(h, 'pat', 'objection appeal decide 1 O-1 upheld "lapsed"')).toContain(
      'states its effect',
    );
    await h.ok('pat', 'objection appeal decide 1 O-1 upheld "The register shows the lapse" effect=exclude');
    expect(h.store.state.nominations.find((n) => n.nominee === 'bob')?.status).toBe('rejected');

    const late = harness();
    await published(late);
    await late.ok('olga', 'org appeal-panel @pat days=2');
    await investigated(late, 'carol', '@bob');
    await late.ok('ivan', 'objection decide 1 O-1 dismissed "No evidence"');
    late.clock.advance(3 * DAY);
    expect(await refusal(late, 'carol', 'objection appeal 1 O-1 "late"')).toBe(
      'The decision on objection O-1 could be appealed until Tue 3 Mar 09:00 UTC (24 h ago); that time has passed.',
    );
  });
});

describe('void a round of a contest the last round did not hold', () => {
  it('holds its next ballot in the election’s next round, beside nothing else', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee"');
    await h.ok('olga', 'contest add 1 Secretary 1 plurality');
    await h.ok('olga', 'contest add 1 Chair 1 plurality tie-break=revote');
    await h.ok('olga', 'roll add 1 @alice @bob @carol @dave @erin');
    await h.ok('olga', 'nominations open 1');
    for (const [nominee, contest, seconder] of [
      ['alice', 'Secretary', 'carol'],
      ['bob', 'Secretary', 'dave'],
      ['carol', 'Chair', 'alice'],
      ['dave', 'Chair', 'bob'],
    ] as const) {
      await h.ok(nominee, `nominate 1 ${contest}`);
      const n = h.store.state.nominations.at(-1)!.number;
      await h.ok(seconder, `second 1 ${n}`);
    }
    await h.ok('olga', 'nominations close 1');
    for (let n = 1; n <= 4; n++) await h.ok('olga', `review approve 1 ${n}`);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    // Secretary: Alice 3, Bob 2. Chair: Carol 2, Dave 2, a tie the rules re-vote
    for (const [voter, secretary, chair] of [
      ['alice', 1, 1],
      ['bob', 2, 2],
      ['carol', 1, 1],
      ['dave', 1, 2],
      ['erin', 2, ''],
    ] as const) {
      await h.ok(voter, `cast 1 1 ${secretary}`);
      if (chair) await h.ok(voter, `cast 1 2 ${chair}`);
    }
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    expect(resultOf(h, 2).furtherRound).toMatchObject({ kind: 'revote', candidates: [0, 1] });
    await h.ok('olga', 'voting round 1');
    // round 2, Chair (2): Carol 3, Dave 2
    for (const [voter, chair] of [
      ['alice', 1],
      ['bob', 2],
      ['carol', 1],
      ['dave', 2],
      ['erin', 1],
    ] as const)
      await h.ok(voter, `cast 1 3 ${chair}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    // an objection to round 1's Secretary, the last ballot that contest had
    await investigated(h, 'erin', 'Secretary');
    await h.ok('ivan', 'objection decide 1 O-1 upheld "The Secretary ballot box was left open" effect=void');
    expect(resultOf(h, 1).furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
    await h.ok('olga', 'voting round 1');
    // round 3 holds Secretary alone, among both its candidates; Chair (2) stands
    const round3 = h.store.state.contests.filter((c) => c.round === 3);
    expect(round3.map((c) => c.name)).toEqual(['Secretary (3)']);
    expect(resultOf(h, 3).winners).toEqual([0]);
    const ballot = JSON.stringify((await h.run('dave', 'vote 1')).reply.body);
    expect(ballot).toContain('Secretary (3)');
    expect(ballot).not.toContain('Chair');
  });
});
