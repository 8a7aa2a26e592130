// Properties every method must have, checked on random elections (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BALLOT_KIND,
  METHOD_IDS,
  tally,
  type Ballot,
  type MethodId,
  type MethodOptions,
  type TallyInput,
} from '../../src/counting/index.js';

const MAX_CANDIDATES = 5;

function ballotArb(method: MethodId, n: number): fc.Arbitrary<Ballot> {
  const weight = fc.integer({ min: 1, max: 3 });
  const someCandidates = fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n });
  switch (BALLOT_KIND[method]) {
    case 'marks':
      return fc.record({ kind: fc.constant('marks' as const), marks: someCandidates, weight });
    case 'opinions':
      return fc
        .record({ opinion: fc.array(fc.constantFrom(-1, 0, 1), { minLength: n, maxLength: n }), weight })
        .map(({ opinion, weight }) => ({
          kind: 'opinions' as const,
          approve: opinion.flatMap((o, c) => (o === 1 ? [c] : [])),
          oppose: opinion.flatMap((o, c) => (o === -1 ? [c] : [])),
          weight,
        }));
    case 'scores':
      return fc.record({
        kind: fc.constant('scores' as const),
        scores: fc.array(fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }), {
          minLength: n,
          maxLength: n,
        }),
        weight,
      });
    case 'criteria':
      return fc.record({
        kind: fc.constant('criteria' as const),
        scores: fc.array(
          fc.oneof(fc.constant([]), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 2 })),
          {
            minLength: n,
            maxLength: n,
          },
        ),
        weight,
      });
    case 'ranking':
      return fc.record({ kind: fc.constant('ranking' as const), ranks: someCandidates, weight });
  }
}

/** A random election for `method`, with a shuffled copy of its ballots. */
function electionArb(method: MethodId) {
  return fc.integer({ min: 2, max: MAX_CANDIDATES }).chain((n) =>
    fc
      .record({
        seats:
          method === 'two-round' || method === 'irv' ? fc.constant(1) : fc.integer({ min: 1, max: n - 1 }),
        ballots: fc.array(ballotArb(method, n), { minLength: 1, maxLength: 30 }),
        tieBreak: fc.constantFrom<NonNullable<MethodOptions['tieBreak']>>(
          'lot',
          'revote',
          'backwards',
          'candidate-order',
        ),
        seed: fc.option(fc.string({ maxLength: 6 }), { nil: undefined }),
      })
      .chain((e) =>
        fc
          .shuffledSubarray(e.ballots, { minLength: e.ballots.length, maxLength: e.ballots.length })
          .map((shuffled) => ({
            ...e,
            n,
            shuffled,
          })),
      ),
  );
}

function inputOf(
  method: MethodId,
  e: { n: number; seats: number; tieBreak: MethodOptions['tieBreak']; seed?: string },
  ballots: Ballot[],
): TallyInput {
  const options: MethodOptions = { tieBreak: e.tieBreak, ...(e.seed !== undefined ? { seed: e.seed } : {}) };
  if (method === 'judged') options.criteria = [{ name: 'a', weight: 2 }, { name: 'b' }];
  return {
    method,
    seats: e.seats,
    candidates: Array.from({ length: e.n }, (_, i) => ({ name: `C${i}` })),
    ballots,
    options,
  };
}

describe('every method', () => {
  for (const method of METHOD_IDS) {
    it(`${method}: reordering the ballots never changes the result`, () => {
      fc.assert(
        fc.property(electionArb(method), (e) => {
          const a = tally(inputOf(method, e, e.ballots));
          const b = tally(inputOf(method, e, e.shuffled));
          expect(b).toEqual(a);
        }),
        { numRuns: 60 },
      );
    });

    it(`${method}: the same seed gives an identical result, lots included`, () => {
      fc.assert(
        fc.property(electionArb(method), (e) => {
          const a = tally(inputOf(method, { ...e, tieBreak: 'lot' }, e.ballots));
          const b = tally(inputOf(method, { ...e, tieBreak: 'lot' }, [...e.ballots]));
          expect(b).toEqual(a);
          for (const t of a.ties) if (t.rule === 'lot') expect(t.seed).toBe(e.seed ?? a.options.seed);
        }),
        { numRuns: 40 },
      );
    });

    it(`${method}: never elects more than the seats, nor anyone twice`, () => {
      fc.assert(
        fc.property(electionArb(method), (e) => {
          const r = tally(inputOf(method, e, e.ballots));
          expect(r.winners.length).toBeLessThanOrEqual(e.seats);
          expect(new Set(r.winners).size).toBe(r.winners.length);
          for (const w of r.winners) expect(w >= 0 && w < e.n).toBe(true);
        }),
        { numRuns: 40 },
      );
    });

    // types.ts: with allowBlank (the default) an empty ballot is a valid blank ballot
    it(`${method}: every ballot is cast, and is either valid (blank included) or invalid`, () => {
      fc.assert(
        fc.property(electionArb(method), (e) => {
          const r = tally(inputOf(method, e, e.ballots));
          expect(r.ballots.cast).toBe(e.ballots.length);
          expect(r.ballots.valid + r.ballots.invalid).toBe(r.ballots.cast);
          expect(r.ballots.blank).toBeLessThanOrEqual(r.ballots.valid);
        }),
        { numRuns: 40 },
      );
    });
  }
});

