// Rule presets (issue 12): each preset's distinctive rules, cited by code (docs/rules.md).
import { describe, expect, it } from 'vitest';
import { harness, presetElectionInReview, type Harness } from './harness.js';

const DAY = 86_400_000;

/** Election 1 with `preset`, one contest, the roll, and `candidates` nominated and approved. */
const setUp = presetElectionInReview;

async function refused(h: Harness, text: string): Promise<string> {
  const r = await h.run('olga', text);
  expect(r.kind, `${text}: ${r.reply.body.text}`).not.toBe('ok');
  return r.reply.body.text;
}

const announcement = (h: Harness) => {
  const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
  return [body.text, ...(body.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n');
};

const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus'];

describe('cn-org', () => {
  it('counts 赞成/反对/弃权 by default (C4), and refuses another method or a lot for ties (C7)', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee" preset=cn-org');
    expect(await h.ok('olga', 'contest add 1 Members 2')).toMatch(/approve/i);
    const contest = h.store.state.contests[0];
    expect(contest.method).toBe('approve-oppose');
    expect(contest.options).toMatchObject({ tieBreak: 'revote', threshold: { share: 0.5, base: 'valid' } });
    expect(await refused(h, 'contest add 1 Chair 1 plurality')).toBe(
      'The cn-org rules do not allow plurality; they allow approve-oppose.',
    );
    expect(await refused(h, 'contest add 1 Chair 1 tie-break=lot')).toBe(
      'tie-break=lot is not allowed by rule C7; allowed: revote, organiser.',
    );
  });

  it('refuses to publish a list without 差额 (C9), until the margin is met or set to 0 for 等额', async () => {
    const h = harness();
    await setUp(h, 'cn-org', 'Members 2', ['alice', 'bob'], VOTERS);
    expect(await refused(h, 'candidates publish 1')).toBe(
      'Members has 2 candidate(s) for 2 seat(s); rule C9 (差额) needs at least 3 (20% more than seats) before the list is published.',
    );
    expect(h.store.state.elections[0].phase).toBe('reviewing');
    const g = harness();
    await g.ok('olga', 'create "Chair" preset=cn-org');
    await g.ok('olga', 'configure 1 differential=0');
    await g.ok('olga', 'contest add 1 Chair 1');
    await g.ok('olga', 'roll add 1 @alice @bob');
    await g.ok('olga', 'nominations open 1');
    await g.ok('alice', 'nominate 1 1');
    await g.ok('bob', 'second 1 1');
    await g.ok('olga', 'nominations close 1');
    await g.ok('olga', 'review approve 1 1');
    await g.ok('olga', 'candidates publish 1');
  });

  it('keeps the roll open to objections 5 days (C10) and the candidates on notice 5 days (C11)', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee" preset=cn-org');
    // published Mon 2 Mar: open five days, until Sat 7 Mar
    expect(await refused(h, 'schedule 1 roll-publish=1d roll-objections-close=3d')).toContain(
      'rule C10 keeps it open until Sat 7 Mar 09:00 UTC',
    );
    expect(await refused(h, 'schedule 1 candidates-publish=1d voting-open=4d')).toContain(
      'rule C11 keeps it open until Sat 7 Mar 09:00 UTC',
    );
    await h.ok(
      'olga',
      'schedule 1 roll-publish=1d roll-objections-close=5d candidates-publish=1d voting-open=6d',
    );
  });

  it('voids a round in which no more than half of those entitled voted (C1), and does not certify it', async () => {
    const h = harness();
    await setUp(h, 'cn-org', 'Members 1', ['alice', 'bob'], VOTERS);
    await h.ok('olga', 'candidates publish 1');
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting open 1');
    // 3 of 7 vote: not more than half
    await h.ok('alice', 'cast 1 1 1:+,2:-');
    await h.ok('bob', 'cast 1 1 1:+,2:+');
    await h.ok('carol', 'cast 1 1 1:+,2:0');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.winners).toEqual([]);
    expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
    await h.ok('olga', 'announce 1');
    expect(announcement(h)).toContain(
      'The round is void: 3 of 7 entitled voted, and more than half must (rule C1). It is held again.',
    );
    h.clock.advance(3 * DAY);
    expect(await refused(h, 'certify 1')).toMatch(/^The result is not final: Members needs a re-vote among/);
  });

  it('sends a tie at the last seat to a re-vote among the tied only (C7)', async () => {
    const h = harness();
    const voters = [...VOTERS, 'hal', 'ivy', 'jon', 'kim'];
    await setUp(h, 'cn-org', 'Members 2', ['alice', 'bob', 'carol'], voters);
    await h.ok('olga', 'candidates publish 1');
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting open 1');
    // of 11 valid ballots alice has 8, bob and carol 6 each: a tie for the second seat, both over half
    const ballots = [
      '1:+,2:+',
      '1:+,2:+',
      '1:+,2:+',
      '1:+,3:+',
      '1:+,3:+',
      '1:+,3:+',
      '2:+,3:+',
      '2:+,3:+',
    ].concat(['2:+,3:+', '1:+', '1:+']);
    for (const [i, v] of voters.entries()) await h.ok(v, `cast 1 1 ${ballots[i]}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.winners).toEqual([0]);
    expect(result.ties[0]).toMatchObject({ rule: 'revote', candidates: [1, 2], chosen: [] });
    expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [1, 2], seats: 1 });
  });
});

describe('cn-org: seats left unfilled (C8)', () => {
  it('puts the highest of the unelected into the further round, as many as the 差额 margin asks', async () => {
    const h = harness();
    const voters = [...VOTERS, 'hal', 'ivy'];
    await setUp(h, 'cn-org', 'Members 2', ['alice', 'bob', 'carol', 'dave', 'erin'], voters);
    await h.ok('olga', 'candidates publish 1');
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting open 1');
    // of 9 valid: alice 6 (elected); bob 4, carol 3, dave 2, erin 1: one seat unfilled
    const ballots = [
      '1:+,2:+',
      '1:+,2:+',
      '1:+,2:+',
      '1:+,3:+',
      '1:+,3:+',
      '1:+,4:+',
      '2:+,3:+',
      '4:+,5:+',
      '',
    ];
    for (const [i, v] of voters.entries()) await h.ok(v, `cast 1 1 ${ballots[i]}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.winners.map((w) => result.candidates[w])).toEqual([result.candidates[0]]);
    // one seat, 20%: at least 2 in the round: the two highest unelected, bob and carol
    expect(result.furtherRound).toEqual({ kind: 'unfilled', candidates: [1, 2], seats: 1 });
    expect(result.rulings).toContainEqual({
      key: 'ruling.further_margin',
      params: { rule: 'C8', seats: 1, size: 2, percent: 20 },
    });
  });
});

