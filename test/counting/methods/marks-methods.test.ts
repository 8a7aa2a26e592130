import { describe, expect, it } from 'vitest';
import { tally, TallyInputError } from '../../../src/counting/index.js';
import { expectExplained, input, keys, marks, people, repeat, winnerNames } from './helpers.js';

const abcd = people('Ana', 'Ben', 'Cai', 'Dee');

describe('plurality', () => {
  it('elects the candidate with most votes and reports every count', () => {
    const ballots = [...repeat(marks([0]), 3), ...repeat(marks([1]), 5), marks([2], 2.5), marks([])];
    const result = tally(input('plurality', 1, abcd, ballots));
    expect(winnerNames(result)).toEqual(['Ben']);
    expect(result.rounds).toHaveLength(1);
    expect(result.rounds[0].counts).toEqual([3, 5, 2.5, 0]);
    expect(result.rounds[0].elected).toEqual([1]);
    expect(result.ballots).toEqual({ cast: 10, valid: 10, blank: 1, invalid: 0, validWeight: 11.5 });
    expect(result.rounds[0].exhausted).toBe(1);
    expect(result.chart.kind).toBe('bars');
    expect(result.chart.series[0].values).toEqual([3, 5, 2.5, 0]);
    expect(result.ties).toEqual([]);
    expectExplained(result);
  });

  it('counts a ballot with two marks or an unknown candidate as invalid, for no one', () => {
    const ballots = [marks([0, 1]), marks([7]), marks([-1]), marks([0]), marks([1]), marks([1])];
    const result = tally(input('plurality', 1, abcd, ballots));
    expect(result.ballots.invalid).toBe(3);
    expect(result.ballots.valid).toBe(3);
    expect(result.rounds[0].counts).toEqual([1, 2, 0, 0]);
  });

  it('counts an empty ballot as invalid when blank ballots are not allowed', () => {
    const result = tally(input('plurality', 1, abcd, [marks([]), marks([2])], { allowBlank: false }));
    expect(result.ballots).toMatchObject({ cast: 2, valid: 1, blank: 0, invalid: 1, validWeight: 1 });
  });

  it('never elects a withdrawn candidate or a write-in, and passes over marks for the withdrawn', () => {
    const candidates = [
      { name: 'Ana', withdrawn: true },
      { name: 'Ben' },
      { name: 'Write-in', writeIn: true },
      { name: 'Dee' },
    ];
    const ballots = [
      ...repeat(marks([0]), 9),
      ...repeat(marks([2]), 6),
      ...repeat(marks([1]), 2),
      marks([3]),
    ];
    const result = tally(input('plurality', 1, candidates, ballots));
    expect(winnerNames(result)).toEqual(['Ben']);
    expect(result.rounds[0].counts).toEqual([0, 2, 6, 1]);
    expect(result.ballots.valid).toBe(18);
    expect(result.rounds[0].exhausted).toBe(9);
  });

  it('with several seats elects the top candidates in order of votes', () => {
    const ballots = [...repeat(marks([3]), 4), ...repeat(marks([1]), 6), ...repeat(marks([0]), 5)];
    expect(winnerNames(tally(input('plurality', 2, abcd, ballots)))).toEqual(['Ben', 'Ana']);
  });

  it('rejects a ballot of the wrong kind and nonsense weights', () => {
    const ranking = { kind: 'ranking', ranks: [0] } as const;
    expect(() => tally(input('plurality', 1, abcd, [ranking]))).toThrow(TallyInputError);
    expect(() => tally(input('plurality', 1, abcd, [marks([0], -1)]))).toThrow(/weight/);
    expect(() => tally(input('plurality', 0, abcd, [marks([0])]))).toThrow(/seats/);
  });
});

