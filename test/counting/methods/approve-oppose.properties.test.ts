// Approve / oppose / abstain on random elections, against a count done the plain way: every ballot read
// once, checked for the rules in order (unknown candidate, contradictory, over-marked C3), and the
// candidates' for / against / abstain (C4) summed from the valid ones; then elected ⇔ more than the
// share of the base (C5) and within the top `seats` of those (C6).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tally, type InvalidReason, type OpinionsBallot } from '../../../src/counting/index.js';

interface Election {
  n: number;
  seats: number;
  maxMarks: number | undefined;
  share: number;
  ballots: OpinionsBallot[];
}

const electionArb: fc.Arbitrary<Election> = fc.integer({ min: 2, max: 6 }).chain((n) => {
  const weight = fc.integer({ min: 1, max: 3 });
  // one opinion per candidate: always readable, so most ballots are valid
  const tidy = fc
    .record({ opinion: fc.array(fc.constantFrom(-1, 0, 1), { minLength: n, maxLength: n }), weight })
    .map(({ opinion, weight: w }) => ({
      kind: 'opinions' as const,
      approve: opinion.flatMap((o, c) => (o === 1 ? [c] : [])),
      oppose: opinion.flatMap((o, c) => (o === -1 ? [c] : [])),
      weight: w,
    }));
  // free lists: repeats, contradictions and an index past the last candidate (n) all happen
  const loose = fc.record({
    kind: fc.constant('opinions' as const),
    approve: fc.array(fc.integer({ min: 0, max: n }), { maxLength: n + 1 }),
    oppose: fc.array(fc.integer({ min: 0, max: n }), { maxLength: 2 }),
    weight,
  });
  return fc.record({
    n: fc.constant(n),
    seats: fc.integer({ min: 1, max: n }),
    maxMarks: fc.option(fc.integer({ min: 1, max: n }), { nil: undefined }),
    share: fc.constantFrom(0.5, 0.5, 1 / 3, 2 / 3),
    ballots: fc.array(fc.oneof({ weight: 3, arbitrary: tidy }, { weight: 1, arbitrary: loose }), {
      maxLength: 25,
    }),
  });
});

function byHand(e: Election) {
  const zero = () => new Array<number>(e.n).fill(0);
  const tally = { for: zero(), against: zero(), abstain: zero() };
  const invalidBy: Partial<Record<InvalidReason, number>> = {};
  let validWeight = 0;
  for (const b of e.ballots) {
    const yes = new Set(b.approve);
    const no = new Set(b.oppose);
    let reason: InvalidReason | undefined;
    if ([...yes, ...no].some((c) => c >= e.n)) reason = 'unknown-candidate';
    else if ([...yes].some((c) => no.has(c))) reason = 'contradictory';
    else if (yes.size > (e.maxMarks ?? Number.POSITIVE_INFINITY)) reason = 'over-marked';
    if (reason) {
      invalidBy[reason] = (invalidBy[reason] ?? 0) + 1;
      continue;
    }
    const w = b.weight ?? 1;
    validWeight += w;
    for (let c = 0; c < e.n; c++) {
      if (yes.has(c)) tally.for[c] += w;
      else if (no.has(c)) tally.against[c] += w;
      else tally.abstain[c] += w;
    }
  }
  return { ...tally, invalidBy, validWeight };
}

const run = (e: Election, tieBreak: 'revote' | 'lot') =>
  tally({
    method: 'approve-oppose',
    seats: e.seats,
    candidates: Array.from({ length: e.n }, (_, i) => ({ name: `C${i}` })),
    ballots: e.ballots,
    options: {
      tieBreak,
      threshold: { share: e.share },
      ...(e.maxMarks !== undefined ? { maxMarks: e.maxMarks } : {}),
    },
  });

describe('approve / oppose / abstain, on random elections', () => {
  it('for + against + abstain is the valid weight for every candidate, and matches the count by hand', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = run(e, 'revote');
        const hand = byHand(e);
        expect(r.opinions).toMatchObject({ for: hand.for, against: hand.against, abstain: hand.abstain });
        for (let c = 0; c < e.n; c++)
          expect(hand.for[c] + hand.against[c] + hand.abstain[c]).toBe(r.ballots.validWeight);
        expect(r.ballots.validWeight).toBe(hand.validWeight);
        expect(r.ballots.invalidBy).toEqual(hand.invalidBy);
        const reasons = Object.values(r.ballots.invalidBy ?? {}).reduce((s, x) => s + x, 0);
        expect(reasons).toBe(r.ballots.invalid);
        for (let c = 0; c < e.n; c++)
          expect(r.opinions!.share[c]).toBeCloseTo(hand.validWeight ? hand.for[c] / hand.validWeight : 0, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('elected ⇔ more approvals than share × base and within the top seats of those (C5, C6)', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = run(e, 'revote');
        const hand = byHand(e);
        const line = e.share * hand.validWeight;
        expect(r.threshold?.value).toBeCloseTo(line, 9);
        // C5: strictly more; a share like 1/3 of 9 must not lose 3 to rounding
        const over = (c: number) => hand.for[c] > line + 1e-9;
        const qualified = Array.from({ length: e.n }, (_, c) => c).filter(over);
        for (let c = 0; c < e.n; c++) {
          const above = qualified.filter((d) => hand.for[d] > hand.for[c]).length;
          const level = qualified.filter((d) => hand.for[d] === hand.for[c]).length;
          // with a re-vote rule a tie across the last seat elects none of the tied
          const expected = over(c) && above + level <= e.seats;
          expect(r.winners.includes(c), `C${c}`).toBe(expected);
        }
        const order = r.winners.map((w) => hand.for[w]);
        expect(order).toEqual([...order].sort((a, b) => b - a));
      }),
      { numRuns: 300 },
    );
  });

  it('a tie drawn by lot fills the seats the threshold allows, never passing over someone with more', () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = run(e, 'lot');
        const hand = byHand(e);
        const line = e.share * hand.validWeight;
        const qualified = Array.from({ length: e.n }, (_, c) => c).filter((c) => hand.for[c] > line + 1e-9);
        expect(r.winners.length).toBe(Math.min(e.seats, qualified.length));
        for (const w of r.winners) expect(qualified).toContain(w);
        const lowest = Math.min(...r.winners.map((w) => hand.for[w]));
        for (const c of qualified) if (hand.for[c] > lowest) expect(r.winners).toContain(c);
      }),
      { numRuns: 200 },
    );
  });
});
