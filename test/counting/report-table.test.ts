// The round-by-round report shared by `teller tally` and the announcement (src/counting/report-table.ts).
import { describe, expect, it } from 'vitest';
import { tally } from '../../src/counting/index.js';
import {
  alignColumns,
  columnsOf,
  formatNumber,
  formattedParams,
  roundSteps,
  roundTable,
} from '../../src/counting/report-table.js';
import type { RankingBallot } from '../../src/counting/types.js';

const LABELS = { round: (n: number) => `R${n}`, quota: '(quota)', exhausted: '(exhausted)' };

const rank = (weight: number, ...ranks: number[]): RankingBallot => ({ kind: 'ranking', weight, ranks });

/** Club AGM: Ana 42, Ben 26, Cai 15, Dee 17; IRV eliminates Cai (to Dee), then Ben, and Dee wins. */
const agm = () =>
  tally({
    method: 'irv',
    seats: 1,
    candidates: ['Ana', 'Ben', 'Cai', 'Dee'].map((name) => ({ name })),
    ballots: [rank(42, 0, 1, 2), rank(26, 1, 2, 3), rank(15, 2, 3, 1), rank(17, 3, 2, 1)],
  });

describe('report table', () => {
  it('writes numbers without float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1300)).toBe('1300');
    expect(formatNumber(2 / 3)).toBe('0.666666667');
    expect(formattedParams({ key: 'k', params: { votes: 0.1 + 0.2, name: 'Ana' } })).toEqual({
      votes: '0.3',
      name: 'Ana',
    });
  });

  it('aligns names left and figures right, two spaces apart', () => {
    expect(
      alignColumns([
        ['', 'R1', 'R2'],
        ['Ana', '42', '7'],
        ['Benedict', '3', '100'],
      ]),
    ).toEqual(['          R1   R2', 'Ana       42    7', 'Benedict   3  100']);
  });

  it('gives a Chinese name two columns a character, so its figures line up with the others', () => {
    expect(columnsOf('王小明')).toBe(6);
    expect(columnsOf('Ana')).toBe(3);
    expect(
      alignColumns([
        ['', 'R1'],
        ['王小明', '42'],
        ['Ana', '7'],
      ]),
    ).toEqual(['        R1', '王小明  42', 'Ana      7']);
  });

  it('has a row per candidate, the majority or quota, and the exhausted weight, for every round or a slice of them', () => {
    const r = agm();
    expect(r.rounds).toHaveLength(3);
    expect(roundTable(r, LABELS)).toEqual([
      '             R1  R2  R3',
      'Ana          42  42  42',
      'Ben          26  26   0',
      'Cai          15   0   0',
      'Dee          17  32  58',
      '(quota)      51  51  51',
      '(exhausted)   0   0   0',
    ]);
    expect(roundTable(r, LABELS, { slice: [1, 3], names: ['A', 'B', 'C', 'D'] })).toEqual([
      '             R2  R3',
      'A            42  42',
      'B            26   0',
      'C             0   0',
      'D            32  58',
      '(quota)      51  51',
      '(exhausted)   0   0',
    ]);
  });

  it('shows the quota row where the method has a quota', () => {
    const r = tally({
      method: 'stv-scottish',
      seats: 2,
      candidates: ['Ana', 'Ben', 'Cai'].map((name) => ({ name })),
      ballots: [rank(4, 0, 1), rank(2, 2), rank(1, 1, 2)],
    });
    const table = roundTable(r, LABELS);
    expect(table.find((l) => l.startsWith('(quota)'))).toMatch(/^\(quota\)(\s+3)+$/);
  });

  it('opens each round with whom it elected and eliminated, then its explanations indented', () => {
    const r = agm();
    const steps = roundSteps(r, {
      heading: (round, elected, eliminated) =>
        `Round ${round.number} [${elected.join(',')}] [${eliminated.join(',')}]`,
      line: (line) => line.key,
    });
    expect(steps.map((s) => s[0])).toEqual(['Round 1 [] [Cai]', 'Round 2 [] [Ben]', 'Round 3 [Dee] []']);
    for (const [i, s] of steps.entries()) {
      expect(s.slice(1)).toEqual(r.rounds[i].explanation.map((l) => `  ${l.key}`));
      expect(s.length).toBeGreaterThan(1);
    }
  });
});