/** Independent pairwise count: full and partial rankings, unranked below ranked. */
function condorcetWinner(n: number, ballots: { ranks: number[]; weight: number }[]): number | undefined {
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const b of ballots) {
    const pos = (c: number) => (b.ranks.includes(c) ? b.ranks.indexOf(c) : n);
    for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (pos(x) < pos(y)) d[x][y] += b.weight;
  }
  return Array.from({ length: n }, (_, c) => c).find((x) => d[x].every((v, y) => y === x || v > d[y][x]));
}

describe('Condorcet consistency', () => {
  it('a Condorcet winner wins Schulze (every strength), ranked pairs (both) and Copeland', () => {
    const arb = fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        ballots: fc.array(
          fc.record({
            ranks: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
            weight: fc.integer({ min: 1, max: 4 }),
          }),
          { minLength: 1, maxLength: 25 },
        ),
      }),
    );
    let seen = 0;
    fc.assert(
      fc.property(arb, ({ n, ballots }) => {
        const winner = condorcetWinner(n, ballots);
        fc.pre(winner !== undefined);
        seen++;
        const candidates = Array.from({ length: n }, (_, i) => ({ name: `C${i}` }));
        const input = ballots.map((b) => ({ kind: 'ranking' as const, ranks: b.ranks, weight: b.weight }));
        const runs: [MethodId, MethodOptions][] = [
          ['schulze', { strength: 'winning' }],
          ['schulze', { strength: 'margin' }],
          ['schulze', { strength: 'ratio' }],
          ['ranked-pairs', { strength: 'winning' }],
          ['ranked-pairs', { strength: 'margin' }],
          ['copeland', {}],
        ];
        for (const [method, options] of runs) {
          const r = tally({
            method,
            seats: 1,
            candidates,
            ballots: input,
            options: { ...options, tieBreak: 'revote' },
          });
          expect(r.winners, `${method} ${options.strength ?? ''}`).toEqual([winner]);
          expect(r.ranking![0]).toEqual([winner]);
        }
      }),
      { numRuns: 200 },
    );
    expect(seen).toBeGreaterThan(50);
  });

  it('with two candidates, IRV, plurality on first preferences, Schulze and two-round agree', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ first: fc.integer({ min: 0, max: 1 }), weight: fc.integer({ min: 1, max: 5 }) }),
          { minLength: 1, maxLength: 30 },
        ),
        (votes) => {
          const candidates = [{ name: 'A' }, { name: 'B' }];
          const ranked = votes.map((v) => ({
            kind: 'ranking' as const,
            ranks: [v.first, 1 - v.first],
            weight: v.weight,
          }));
          const marks = votes.map((v) => ({ kind: 'marks' as const, marks: [v.first], weight: v.weight }));
          const opts: MethodOptions = { tieBreak: 'revote' };
          const plurality = tally({
            method: 'plurality',
            seats: 1,
            candidates,
            ballots: marks,
            options: opts,
          });
          const irv = tally({ method: 'irv', seats: 1, candidates, ballots: ranked, options: opts });
          const schulze = tally({ method: 'schulze', seats: 1, candidates, ballots: ranked, options: opts });
          const twoRound = tally({
            method: 'two-round',
            seats: 1,
            candidates,
            ballots: marks,
            options: opts,
          });
          expect(irv.winners).toEqual(plurality.winners);
          expect(schulze.winners).toEqual(plurality.winners);
          expect(twoRound.winners).toEqual(plurality.winners);
        },
      ),
      { numRuns: 100 },
    );
  });
});
