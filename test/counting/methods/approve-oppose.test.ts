import { describe, expect, it } from 'vitest';
import { tally, TallyInputError, type Ballot } from '../../../src/counting/index.js';
import { expectExplained, input, keys, people, repeat, winnerNames } from './helpers.js';

const op = (approve: number[], oppose: number[] = [], weight?: number): Ballot => ({
  kind: 'opinions',
  approve,
  oppose,
  ...(weight !== undefined ? { weight } : {}),
});
const abc = people('Ana', 'Ben', 'Cai');

describe('approve / oppose / abstain', () => {
  it('elects only above more than half of the valid ballots, top `seats` of those', () => {
    // 10 valid ballots: threshold is more than 5 approvals
    const ballots = [
      ...repeat(op([0, 1], [2]), 4),
      ...repeat(op([0, 2], [1]), 2),
      ...repeat(op([1], [0]), 2),
      op([], [0, 1, 2]),
      op([]), // blank: valid, abstains on everyone
    ];
    const result = tally(input('approve-oppose', 2, abc, ballots));
    expect(result.rounds[0].counts).toEqual([6, 6, 2]);
    expect(result.rounds[0].quota).toBe(5);
    expect(winnerNames(result)).toEqual(['Ana', 'Ben']);
    expect(result.furtherRound).toBeUndefined();
    expect(result.ballots).toMatchObject({ cast: 10, valid: 10, blank: 1 });
    expect(result.chart.line).toBe(5);
    expect(result.chart.series).toEqual([
      { name: 'approve', values: [6, 6, 2] },
      { name: 'oppose', values: [3, 3, 5] },
    ]);
    expectExplained(result);
    const lines = result.rounds[0].explanation;
    expect(lines[0]).toEqual({
      key: 'counting.methods.opinions_over',
      params: { name: 'Ana', approve: 6, oppose: 3, abstain: 1 },
    });
    expect(lines[2]).toMatchObject({
      key: 'counting.methods.opinions_under',
      params: { name: 'Cai', approve: 2, oppose: 5, abstain: 3 },
    });
  });

  it('exactly half is not more than half; inclusive makes it enough', () => {
    const ballots = [...repeat(op([0]), 2), ...repeat(op([], [0]), 2)];
    const strict = tally(input('approve-oppose', 1, abc, ballots));
    expect(strict.winners).toEqual([]);
    expect(strict.furtherRound).toEqual({ kind: 'unfilled', candidates: [0, 1, 2], seats: 1 });
    const inclusive = tally(input('approve-oppose', 1, abc, ballots, { threshold: { inclusive: true } }));
    expect(winnerNames(inclusive)).toEqual(['Ana']);
    expect(keys(inclusive)).toContain('counting.methods.threshold_valid_inclusive');
    expectExplained(strict);
    expectExplained(inclusive);
  });

  it('the base can be ballots cast (invalid ones included) or the eligible voters', () => {
    // 6 valid approvals for Ana out of 10 valid, plus 3 invalid ballots (approve and oppose the same person)
    const ballots = [...repeat(op([0]), 6), ...repeat(op([], [0]), 4), ...repeat(op([1], [1]), 3)];
    const valid = tally(input('approve-oppose', 1, abc, ballots));
    expect(valid.ballots).toMatchObject({ cast: 13, valid: 10, invalid: 3 });
    expect(winnerNames(valid)).toEqual(['Ana']);
    const cast = tally(input('approve-oppose', 1, abc, ballots, { threshold: { base: 'cast' } }));
    expect(cast.rounds[0].quota).toBe(6.5);
    expect(cast.winners).toEqual([]);
    const eligible = tally(
      input('approve-oppose', 1, abc, ballots, {
        threshold: { base: 'eligible', share: 0.25 },
        eligible: 20,
      }),
    );
    expect(eligible.rounds[0].quota).toBe(5);
    expect(winnerNames(eligible)).toEqual(['Ana']);
    expect(() =>
      tally(input('approve-oppose', 1, abc, ballots, { threshold: { base: 'eligible' } })),
    ).toThrow(TallyInputError);
    expect(() => tally(input('approve-oppose', 1, abc, ballots, { threshold: { share: 1.5 } }))).toThrow(
      TallyInputError,
    );
  });

  it('the base can be those present (实到, C5): more than half of them, exactly half not enough', () => {
    // 6 approvals for Ana of 10 valid ballots; 12 present is exactly twice 6, 11 present is not
    const ballots = [...repeat(op([0]), 6), ...repeat(op([], [0]), 4)];
    const at = (present: number) =>
      tally(input('approve-oppose', 1, abc, ballots, { threshold: { base: 'present' }, present }));
    expect(at(12).winners).toEqual([]);
    expect(at(12).threshold).toMatchObject({ base: 'present', baseValue: 12, value: 6 });
    expect(keys(at(12))).toContain('counting.methods.threshold_present');
    expect(winnerNames(at(11))).toEqual(['Ana']);
    expect(at(11).opinions?.share[0]).toBeCloseTo(6 / 11, 9);
    expectExplained(at(12));
    expect(() => tally(input('approve-oppose', 1, abc, ballots, { threshold: { base: 'present' } }))).toThrow(
      /threshold base 'present' needs options.present/,
    );
  });

  it('a two-thirds share', () => {
    const ballots = [...repeat(op([0, 1]), 6), ...repeat(op([1], [0]), 3)];
    const result = tally(input('approve-oppose', 2, abc, ballots, { threshold: { share: 2 / 3 } }));
    expect(winnerNames(result)).toEqual(['Ben']);
    expect(result.furtherRound).toEqual({ kind: 'unfilled', candidates: [0, 2], seats: 1 });
  });

  it('unfilled seats name every candidate not elected for the further round', () => {
    const ballots = [...repeat(op([0]), 3), ...repeat(op([1]), 1)];
    const result = tally(input('approve-oppose', 3, abc, ballots));
    expect(winnerNames(result)).toEqual(['Ana']);
    expect(result.furtherRound).toEqual({ kind: 'unfilled', candidates: [1, 2], seats: 2 });
    expect(keys(result)).toContain('counting.methods.further_unfilled');
  });

  it('a tie for the last seat among those over the threshold goes to a re-vote when the rule says so', () => {
    const ballots = [...repeat(op([0, 1, 2]), 3), op([0], [1, 2])];
    const result = tally(input('approve-oppose', 2, abc, ballots, { tieBreak: 'revote' }));
    expect(winnerNames(result)).toEqual(['Ana']);
    expect(result.ties).toEqual([
      { round: 1, purpose: 'last-seat', candidates: [1, 2], rule: 'revote', chosen: [], needed: 1 },
    ]);
    expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [1, 2], seats: 1 });
    expectExplained(result);
  });

  it('a tie for the last seat drawn by lot is recorded with its seed', () => {
    const ballots = [...repeat(op([0, 1, 2]), 3), op([0], [1, 2])];
    const result = tally(input('approve-oppose', 2, abc, ballots, { seed: 'agm' }));
    expect(result.winners).toHaveLength(2);
    expect(result.ties[0]).toMatchObject({ rule: 'lot', seed: 'agm', candidates: [1, 2] });
    expect(result.winners[1]).toBe(result.ties[0].chosen[0]);
    expect(result.furtherRound).toBeUndefined();
  });

  it('weights count as that many voters; unknown candidates and over-limit approvals are invalid', () => {
    const ballots = [op([0], [], 3), op([1], [0], 2), op([9]), op([0, 1, 2])];
    const result = tally(input('approve-oppose', 1, abc, ballots, { maxMarks: 2 }));
    expect(result.ballots).toMatchObject({ cast: 4, valid: 2, invalid: 2, validWeight: 5 });
    expect(result.rounds[0].counts).toEqual([3, 2, 0]);
    expect(winnerNames(result)).toEqual(['Ana']);
  });
});
