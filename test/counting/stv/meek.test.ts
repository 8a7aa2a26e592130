import { describe, expect, it } from 'vitest';
import { countMeekStv } from '../../../src/counting/stv/meek.js';
import type { CandidateInput, MethodOptions, RankingBallot } from '../../../src/counting/types.js';
import { TallyInputError } from '../../../src/counting/types.js';

const names = (...ns: string[]): CandidateInput[] => ns.map((name) => ({ name }));
const rank = (weight: number, ...ranks: (number | number[])[]): RankingBallot => ({
  kind: 'ranking',
  weight,
  ranks,
});
const meek = (
  seats: number,
  candidates: CandidateInput[],
  ballots: RankingBallot[],
  options?: MethodOptions,
) => countMeekStv({ method: 'stv-meek', seats, candidates, ballots, ...(options ? { options } : {}) });

describe('countMeekStv', () => {
  it('converges keep factors so that an elected candidate keeps about a quota', () => {
    // 2 seats; A's surplus flows to B through A's keep factor
    const r = meek(2, names('A', 'B', 'C'), [rank(6, 0, 1), rank(2, 1), rank(4, 2)]);
    expect(r.winners).toEqual([0, 2]);
    const round2 = r.rounds[1];
    expect(round2.keepFactors![0]).toBeLessThan(1);
    expect(Math.abs(round2.counts[0] - round2.quota!)).toBeLessThan(1e-5);
    expect(round2.surplus!).toBeLessThan(1e-6);
  });

  it('splits an equal ranking equally between the continuing candidates at that rank', () => {
    const r = meek(1, names('A', 'B', 'C'), [rank(2, [0, 1]), rank(1, 2)]);
    expect(r.rounds[0].counts).toEqual([1, 1, 1]);
    // once C is defeated (by tie order), nothing flows; A and B stay tied until the tie order decides
    const split = meek(2, names('A', 'B', 'C'), [rank(4, [1, 2], 0), rank(3, 0)]);
    expect(split.rounds[0].counts).toEqual([3, 2, 2]);
  });

  it('passes a defeated candidate’s share of an equal ranking on down the paper', () => {
    const r = meek(1, names('A', 'B', 'C', 'D'), [rank(4, [0, 3], 1), rank(3, 1), rank(3, 2)], {
      tieOrder: [3, 0, 1, 2],
    });
    // D has 2, the lowest: defeated first; its half of the 4 papers goes to A, not on to B
    expect(r.rounds[0].eliminated).toEqual([3]);
    expect(r.rounds[1].counts[0]).toBe(4);
  });

  it('honours precision and omega', () => {
    const ballots = [rank(8, 0, 1), rank(4, 1), rank(5, 2), rank(3, 3)];
    const coarse = meek(2, names('A', 'B', 'C', 'D'), ballots, { precision: 4, omega: 2 });
    const fine = meek(2, names('A', 'B', 'C', 'D'), ballots);
    expect(coarse.winners).toEqual(fine.winners);
    for (const r of coarse.rounds) for (const k of r.keepFactors!) expect(Math.round(k * 1e4) / 1e4).toBe(k);
    const converged = (r: typeof fine) =>
      r.rounds.filter((x) => x.explanation.some((e) => e.key === 'counting.stv.meek_iterated_omega'));
    expect(converged(coarse).length).toBeGreaterThan(0);
    for (const r of converged(coarse)) expect(r.surplus!).toBeLessThan(0.01);
    for (const r of converged(fine)) expect(r.surplus!).toBeLessThan(0.000001);
    expect(() => meek(1, names('A'), ballots.slice(0, 0), { precision: 13 })).toThrow(TallyInputError);
    expect(() => meek(1, names('A'), [], { precision: 4, omega: 5 })).toThrow(/omega/);
  });

  it('recomputes the quota from the votes still held, so exhausted papers lower it', () => {
    const r = meek(2, names('A', 'B', 'C', 'D'), [rank(5, 0), rank(3, 1), rank(2, 2, 1), rank(2, 3)]);
    const first = r.rounds[0].quota!;
    expect(first).toBeCloseTo(12 / 3 + 1e-9, 9);
    const later = r.rounds[r.rounds.length - 1];
    const held = later.counts.reduce((s, v) => s + v, 0);
    expect(later.quota).toBeCloseTo(Math.floor((held / 3) * 1e9) / 1e9 + 1e-9, 9);
  });

  it('treats candidates within the surplus of the lowest as tied for defeat, and records the tie', () => {
    const r = meek(1, names('A', 'B', 'C'), [rank(3, 0), rank(2, 1), rank(2, 2)], { tieOrder: [2, 1, 0] });
    expect(r.ties[0]).toMatchObject({ purpose: 'eliminate', candidates: [1, 2], chosen: [2] });
    expect(r.rounds[0].eliminated).toEqual([2]);
  });

  it('stops for the organisers on a defeat tie when they decide ties', () => {
    const r = meek(1, names('A', 'B', 'C'), [rank(3, 0), rank(2, 1), rank(2, 2)], { tieBreak: 'organiser' });
    expect(r.winners).toEqual([]);
    expect(r.ties[0]).toMatchObject({ rule: 'organiser', chosen: [] });
    expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [0, 1, 2], seats: 1 });
  });

  it('defeats write-ins first and never elects them', () => {
    const cands: CandidateInput[] = [{ name: 'A' }, { name: 'W', writeIn: true }, { name: 'B' }];
    const r = meek(1, cands, [rank(5, 1, 2), rank(4, 0), rank(2, 2)]);
    expect(r.rounds[0].eliminated).toEqual([1]);
    expect(r.winners).toEqual([2]);
  });

  it('elects everyone when candidates do not outnumber seats, in one round', () => {
    const r = meek(3, names('A', 'B'), [rank(2, 0), rank(1, 1)]);
    expect(r.rounds).toHaveLength(1);
    expect(r.winners).toEqual([0, 1]);
    expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [], seats: 1 });
  });

  it('defeats sure losers together when batch elimination is on', () => {
    const ballots = [rank(20, 0), rank(14, 1), rank(13, 2), rank(2, 3, 2), rank(1, 4, 2)];
    const batch = meek(2, names('A', 'B', 'C', 'D', 'E'), ballots, { batchElimination: true });
    const single = meek(2, names('A', 'B', 'C', 'D', 'E'), ballots);
    expect(batch.rounds.some((r) => r.eliminated.length === 2)).toBe(true);
    expect(
      single.rounds.every((r) => r.eliminated.length <= 1 || r === single.rounds[single.rounds.length - 1]),
    ).toBe(true);
    expect(batch.winners).toEqual(single.winners);
  });
});

describe('countMeekStv with exact rationals', () => {
  it('refuses, rather than runs for hours, when the fractions outgrow any practical size', () => {
    // one paper for A then B with 3 seats: the surplus halves each iteration and the fractions square
    const ballots = [rank(5, 0, 1)];
    expect(() => meek(3, names('A', 'B', 'C', 'D'), ballots, { meekRule: 'rational' })).toThrow(
      /grew past 4096 bits/,
    );
    expect(meek(3, names('A', 'B', 'C', 'D'), ballots, { meekRule: 'guarded' }).winners).toEqual([0, 1, 2]);
  });
});
