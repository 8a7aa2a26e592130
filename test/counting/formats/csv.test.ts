import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CsvFormatError,
  readCsvBallots,
  splitCsvLine,
  writeCsvBallots,
  WRITE_IN_NAME,
} from '../../../src/counting/formats/csv.js';
import { TallyInputError, type RankingBallot } from '../../../src/counting/types.js';

describe('readCsvBallots', () => {
  it('reads one ballot per line, names in preference order, candidates in order of appearance', () => {
    const { candidates, ballots } = readCsvBallots('Alice,Bob\nBob\n\nCarol,Alice,Bob\n');
    expect(candidates).toEqual([{ name: 'Alice' }, { name: 'Bob' }, { name: 'Carol' }]);
    expect(ballots).toEqual([
      { kind: 'ranking', ranks: [0, 1] },
      { kind: 'ranking', ranks: [1] },
      { kind: 'ranking', ranks: [2, 0, 1] },
    ]);
  });

  it('reads overvotes, skipped ranks and drops trailing blanks', () => {
    const { ballots } = readCsvBallots('A|B,,C,,\n', ['A', 'B', 'C']);
    expect(ballots[0].ranks).toEqual([[0, 1], [], 2]);
  });

  it('reads quoted names with commas and quotes, CRLF and a byte-order mark', () => {
    const text = '\uFEFF"Mavodones, Nicholas M. Jr.", "Say ""Hi"""\r\nX\r\n';
    const { candidates, ballots } = readCsvBallots(text);
    expect(candidates.map((c) => c.name)).toEqual(['Mavodones, Nicholas M. Jr.', 'Say "Hi"', 'X']);
    expect(ballots.map((b) => b.ranks)).toEqual([[0, 1], [2]]);
  });

  it('uses a weight column when the header starts with weight or count', () => {
    const { ballots } = readCsvBallots('count,rank 1,rank 2\n3,A,B\n0.5,B\n2,,\n', ['A', 'B']);
    expect(ballots).toEqual([
      { kind: 'ranking', weight: 3, ranks: [0, 1] },
      { kind: 'ranking', weight: 0.5, ranks: [1] },
      { kind: 'ranking', weight: 2, ranks: [] },
    ]);
  });

  it('skips a rank header without a weight column, but not a candidate called like one', () => {
    expect(readCsvBallots('Rank_1,Rank_2\nA,B\n').ballots).toHaveLength(1);
    const named = readCsvBallots('rank 1,B\nB\n', ['rank 1', 'B']);
    expect(named.ballots.map((b) => b.ranks)).toEqual([[0, 1], [1]]);
  });

  it('maps #uwi to a write-in candidate and #overvote to an overvote of everyone', () => {
    const { candidates, ballots } = readCsvBallots('#uwi,A\nA,#overvote,B\n', ['A', 'B']);
    expect(candidates).toEqual([{ name: 'A' }, { name: 'B' }, { name: WRITE_IN_NAME, writeIn: true }]);
    expect(ballots.map((b) => b.ranks)).toEqual([
      [2, 0],
      [0, [0, 1, 2], 1],
    ]);
  });

  it('uses a given write-in candidate for #uwi', () => {
    const { candidates, ballots } = readCsvBallots('#UWI\n', [{ name: 'Others', writeIn: true }]);
    expect(candidates).toHaveLength(1);
    expect(ballots[0].ranks).toEqual([0]);
  });

  it('reads a # candidates: line as the candidate list, which must match candidates given', () => {
    const text = '# candidates: A, B, C\nA,B\n';
    const read = readCsvBallots(text);
    expect(read.candidates).toEqual([{ name: 'A' }, { name: 'B' }, { name: 'C' }]);
    expect(read.candidateListLine).toBe(1);
    expect(readCsvBallots(text, ['A', 'B', 'C']).ballots).toEqual(read.ballots);
    expect(() => readCsvBallots(text, ['A', 'C', 'B'])).toThrow(
      'line 1: the candidate list differs from the candidates given (A, C, B)',
    );
  });

  it('reads a line of commas as a blank ballot', () => {
    expect(readCsvBallots(',,\nA\n').ballots[0]).toEqual({ kind: 'ranking', ranks: [] });
  });
});

