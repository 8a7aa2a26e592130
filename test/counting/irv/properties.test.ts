import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countIrv } from '../../../src/counting/irv.js';
import type { MethodOptions, RankingBallot, TallyInput } from '../../../src/counting/types.js';

// a rank: one candidate, a skipped rank, or (with two or more candidates) an overvote
const rankArb = (n: number): fc.Arbitrary<number | number[]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: n - 1 }) },
    { weight: 1, arbitrary: fc.constant([] as number[]) },
    ...(n >= 2
      ? [
          {
            weight: 1,
            arbitrary: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: 2 }),
          },
        ]
      : []),
  );
const ballotArb = (n: number) =>
  fc.record({
    kind: fc.constant('ranking' as const),
    weight: fc.integer({ min: 1, max: 5 }),
    ranks: fc.array(rankArb(n), { minLength: 0, maxLength: n + 1 }),
  });
const optionsArb: fc.Arbitrary<MethodOptions> = fc.record({
  tieBreak: fc.constantFrom('lot', 'backwards', 'forwards', 'candidate-order' as const),
  seed: fc.string({ maxLength: 8 }),
  batchElimination: fc.boolean(),
  continueUntilTwo: fc.boolean(),
  irregularities: fc.record({
    overvote: fc.constantFrom('exhaust', 'skip', 'exhaust-if-multiple-continuing' as const),
    maxSkippedRanks: fc.constantFrom(0, 1, 'unlimited' as const),
    duplicate: fc.constantFrom('skip', 'exhaust' as const),
  }),
});
const electionArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    ballots: fc.array(ballotArb(n), { maxLength: 40 }),
    options: optionsArb,
  }),
);
const input = (n: number, ballots: RankingBallot[], options: MethodOptions): TallyInput => ({
  method: 'irv',
  seats: 1,
  candidates: Array.from({ length: n }, (_, i) => ({ name: `C${i}` })),
  ballots,
  options,
});

describe('IRV properties', () => {
  it('reordering the ballots never changes the result', () => {
    fc.assert(
      fc.property(electionArb, fc.infiniteStream(fc.nat()), ({ n, ballots, options }, picks) => {
        const shuffled = [...ballots];
        const it = picks[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = it.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        expect(countIrv(input(n, shuffled, options))).toEqual(countIrv(input(n, ballots, options)));
      }),
      { numRuns: 200 },
    );
  });

  it('reordering ballots with decimal weights never changes the result either', () => {
    const tenths = fc.integer({ min: 1, max: 30 }).map((k) => k / 10);
    const decimalElection = fc.integer({ min: 2, max: 5 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        ballots: fc.array(
          fc.record({
            kind: fc.constant('ranking' as const),
            weight: tenths,
            ranks: fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
          }),
          { maxLength: 30 },
        ),
      }),
    );
    fc.assert(
      fc.property(decimalElection, ({ n, ballots }) => {
        const reversed = [...ballots].reverse();
        const sorted = [...ballots].sort((a, b) => a.weight - b.weight);
        // no seed given: the one derived from the input must not depend on the order either
        const expected = countIrv(input(n, ballots, {}));
        expect(countIrv(input(n, reversed, {}))).toEqual(expected);
        expect(countIrv(input(n, sorted, {}))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('re-running with the same seed gives the identical result', () => {
    fc.assert(
      fc.property(electionArb, ({ n, ballots, options }) => {
        expect(countIrv(input(n, ballots, options))).toEqual(countIrv(input(n, ballots, options)));
      }),
      { numRuns: 200 },
    );
  });

  it('with two candidates, IRV elects the plurality winner (ties go to the tie rule)', () => {
    const two = fc.array(
      fc.record({
        kind: fc.constant('ranking' as const),
        weight: fc.integer({ min: 1, max: 9 }),
        ranks: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(two, fc.string({ maxLength: 6 }), (ballots, seed) => {
        const first = [0, 0];
        for (const b of ballots) first[b.ranks[0] as number] += b.weight;
        const r = countIrv(input(2, ballots, { seed }));
        expect(r.rounds).toHaveLength(1);
        expect(r.rounds[0].counts).toEqual(first);
        if (first[0] !== first[1]) {
          expect(r.winners).toEqual([first[0] > first[1] ? 0 : 1]);
          expect(r.ties).toEqual([]);
        } else {
          expect(r.ties).toHaveLength(1);
          expect(r.winners).toEqual(r.ties[0].chosen);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('in every round the counts plus the exhausted weight equal the valid weight of marked ballots', () => {
    fc.assert(
      fc.property(electionArb, ({ n, ballots, options }) => {
        const r = countIrv(input(n, ballots, options));
        const marked = ballots.filter((b) => b.ranks.some((x) => typeof x === 'number' || x.length > 0));
        const total = marked.reduce((s, b) => s + (b.weight ?? 1), 0);
        for (const round of r.rounds) {
          expect(round.counts.reduce((a, b) => a + b, 0) + round.exhausted).toBe(total);
        }
        // exhaustion only grows, and the winner was never eliminated
        r.rounds
          .slice(1)
          .forEach((round, k) => expect(round.exhausted).toBeGreaterThanOrEqual(r.rounds[k].exhausted));
        for (const w of r.winners) expect(r.rounds.flatMap((x) => x.eliminated)).not.toContain(w);
      }),
      { numRuns: 200 },
    );
  });

  it('batch elimination does not change the winner when no tie is met', () => {
    fc.assert(
      fc.property(electionArb, ({ n, ballots, options }) => {
        const base = { ...options, continueUntilTwo: false };
        const one = countIrv(input(n, ballots, { ...base, batchElimination: false }));
        const batch = countIrv(input(n, ballots, { ...base, batchElimination: true }));
        fc.pre(one.ties.length === 0 && batch.ties.length === 0);
        expect(batch.winners).toEqual(one.winners);
      }),
      { numRuns: 200 },
    );
  });
});
