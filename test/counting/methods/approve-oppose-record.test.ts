// The approve / oppose / abstain record a 选举结果公告 needs (C14): for, against and abstain per candidate
// (C4), the threshold and its base with each candidate's share (C5), highest approvals first (C6), and
// invalid ballots by reason, an over-marked ballot among them (C3). Every figure is counted by hand.
import { describe, expect, it } from 'vitest';
import { tally, TallyInputError, type Ballot } from '../../../src/counting/index.js';
import { expectExplained, input, keys, people, repeat, winnerNames } from './helpers.js';

const op = (approve: number[], oppose: number[] = [], weight?: number): Ballot => ({
  kind: 'opinions',
  approve,
  oppose,
  ...(weight !== undefined ? { weight } : {}),
});
const five = people('Ana', 'Ben', 'Cai', 'Dee', 'Eve');

// 3 seats, at most 3 approvals (C3, as a contest passes it). 11 ballots cast:
//   4 × for Ana Ben Cai, against Dee
//   2 × for Ana Dee, against Ben
//   1 × for Ben Eve, against Ana Cai
//   1 × blank (valid: abstains on everyone)
//   1 × for Ana Ben Cai Dee        -> invalid, over-marked (4 > 3, C3)
//   1 × for and against Ana        -> invalid, contradictory
//   1 × for candidate 8 (no such)  -> invalid, unknown candidate
// 8 valid ballots. Ana for 4+2=6, against 1, abstain 8-7=1; Ben 4+1=5, 2, 1; Cai 4, 1, 3;
// Dee 2, 4, 2; Eve 1, 0, 7. Threshold: more than 50% of 8 = more than 4 (C5).
const meeting = [
  ...repeat(op([0, 1, 2], [3]), 4),
  ...repeat(op([0, 3], [1]), 2),
  op([1, 4], [0, 2]),
  op([]),
  op([0, 1, 2, 3]),
  op([0], [0]),
  op([7]),
];