describe('malformed CSV', () => {
  const error = (text: string, candidates?: string[], options = {}) => {
    try {
      readCsvBallots(text, candidates, options);
    } catch (e) {
      return e as CsvFormatError;
    }
    throw new Error('expected an error');
  };

  it('names the line of an unknown candidate', () => {
    const e = error('A\nB\nZed,A\n', ['A', 'B']);
    expect(e).toBeInstanceOf(TallyInputError);
    expect(e.line).toBe(3);
    expect(e.code).toBe('counting.csv.unknown_candidate');
    expect(e.message).toBe('line 3: unknown candidate "Zed"');
  });

  it('names the line of a bad weight', () => {
    const e = error('weight,rank 1\n1,A\nlots,B\n');
    expect([e.line, e.code]).toEqual([3, 'counting.csv.bad_weight']);
    expect(error('weight,rank 1\n-2,A\n').line).toBe(2);
  });

  it('names the line of broken quoting', () => {
    expect([error('A\n"B,C\n').line, error('A\n"B,C\n').code]).toEqual([2, 'counting.csv.unclosed_quote']);
    expect(error('"A"x\n').code).toBe('counting.csv.text_after_quote');
    expect(error('A\nB"C\n').code).toBe('counting.csv.stray_quote');
  });

  it('names the line of an empty name inside an overvote', () => {
    expect([error('A|,B\n').line, error('A|,B\n').code]).toEqual([1, 'counting.csv.empty_name']);
  });

  it('refuses a mark beyond maxRankings, but not trailing blanks', () => {
    const e = error('A,B,C\nA,B,C,D\n', undefined, { maxRankings: 3 });
    expect([e.line, e.code]).toEqual([2, 'counting.csv.too_many_rankings']);
    expect(readCsvBallots('A,B,C,,\n', undefined, { maxRankings: 3 }).ballots).toHaveLength(1);
  });

  it('refuses a candidate list with a name twice', () => {
    expect(() => readCsvBallots('A\n', ['A', 'A'])).toThrowError(TallyInputError);
  });
});

describe('splitCsvLine', () => {
  it('keeps empty cells and trims unquoted ones', () => {
    expect(splitCsvLine(' a , ,"b c" ,', 1)).toEqual(['a', '', 'b c', '']);
  });
});

describe('writeCsvBallots', () => {
  const candidates = [
    { name: 'Mavodones, Nicholas M. Jr.' },
    { name: 'Say "Hi"' },
    { name: 'C' },
    { name: 'Others', writeIn: true },
  ];
  const rankArb = fc.oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.constant([] as number[]),
    fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 3 }),
  );
  const ballotArb = fc.record({
    kind: fc.constant('ranking' as const),
    weight: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 50 }), fc.constantFrom(0.5, 2.25)),
    ranks: fc.array(rankArb, { maxLength: 5 }),
  });
  const normalise = (b: RankingBallot): RankingBallot => {
    const ranks = [...b.ranks];
    while (ranks.length > 0 && Array.isArray(ranks.at(-1)) && (ranks.at(-1) as number[]).length === 0)
      ranks.pop();
    return (b.weight ?? 1) === 1 ? { kind: 'ranking', ranks } : { kind: 'ranking', weight: b.weight, ranks };
  };

  it('reads back what it wrote', () => {
    fc.assert(
      fc.property(fc.array(ballotArb, { maxLength: 12 }), (ballots) => {
        const text = writeCsvBallots(candidates, ballots);
        const back = readCsvBallots(text, candidates);
        expect(back.candidates).toEqual(candidates);
        expect(back.ballots).toEqual(ballots.map(normalise));
      }),
      { numRuns: 300 },
    );
  });

  it('writes a header, quotes names with commas, and marks overvotes and skips', () => {
    const text = writeCsvBallots(candidates, [{ kind: 'ranking', ranks: [0, [], [1, 2]] }]);
    expect(text).toBe('rank 1,rank 2,rank 3\n"Mavodones, Nicholas M. Jr.",,"Say ""Hi""|C"\n');
  });

  it('refuses names it could not read back', () => {
    expect(() => writeCsvBallots([{ name: 'A|B' }], [])).toThrowError(TallyInputError);
    expect(() => writeCsvBallots([{ name: '#uwi' }], [])).toThrowError(TallyInputError);
    expect(() => writeCsvBallots([{ name: ' A' }], [])).toThrowError(TallyInputError);
  });
});