describe('ties for the last seat', () => {
  const tied = [...repeat(marks([0]), 4), ...repeat(marks([1]), 4), ...repeat(marks([2]), 1)];

  it('by lot: drawn with a recorded seed, and the same seed draws the same', () => {
    const a = tally(input('plurality', 1, abcd, tied, { tieBreak: 'lot', seed: 'meeting-2026' }));
    const b = tally(
      input('plurality', 1, abcd, [...tied].reverse(), { tieBreak: 'lot', seed: 'meeting-2026' }),
    );
    expect(a.ties).toHaveLength(1);
    expect(a.ties[0]).toMatchObject({
      purpose: 'last-seat',
      candidates: [0, 1],
      rule: 'lot',
      seed: 'meeting-2026',
    });
    expect(a.ties[0].chosen).toHaveLength(1);
    expect([0, 1]).toContain(a.winners[0]);
    expect(a.winners).toEqual(a.ties[0].chosen);
    expect(b.winners).toEqual(a.winners);
    expect(a.options.seed).toBe('meeting-2026');
    expect(a.furtherRound).toBeUndefined();
    expect(keys(a)).toContain('counting.methods.tie_lot');
    expectExplained(a);
  });

  it('by lot without a seed: derives one from the counts and records it', () => {
    const a = tally(input('plurality', 1, abcd, tied));
    const b = tally(input('plurality', 1, abcd, [...tied].reverse()));
    expect(a.ties[0].seed).toMatch(/^auto-[0-9a-f]{8}$/);
    expect(a.options.seed).toBe(a.ties[0].seed);
    expect(b.ties[0].seed).toBe(a.ties[0].seed);
    expect(b.winners).toEqual(a.winners);
  });

  it('different seeds can draw differently (the seed really drives the draw)', () => {
    const drawn = new Set<number>();
    for (let i = 0; i < 40; i++)
      drawn.add(tally(input('plurality', 1, abcd, tied, { seed: `s${i}` })).winners[0]);
    expect([...drawn].sort()).toEqual([0, 1]);
  });

  it('organiser or revote: nobody is elected to the tied seat and the tie stays open', () => {
    for (const rule of ['organiser', 'revote'] as const) {
      const result = tally(input('plurality', 1, abcd, tied, { tieBreak: rule }));
      expect(result.winners).toEqual([]);
      expect(result.ties).toEqual([
        { round: 1, purpose: 'last-seat', candidates: [0, 1], rule, chosen: [], needed: 1 },
      ]);
      expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
      expectExplained(result);
    }
  });

  it('candidate order: the earlier candidate takes the seat, recorded', () => {
    const result = tally(input('plurality', 1, abcd, tied, { tieBreak: 'candidate-order' }));
    expect(result.winners).toEqual([0]);
    expect(result.ties[0]).toMatchObject({ rule: 'candidate-order', chosen: [0] });
  });

  it('a tie that does not decide a seat is not a tie for the last seat', () => {
    const result = tally(input('plurality', 2, abcd, tied, { tieBreak: 'revote' }));
    expect(result.winners.sort()).toEqual([0, 1]);
    expect(result.ties).toEqual([]);
    expect(result.furtherRound).toBeUndefined();
  });

  it('a three-way tie for two seats keeps those above and leaves the rest to the rule', () => {
    const ballots = [
      ...repeat(marks([0]), 5),
      ...repeat(marks([1]), 3),
      ...repeat(marks([2]), 3),
      ...repeat(marks([3]), 3),
    ];
    const result = tally(input('plurality', 2, abcd, ballots, { tieBreak: 'revote' }));
    expect(result.winners).toEqual([0]);
    expect(result.furtherRound).toEqual({ kind: 'revote', candidates: [1, 2, 3], seats: 1 });
  });
});

describe('more seats than candidates who can take them', () => {
  it('elects those there are and reports the rest of the seats as unfilled', () => {
    const candidates = [{ name: 'Ana' }, { name: 'Other', writeIn: true }, { name: 'Ben', withdrawn: true }];
    for (const method of ['plurality', 'approval'] as const) {
      const result = tally(input(method, 2, candidates, [marks([0]), marks([1])]));
      expect(winnerNames(result)).toEqual(['Ana']);
      expect(result.furtherRound).toEqual({ kind: 'unfilled', candidates: [], seats: 1 });
      expectExplained(result);
    }
    const ranked = { kind: 'ranking', ranks: [1, 0] } as const;
    for (const method of ['borda', 'schulze', 'copeland'] as const) {
      const result = tally(input(method, 2, candidates, [ranked]));
      expect(winnerNames(result), method).toEqual(['Ana']);
      expect(result.furtherRound, method).toEqual({ kind: 'unfilled', candidates: [], seats: 1 });
    }
  });
});

describe('block vote', () => {
  it('allows up to `seats` marks and elects the top `seats`', () => {
    const ballots = [marks([0, 1]), marks([0, 2]), marks([1, 0]), marks([3]), marks([0, 1, 2])];
    const result = tally(input('block', 2, abcd, ballots));
    expect(result.rounds[0].counts).toEqual([3, 2, 1, 1]);
    expect(winnerNames(result)).toEqual(['Ana', 'Ben']);
    expect(result.ballots.invalid).toBe(1);
    expectExplained(result);
  });

  it('honours a smaller maxMarks (limited vote)', () => {
    const result = tally(input('block', 2, abcd, [marks([0, 1]), marks([2])], { maxMarks: 1 }));
    expect(result.ballots.invalid).toBe(1);
    expect(result.rounds[0].counts).toEqual([0, 0, 1, 0]);
  });

  it('counts a candidate marked twice once', () => {
    const result = tally(input('block', 2, abcd, [marks([2, 2])]));
    expect(result.rounds[0].counts).toEqual([0, 0, 1, 0]);
    expect(result.ballots.valid).toBe(1);
  });
});

describe('approval', () => {
  it('takes any number of marks by default', () => {
    const ballots = [marks([0, 1, 2, 3]), marks([1, 2]), marks([1]), marks([3], 2)];
    const result = tally(input('approval', 1, abcd, ballots));
    expect(result.rounds[0].counts).toEqual([1, 3, 2, 3]);
    expect(result.ties[0]).toMatchObject({ candidates: [1, 3], purpose: 'last-seat' });
    expect(result.ballots.invalid).toBe(0);
    expectExplained(result);
  });

  it('with maxMarks a ballot over the limit is invalid', () => {
    const ballots = [marks([0, 1, 2]), marks([1, 2]), marks([2])];
    const result = tally(input('approval', 1, abcd, ballots, { maxMarks: 2 }));
    expect(result.ballots.invalid).toBe(1);
    expect(result.rounds[0].counts).toEqual([0, 1, 2, 0]);
    expect(winnerNames(result)).toEqual(['Cai']);
    expect(keys(result)).toContain('counting.methods.rule_approval_limited');
    expect(() => tally(input('approval', 1, abcd, ballots, { maxMarks: 0 }))).toThrow(TallyInputError);
  });
});