describe('approve / oppose / abstain: the full record', () => {
  it('counts for, against and abstain per candidate, with shares of the valid ballots (C4, C5)', () => {
    const r = tally(input('approve-oppose', 3, five, meeting, { maxMarks: 3 }));
    expect(r.ballots).toEqual({
      cast: 11,
      valid: 8,
      blank: 1,
      invalid: 3,
      validWeight: 8,
      invalidBy: { 'over-marked': 1, contradictory: 1, 'unknown-candidate': 1 },
    });
    expect(r.opinions).toEqual({
      for: [6, 5, 4, 2, 1],
      against: [1, 2, 1, 4, 0],
      abstain: [1, 1, 3, 2, 7],
      share: [0.75, 0.625, 0.5, 0.25, 0.125],
    });
    expect(r.threshold).toEqual({ base: 'valid', baseValue: 8, share: 0.5, inclusive: false, value: 4 });
    // C5: Cai has exactly half (4 of 8), which is not more than half
    expect(winnerNames(r)).toEqual(['Ana', 'Ben']);
    expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [2, 3, 4], seats: 1 });
    expectExplained(r);
  });

  it('says why each invalid ballot was set aside, the over-marked one citing C3', () => {
    const r = tally(input('approve-oppose', 3, five, meeting, { maxMarks: 3 }));
    const lines = r.explanation.filter((l) => l.key.startsWith('counting.aoa.'));
    expect(lines).toEqual([
      { key: 'counting.aoa.invalid_unknown_candidate', params: { count: 1 } },
      { key: 'counting.aoa.invalid_contradictory', params: { count: 1 } },
      { key: 'counting.aoa.invalid_over_marked', params: { count: 1, max: 3 } },
    ]);
    // the reasons come after the ballot totals and before the threshold
    const at = (key: string) => keys(r).indexOf(key);
    expect(at('counting.methods.ballots')).toBeLessThan(at('counting.aoa.invalid_unknown_candidate'));
    expect(at('counting.aoa.invalid_over_marked')).toBeLessThan(at('counting.methods.threshold_valid'));
  });

  it('C3: as many approvals as the limit is valid, one more spoils the whole ballot', () => {
    const atLimit = tally(input('approve-oppose', 2, five, [op([0, 1], [2, 3, 4])], { maxMarks: 2 }));
    expect(atLimit.ballots).toMatchObject({ valid: 1, invalid: 0, invalidBy: {} });
    // oppositions are not choices: opposing everyone is still a valid ballot
    const opposeAll = tally(input('approve-oppose', 1, five, [op([], [0, 1, 2, 3, 4])], { maxMarks: 1 }));
    expect(opposeAll.ballots).toMatchObject({ valid: 1, invalid: 0 });
    const over = tally(input('approve-oppose', 2, five, [op([0, 1, 2]), op([0])], { maxMarks: 2 }));
    expect(over.ballots).toMatchObject({ cast: 2, valid: 1, invalid: 1, invalidBy: { 'over-marked': 1 } });
    // nothing of the spoilt ballot is counted: Ben and Cai get no approval from it
    expect(over.opinions?.for).toEqual([1, 0, 0, 0, 0]);
    expect(over.opinions?.abstain).toEqual([0, 1, 1, 1, 1]);
    // a repeated approval is one approval, not two choices
    const repeated = tally(input('approve-oppose', 2, five, [op([0, 0, 1])], { maxMarks: 2 }));
    expect(repeated.ballots).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('without maxMarks the engine sets no limit; Teller contests pass the seats', () => {
    const r = tally(input('approve-oppose', 3, five, meeting));
    // the 4-approval ballot now counts: 9 valid, Dee gets a third approval
    expect(r.ballots).toMatchObject({ valid: 9, invalid: 2 });
    expect(r.opinions?.for).toEqual([7, 6, 5, 3, 1]);
    expect(() => tally(input('approve-oppose', 3, five, meeting, { maxMarks: 0 }))).toThrow(TallyInputError);
    expect(() => tally(input('approve-oppose', 3, five, meeting, { maxMarks: 1.5 }))).toThrow(
      TallyInputError,
    );
  });

  it('C6: more over the threshold than seats: highest approvals first', () => {
    // 9 ballots, more than 4.5 needed: Ana 3+2=5, Ben 4+3=7, Cai 4+2=6, all over; two seats
    const ballots = [...repeat(op([1, 2]), 4), ...repeat(op([0, 1]), 3), ...repeat(op([0, 2]), 2)];
    const r = tally(input('approve-oppose', 2, people('Ana', 'Ben', 'Cai'), ballots, { maxMarks: 2 }));
    expect(r.opinions?.for).toEqual([5, 7, 6]);
    expect(r.threshold?.value).toBe(4.5);
    expect(winnerNames(r)).toEqual(['Ben', 'Cai']);
    expect(r.furtherRound).toBeUndefined();
  });

  it('the base can be the ballots cast or those entitled to vote; shares are of that base', () => {
    const cast = tally(
      input('approve-oppose', 3, five, meeting, { maxMarks: 3, threshold: { base: 'cast' } }),
    );
    // invalid ballots are in the base (11) but credit no one: more than 5.5 needed
    expect(cast.threshold).toEqual({ base: 'cast', baseValue: 11, share: 0.5, inclusive: false, value: 5.5 });
    expect(cast.opinions?.share[0]).toBeCloseTo(6 / 11, 9);
    expect(winnerNames(cast)).toEqual(['Ana']);
    const eligible = tally(
      input('approve-oppose', 3, five, meeting, {
        maxMarks: 3,
        eligible: 20,
        threshold: { base: 'eligible', share: 0.25, inclusive: true },
      }),
    );
    expect(eligible.threshold).toEqual({
      base: 'eligible',
      baseValue: 20,
      share: 0.25,
      inclusive: true,
      value: 5,
    });
    expect(eligible.opinions?.share).toEqual([0.3, 0.25, 0.2, 0.1, 0.05]);
    // at least 5 of 20: Ana (6) and Ben (5) exactly at the line
    expect(winnerNames(eligible)).toEqual(['Ana', 'Ben']);
  });

  it('weights count as that many voters in for, against and abstain', () => {
    const ballots = [op([0], [1], 3), op([1], [], 2), op([], [], 4)];
    const r = tally(input('approve-oppose', 1, people('Ana', 'Ben'), ballots, { maxMarks: 1 }));
    // valid weight 9; Ana for 3, against 0, abstain 2+4=6; Ben for 2, against 3, abstain 4
    expect(r.opinions).toMatchObject({ for: [3, 2], against: [0, 3], abstain: [6, 4] });
    expect(r.opinions?.share[0]).toBeCloseTo(3 / 9, 9);
    expect(r.opinions?.share[1]).toBeCloseTo(2 / 9, 9);
    expect(r.threshold?.value).toBe(4.5);
    expect(r.winners).toEqual([]);
  });

  it('a blank ballot where blanks are not accepted is invalid as blank', () => {
    const r = tally(input('approve-oppose', 1, five, [op([]), op([0])], { allowBlank: false, maxMarks: 1 }));
    expect(r.ballots).toMatchObject({ cast: 2, valid: 1, blank: 0, invalid: 1, invalidBy: { blank: 1 } });
    expect(keys(r)).toContain('counting.aoa.invalid_blank');
    expect(r.opinions?.abstain).toEqual([0, 1, 1, 1, 1]);
    expectExplained(r);
  });

  it('a withdrawn candidate gets no figures; the others are counted as usual', () => {
    const cands = [{ name: 'Ana' }, { name: 'Ben', withdrawn: true }, { name: 'Cai' }];
    const r = tally(input('approve-oppose', 1, cands, [op([0, 1]), op([1], [2]), op([2])], { maxMarks: 2 }));
    expect(r.opinions).toMatchObject({ for: [1, 0, 1], against: [0, 0, 1], abstain: [2, 0, 1] });
    expect(r.winners).toEqual([]);
  });
});