describe('lmrda', () => {
  it('refuses a 10-day notice before the vote (L4) and a method the LMRDA does not use', async () => {
    const h = harness();
    await h.ok('olga', 'create "Local 12 officers" preset=lmrda');
    expect(await refused(h, 'contest add 1 President 1 approve-oppose')).toBe(
      'The lmrda rules do not allow approve-oppose; they allow plurality, block, two-round.',
    );
    await h.ok('olga', 'contest add 1 President 1');
    expect(h.store.state.contests[0].method).toBe('plurality');
    const text = await refused(h, 'schedule 1 candidates-publish=1d voting-open=10d');
    expect(text).toContain(
      'That would cut the public notice of the candidates short: rule L4 keeps it open until',
    );
    await h.ok('olga', 'schedule 1 candidates-publish=1d voting-open=15d');
  });
});

describe('lmrda: inspecting the membership list (L10)', () => {
  it('lets each candidate inspect it once, in the 30 days before the vote, shown to them alone', async () => {
    const h = harness();
    await h.ok('olga', 'create "Local 12 officers" preset=lmrda');
    await h.ok('olga', 'contest add 1 President 1');
    await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 1');
    expect(await refused(h, 'roll inspect 1')).toContain('Only a candidate may inspect');
    const noDate = await h.run('alice', 'roll inspect 1');
    expect(noDate.reply.body.text).toContain('The vote has no date yet');
    await h.ok('olga', 'schedule 1 voting-open=40d');
    expect((await h.run('alice', 'roll inspect 1')).reply.body.text).toBe(
      'Candidates may inspect the list in the 30 days before the vote: from Wed 11 Mar 09:00 UTC (in 10 days) (rule L10).',
    );
    h.clock.advance(10 * DAY);
    const seen = await h.run('alice', 'roll inspect 1');
    expect(seen.kind).toBe('ok');
    expect(seen.reply.visibility).toBe('only-you');
    expect(seen.reply.body.title).toBe(
      'Membership list of election 1: 7 members (rule L10: for you to inspect, not to copy)',
    );
    expect(seen.reply.body.text.split('\n')).toHaveLength(7);
    // no copy is kept for them: nothing was queued to send
    expect(h.store.state.outbox.filter((m) => m.body.text.includes('<@gus>'))).toEqual([]);
    expect((await h.run('alice', 'roll inspect 1')).reply.body.text).toContain(
      'inspected the membership list already',
    );
    expect(h.store.state.audit.filter((a) => a.event === 'roll.inspected').map((a) => a.actor)).toEqual([
      'alice',
    ]);
  });

  it('is not offered under rules that do not give it', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch" preset=cn-org');
    await h.ok('olga', 'contest add 1 Members 1');
    await h.ok('olga', 'roll add 1 @alice @bob');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 1');
    expect((await h.run('alice', 'roll inspect 1')).reply.body.text).toContain('do not offer candidates');
  });
});

