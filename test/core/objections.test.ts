// Objections, investigation, appeals and the certification gate (issue 14). The whole scenario: a result
// objection upheld voids the round (C15), the round is held again, the winner's appeal is dismissed by
// the organisation's panel with the investigator recused, and only then is the result certified.
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness, type Harness } from './harness.js';
import { auditOf, channelPosts, DAY, dmsTo, refusal, resultOf } from './objection-steps.js';

/** Secretary: Alice 3 (alice, carol, dave), Bob 2 (bob, erin), counted and announced. */
async function announced(h: Harness) {
  await electionInVoting(h);
  for (const [voter, choice] of [
    ['alice', 1],
    ['carol', 1],
    ['dave', 1],
    ['bob', 2],
    ['erin', 2],
  ] as const)
    await h.ok(voter, `cast 1 1 ${choice}`);
  await h.ok('olga', 'voting close 1');
  await h.ok('olga', 'count 1');
  await h.ok('olga', 'announce 1');
}

describe('a result objection upheld voids the round; the appeal is dismissed; then certification (C15)', () => {
  it('runs from the objection to the certified result', async () => {
    const h = harness();
    await announced(h);
    expect(resultOf(h, 1).winners).toEqual([0]);
    await h.ok('olga', 'org appeal-panel @pat @ivan @quinn');

    // carol objects privately, without agreeing to be named
    const filed = await h.ok(
      'carol',
      'objection file 1 Secretary "Ballots were marked in the canteen, where others could see" evidence="https://example.org/canteen.jpg"',
    );
    // due 3 days after filing (C10): Sun 1 Mar 09:00 + 3 days
    expect(filed).toContain(
      'Your objection O-1 in election 1 is filed. A decision is due Wed 4 Mar 09:00 UTC',
    );
    expect(filed).toContain('without your name');
    const notice = channelPosts(h).find((t) => t.startsWith('Objection O-1'))!;
    expect(notice).toBe(
      'Objection O-1 has been filed in election 1, about Secretary, during the result’s public notice. A decision is due Wed 4 Mar 09:00 UTC (in 3 days).',
    );
    expect(channelPosts(h).join('\n')).not.toMatch(/carol/i);
    // the chain records who acted; its data never names an objector who did not agree
    const [entry] = auditOf(h, 'objection.filed');
    expect(entry.actor).toBe('carol');
    expect(entry.data).toEqual({
      ref: 'O-1',
      period: 'result',
      about: 'Secretary',
      public: false,
      contest: 1,
    });
    // the organisers get the whole file, objector included
    expect(dmsTo(h, 'olga').join('\n')).toContain('filed by <@carol>');
    expect(dmsTo(h, 'olga').join('\n')).toContain('https://example.org/canteen.jpg');

    // a candidate in the contest may not investigate it (C15: independently)
    expect(await refusal(h, 'olga', 'objection assign 1 O-1 @alice')).toBe(
      '<@alice> stands for Secretary, which objection O-1 concerns, and is recused (C15).',
    );
    expect(await refusal(h, 'olga', 'objection assign 1 O-1 @carol')).toContain('filed objection O-1');
    await h.ok('olga', 'objection assign 1 O-1 @ivan');
    expect(auditOf(h, 'objection.assigned').map((a) => a.data)).toEqual([
      { ref: 'O-1', investigator: 'ivan' },
    ]);
    expect(dmsTo(h, 'ivan').join('\n')).toContain('You have been asked to investigate objection O-1');

    // a decision rests on findings; only the investigator makes either
    expect(await refusal(h, 'ivan', 'objection decide 1 O-1 upheld "seen" effect=void')).toContain(
      'Record your findings first',
    );
    expect(await refusal(h, 'olga', 'objection findings 1 O-1 "mine"')).toContain('Only the investigator');
    await h.ok('ivan', 'objection findings 1 O-1 "Three voters confirm the canteen table was in view"');
    h.clock.advance(DAY);
    await h.ok('ivan', 'objection decide 1 O-1 upheld "Secrecy was broken at the canteen table" effect=void');
    expect(auditOf(h, 'objection.decided').map((a) => a.data)).toEqual([
      {
        ref: 'O-1',
        outcome: 'upheld',
        effect: 'void',
        reason: 'Secrecy was broken at the canteen table',
        member: null,
        status: null,
        voided: '1',
      },
    ]);
    // the round is void: nobody elected, a re-vote among both candidates for the seat
    expect(resultOf(h, 1).winners).toEqual([]);
    expect(resultOf(h, 1).furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
    const decision = channelPosts(h).find((t) => t.startsWith('Objection O-1 (about Secretary) is upheld.'))!;
    expect(decision).toContain('Reason: Secrecy was broken at the canteen table');
    expect(decision).toContain('The last round of Secretary is void');
    // appeal window: decided Mon 2 Mar 09:00, 5 days by default
    expect(decision).toContain('may appeal to the appeal panel until Sat 7 Mar 09:00 UTC');
    // the objector is told privately, and so is each candidate of the voided round
    expect(dmsTo(h, 'carol').join('\n')).toContain('The decision on your objection O-1 in election 1:');
    for (const m of ['alice', 'bob'])
      expect(dmsTo(h, m).join('\n')).toContain('A decision that concerns you, on objection O-1');

    // certification waits: the decision may still be appealed
    expect(await refusal(h, 'olga', 'certify 1 override="test"')).toBe(
      'The decision on objection O-1 may be appealed until Sat 7 Mar 09:00 UTC (in 5 days): the result can be certified once that time has passed.',
    );
    // alice, who lost her seat to the void, appeals; the panel is told, the investigator is not asked
    await h.ok('alice', 'objection appeal 1 O-1 "The canteen table was supervised by a scrutineer"');
    expect(auditOf(h, 'appeal.filed').map((a) => a.data)).toEqual([{ ref: 'O-1' }]);
    for (const m of ['pat', 'quinn']) expect(dmsTo(h, m).join('\n')).toContain('appeal on objection O-1');
    expect(dmsTo(h, 'ivan').join('\n')).not.toContain('appeal on objection O-1');
    expect(await refusal(h, 'olga', 'certify 1 override="test"')).toBe(
      'The appeal on objection O-1 is still open: the result cannot be certified until the panel decides it.',
    );

    // the round is held again, with both candidates
    await h.ok('olga', 'voting round 1');
    const round2 = h.store.state.contests.find((c) => c.number === 2)!;
    expect(round2).toMatchObject({ name: 'Secretary (2)', round: 2, seats: 1 });
    // Alice 2 (alice, erin), Bob 3 (bob, carol, dave)
    for (const [voter, choice] of [
      ['alice', 1],
      ['erin', 1],
      ['bob', 2],
      ['carol', 2],
      ['dave', 2],
    ] as const)
      await h.ok(voter, `cast 1 2 ${choice}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    // the count keeps the void of round 1, and counts round 2 from its own ballots
    expect(resultOf(h, 1).winners).toEqual([]);
    expect(resultOf(h, 1).rounds[0].counts).toEqual([3, 2]);
    expect(resultOf(h, 1).rulings).toContainEqual({ key: 'ruling.objection_void', params: { ref: 'O-1' } });
    expect(resultOf(h, 2).rounds[0].counts).toEqual([2, 3]);
    expect(resultOf(h, 2).winners).toEqual([1]);
    await h.ok('olga', 'announce 1');

    // the investigator sits on the panel, and is recused from the appeal of their own decision
    expect(await refusal(h, 'ivan', 'objection appeal decide 1 O-1 upheld "I erred"')).toBe(
      '<@ivan> investigated objection O-1 and is recused from its appeal (C15).',
    );
    expect(await refusal(h, 'olga', 'objection appeal decide 1 O-1 dismissed "no"')).toContain(
      'Only the organisation’s appeal panel',
    );
    await h.ok('pat', 'objection appeal decide 1 O-1 dismissed "The supervision did not cover the table"');
    expect(auditOf(h, 'appeal.decided').map((a) => a.data)).toEqual([
      {
        ref: 'O-1',
        outcome: 'dismissed',
        reason: 'The supervision did not cover the table',
        effect: 'none',
        undone: false,
      },
    ]);
    const final = channelPosts(h).find((t) => t.startsWith('The appeal on objection O-1 is dismissed'))!;
    expect(final).toContain('The appeal panel’s decision is final.');
    expect(await refusal(h, 'quinn', 'objection appeal decide 1 O-1 upheld "again"')).toContain(
      'decided already',
    );
    // the void stands after the appeal
    expect(resultOf(h, 1).furtherRound?.kind).toBe('revote');

    // nothing is open: certification waits only for the new result's notice (C15, 3 days)
    expect(await refusal(h, 'olga', 'certify 1')).toContain('public notice');
    h.clock.advance(3 * DAY);
    const before = h.store.state.outbox.length;
    await h.ok('olga', 'certify 1');
    const after = h.store.state.outbox.slice(before).map((m) => ({ purpose: m.purpose, text: m.body.text }));
    const certified = after.find((m) => m.text.startsWith('The results of election 1'))!;
    expect(certified.text).toContain('Objections (1):');
    expect(certified.text).toContain(
      'O-1 (about Secretary): upheld; appeal dismissed; as it stands: upheld.',
    );
    // the seal of certification is anchored outside the database: its checkpoint is posted
    const checkpoint = after.find((m) => m.purpose === 'checkpoint')!;
    expect(checkpoint.text).toContain('certified');
    const last = auditOf(h, 'audit.checkpoint').at(-1)!;
    expect(auditOf(h, 'phase.certified')).toHaveLength(1);
    expect(last.seq).toBeGreaterThan(auditOf(h, 'phase.certified')[0].seq);
  });
});
