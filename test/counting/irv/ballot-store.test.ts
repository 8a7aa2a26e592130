import { describe, expect, it } from 'vitest';
import {
  advance,
  buildRankedStore,
  chosenAt,
  cleanRanking,
  exhaustReason,
} from '../../../src/counting/ranked/ballot-store.js';
import type { IrregularityRules, RankingBallot } from '../../../src/counting/types.js';
import { TallyInputError } from '../../../src/counting/types.js';

const cands = ['A', 'B', 'C', 'D'].map((name) => ({ name }));
const ballot = (...ranks: (number | number[])[]): RankingBallot => ({ kind: 'ranking', ranks });

/** Who ballot 0 counts for once `gone` have stopped continuing: a candidate name, or the exhaustion reason. */
function countsFor(b: RankingBallot, rules: IrregularityRules, gone: number[] = []): string {
  const store = buildRankedStore([b], cands, rules);
  const continuing = new Uint8Array(cands.length).fill(1);
  for (const c of gone) continuing[c] = 0;
  const p = advance(store, 0, 0, continuing);
  return p < 0 ? exhaustReason(p) : cands[chosenAt(store, p, continuing)].name;
}

describe('overvotes', () => {
  const b = ballot([0, 1], 2);
  it("'exhaust' stops the ballot at the overvoted rank", () => {
    expect(countsFor(b, { overvote: 'exhaust' })).toBe('overvote');
  });
  it("'skip' passes over the overvoted rank", () => {
    expect(countsFor(b, { overvote: 'skip' })).toBe('C');
  });
  it("'skip' on the last marked rank leaves the ballot with no more choices", () => {
    expect(countsFor(ballot(2, [0, 1]), { overvote: 'skip' }, [2])).toBe('noMoreChoices');
  });
  it("'exhaust-if-multiple-continuing' decides by how many of the overvoted candidates continue", () => {
    expect(countsFor(b, { overvote: 'exhaust-if-multiple-continuing' })).toBe('overvote');
    expect(countsFor(b, { overvote: 'exhaust-if-multiple-continuing' }, [1])).toBe('A');
    expect(countsFor(b, { overvote: 'exhaust-if-multiple-continuing' }, [0, 1])).toBe('C');
  });
});

describe('skipped ranks', () => {
  it('0 tolerated: any gap before a later mark exhausts', () => {
    expect(countsFor(ballot([], 1), { maxSkippedRanks: 0 })).toBe('skippedRanks');
    expect(countsFor(ballot(0, [], 1), { maxSkippedRanks: 0 }, [0])).toBe('skippedRanks');
  });
  it('1 tolerated: two consecutive skips exhaust, one does not', () => {
    expect(countsFor(ballot(0, [], 2), { maxSkippedRanks: 1 }, [0])).toBe('C');
    expect(countsFor(ballot(0, [], [], 2), { maxSkippedRanks: 1 }, [0])).toBe('skippedRanks');
  });
  it('the mark before the gap still counts', () => {
    expect(countsFor(ballot(0, [], [], 2), { maxSkippedRanks: 0 })).toBe('A');
  });
  it('unlimited (the default) reads past any gap', () => {
    expect(countsFor(ballot([], [], [], 3), {})).toBe('D');
  });
  it('trailing blanks are not skips', () => {
    expect(countsFor(ballot(0, [], [], []), { maxSkippedRanks: 0 }, [0])).toBe('noMoreChoices');
  });
});

describe('duplicates', () => {
  const b = ballot(0, 1, 0, 2);
  it("'exhaust' stops the ballot at the repeat", () => {
    expect(countsFor(b, { duplicate: 'exhaust' }, [0, 1])).toBe('duplicate');
  });
  it("'skip' passes over the repeat", () => {
    expect(countsFor(b, { duplicate: 'skip' }, [0, 1])).toBe('C');
  });
});

describe('maxRankings', () => {
  it('ignores ranks beyond the limit', () => {
    expect(countsFor(ballot(0, 1, 2), { maxRankings: 2 }, [0, 1])).toBe('noMoreChoices');
    expect(countsFor(ballot(0, 1, 2), {}, [0, 1])).toBe('C');
  });
});

describe('resuming after the counted position', () => {
  it('walks on to the next continuing candidate', () => {
    const store = buildRankedStore([ballot(0, 1, 2)], cands);
    const continuing = new Uint8Array([1, 0, 1, 1]);
    const p = advance(store, 0, 0, continuing);
    expect(chosenAt(store, p, continuing)).toBe(0);
    continuing[0] = 0;
    const q = advance(store, 0, p + 1, continuing);
    expect(chosenAt(store, q, continuing)).toBe(2);
  });
});

describe('figures and irregularity counts', () => {
  it('counts ballots showing each kind, blanks and weights', () => {
    const withWriteIn = [...cands, { name: 'Write-ins', writeIn: true }];
    const store = buildRankedStore(
      [
        ballot([0, 1], 2),
        ballot([], 1),
        ballot(0, 0),
        { kind: 'ranking', weight: 2, ranks: [4, 0] },
        ballot(),
        ballot([], []),
        ballot(3),
      ],
      withWriteIn,
      { overvote: 'skip' },
    );
    expect(store.irregularities).toEqual({ overvotes: 1, skippedRanks: 1, duplicates: 1, writeIns: 1 });
    expect(store.figures).toEqual({ cast: 7, valid: 7, blank: 2, invalid: 0, validWeight: 8 });
    expect(store.size).toBe(5);
  });
  it('with allowBlank false, empty ballots are invalid', () => {
    const store = buildRankedStore([ballot(), ballot(1)], cands, {}, false);
    expect(store.figures).toEqual({ cast: 2, valid: 1, blank: 1, invalid: 1, validWeight: 1 });
  });
  it('keeps overvotes decided during the count in the clean ranking', () => {
    const store = buildRankedStore([ballot([], [0, 1], 1, 3)], cands, {
      overvote: 'exhaust-if-multiple-continuing',
    });
    expect(cleanRanking(store, 0)).toEqual([[0, 1], 1, 3]);
    const skipped = buildRankedStore([ballot([0, 1], 2, [], [], 3)], cands, {
      overvote: 'skip',
      maxSkippedRanks: 1,
    });
    expect(cleanRanking(skipped, 0)).toEqual([2]);
  });
});

describe('refused input', () => {
  it('names the ballot with an unknown candidate, a wrong kind or a bad weight', () => {
    expect(() => buildRankedStore([ballot(0), ballot(7)], cands)).toThrowError(
      /ballot 2 ranks unknown candidate 7/,
    );
    expect(() => buildRankedStore([{ kind: 'marks', marks: [0] }], cands)).toThrowError(TallyInputError);
    expect(() => buildRankedStore([{ kind: 'ranking', weight: -1, ranks: [0] }], cands)).toThrowError(
      /weight -1/,
    );
    expect(() => buildRankedStore([ballot(1.5)], cands)).toThrowError(TallyInputError);
    const malformed = { kind: 'ranking', ranks: [0, null] } as unknown as RankingBallot;
    expect(() => buildRankedStore([malformed], cands)).toThrowError(
      /ballot 1 rank 2 is neither a candidate nor a list/,
    );
    expect(() => buildRankedStore([{ kind: 'ranking' } as unknown as RankingBallot], cands)).toThrowError(
      TallyInputError,
    );
  });
});
