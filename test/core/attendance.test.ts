// Attendance (实到): C5's `present` base and C1's four-fifths quorum (docs/rules.md), recorded by the
// organisers and read at the count.
import { describe, expect, it } from 'vitest';
import { harness, refusal as refused, type Harness } from './harness.js';

const DAY = 86_400_000;
const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus'];

/** cn-org election 1 with `contest`, alice and bob standing, voting open. */
async function votingOpen(h: Harness, contest: string, configure?: string): Promise<void> {
  await h.ok('olga', 'create "Branch committee" preset=cn-org');
  if (configure) await h.ok('olga', `configure 1 ${configure}`);
  await h.ok('olga', `contest add 1 ${contest}`);
  await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'nominations open 1');
  await h.ok('alice', 'nominate 1 1');
  await h.ok('bob', 'second 1 1');
  await h.ok('bob', 'nominate 1 1');
  await h.ok('alice', 'second 1 2');
  await h.ok('olga', 'nominations close 1');
  await h.ok('olga', 'review approve 1 1');
  await h.ok('olga', 'review approve 1 2');
  await h.ok('olga', 'candidates publish 1');
  h.clock.advance(5 * DAY);
  await h.ok('olga', 'voting open 1');
}

async function castAll(h: Harness, ballots: string[]): Promise<void> {
  for (const [i, b] of ballots.entries()) await h.ok(VOTERS[i]!, `cast 1 1 ${b}`);
}

describe('the present base (C5)', () => {
  it('elects only with more than half of those present, exactly half not enough', async () => {
    const h = harness();
    await votingOpen(h, 'Chair 1 base=present');
    // by hand: 5 valid ballots, alice 3 for; 6 present, so 3 is exactly half and not enough
    await castAll(h, ['1:+,2:-', '1:+,2:-', '1:+,2:0', '1:-,2:+', '1:0,2:-']);
    expect(await refused(h, 'alice', 'voting attendance 1 6')).toMatch(/organisers/i);
    expect(await refused(h, 'olga', 'voting attendance 1 8')).toBe(
      '8 present is more than the 7 voters entitled: attendance counts voters on the roll only.',
    );
    expect(await h.ok('olga', 'voting attendance 1 6')).toBe(
      'Recorded: 6 of 7 entitled present at round 1 of election 1. The count never takes fewer than voted.',
    );
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const stored = h.store.state.results[0];
    expect(stored.present).toBe(6);
    expect(stored.result.threshold).toMatchObject({ base: 'present', baseValue: 6, value: 3 });
    expect(stored.result.opinions?.for).toEqual([3, 1]);
    expect(stored.result.winners).toEqual([]);
    await h.ok('olga', 'announce 1');
    const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
    const fields = (body.fields ?? []).map((f) => `${f.label}: ${f.value}`).join('\n');
    expect(fields).toContain('entitled to vote 7; present 6; took part (ballots cast) 5');
    expect(fields).toContain('more than 50% of those present (6), that is more than 3 for');
  });

  it('never takes fewer present than voted: a lower figure, or none, counts those who voted', async () => {
    const h = harness();
    await votingOpen(h, 'Chair 1 base=present');
    // by hand: alice 3 of 4 ballots for; attendance 2 < 4 voted, so the base is 4 and 3 is over half
    await castAll(h, ['1:+', '1:+', '1:+', '1:-']);
    await h.ok('olga', 'voting attendance 1 2');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const stored = h.store.state.results[0];
    expect(stored.present).toBe(4);
    expect(stored.result.threshold).toMatchObject({ base: 'present', baseValue: 4 });
    expect(stored.result.winners).toEqual([0]);
  });

  it('accepts `voting` as the base of those who voted (the engine counts it as `cast`)', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee" preset=cn-org');
    await h.ok('olga', 'contest add 1 Chair 1 base=voting');
    expect(h.store.state.contests[0].options.threshold).toEqual({ share: 0.5, base: 'cast' });
  });
});

describe('the four-fifths quorum (C1, the party-congress variant)', () => {
  it('voids a round in which no more than four fifths of those entitled are present', async () => {
    const h = harness();
    await votingOpen(h, 'Chair 1', 'turnout=four-fifths');
    // by hand: 5 of 7 present is 71%, not more than 80%, though more than half voted
    await castAll(h, ['1:+', '1:+', '1:+', '1:+', '2:+']);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.winners).toEqual([]);
    expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
    expect(result.rulings?.[0]).toEqual({
      key: 'ruling.attendance_void',
      params: { rule: 'C1', cast: 5, present: 5, eligible: 7 },
    });
  });

  it('holds the round when the attendance recorded is more than four fifths', async () => {
    const h = harness();
    await votingOpen(h, 'Chair 1', 'turnout=four-fifths');
    await castAll(h, ['1:+', '1:+', '1:+', '1:+', '2:+']);
    // 6 of 7 present (86%): the round stands, and alice has 4 of 5 valid ballots
    await h.ok('olga', 'voting attendance 1 6');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.rulings).toBeUndefined();
    expect(result.winners).toEqual([0]);
  });

  it('is refused where the rules set no quorum', async () => {
    const h = harness();
    await h.ok('olga', 'create "Board" preset=roberts');
    expect(await refused(h, 'olga', 'configure 1 turnout=four-fifths')).toBe(
      'The roberts rules set no turnout quorum, so turnout= does not apply (only cn-org has one: C1).',
    );
  });
});