describe('roberts', () => {
  it('elects only with a majority of the votes cast (R1–R3), else every nominee goes to another ballot (R4)', async () => {
    const h = harness();
    await setUp(h, 'roberts', 'President 1', ['alice', 'bob', 'carol'], VOTERS);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    // alice 3, bob 2, carol 1, and one blank: 6 votes cast, alice needs 4
    for (const v of ['alice', 'dave', 'erin']) await h.ok(v, 'cast 1 1 1');
    for (const v of ['bob', 'fay']) await h.ok(v, 'cast 1 1 2');
    await h.ok('carol', 'cast 1 1 3');
    await h.ok('gus', 'cast 1 1 ""');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.winners).toEqual([]);
    expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1, 2], seats: 1 });
    expect(result.rulings).toEqual([
      // R9: the tellers' report of the office
      { key: 'ruling.tellers_report', params: { rule: 'R9', total: 6, needed: 4, illegal: 0 } },
      { key: 'ruling.no_majority', params: { rule: 'R2', total: 6, needed: 4 } },
    ]);
  });

  it('elects a candidate with a majority of the votes cast', async () => {
    const h = harness();
    await setUp(h, 'roberts', 'President 1', ['alice', 'bob'], VOTERS);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    for (const v of ['alice', 'dave', 'erin', 'gus']) await h.ok(v, 'cast 1 1 1');
    for (const v of ['bob', 'fay', 'carol']) await h.ok(v, 'cast 1 1 2');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    expect(h.store.state.results[0].result.winners).toEqual([0]);
    expect(h.store.state.results[0].result.rulings).toEqual([
      { key: 'ruling.tellers_report', params: { rule: 'R9', total: 7, needed: 4, illegal: 0 } },
    ]);
    await h.ok('olga', 'announce 1');
    expect(announcement(h)).toContain(
      'Tellers’ report (rule R9): votes cast 7, necessary for election 4, illegal votes 0.',
    );
  });
});

describe('simple', () => {
  it('settles a tie by a recorded, replayable lot', async () => {
    const h = harness();
    await setUp(h, 'simple', 'Chair 1', ['alice', 'bob'], VOTERS);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('bob', 'cast 1 1 2');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.winners).toHaveLength(1);
    expect(result.ties[0]).toMatchObject({ rule: 'lot', candidates: [0, 1] });
    expect(result.ties[0].seed).toBeTruthy();
  });
});
