// Properties every STV count must keep, on random elections (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import catalog from '../../../src/i18n/catalogs/counting-stv.js';
import { countMeekStv } from '../../../src/counting/stv/meek.js';
import { countScottishStv } from '../../../src/counting/stv/scottish.js';
import type {
  CandidateInput,
  CountResult,
  Explanation,
  RankingBallot,
  TallyInput,
} from '../../../src/counting/types.js';

interface Election {
  seats: number;
  candidates: CandidateInput[];
  ballots: RankingBallot[];
}

const election: fc.Arbitrary<Election> = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    seats: fc.integer({ min: 1, max: Math.min(4, n) }),
    candidates: fc
      .array(
        fc.record(
          { name: fc.constant(''), withdrawn: fc.integer({ min: 0, max: 7 }).map((x) => x === 0) },
          { requiredKeys: ['name'] },
        ),
        { minLength: n, maxLength: n },
      )
      .map((cs) => cs.map((c, i) => ({ ...c, name: `C${i}` }) as CandidateInput)),
    ballots: fc.array(
      fc.record({
        kind: fc.constant('ranking' as const),
        weight: fc.integer({ min: 1, max: 9 }),
        ranks: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
      }),
      { minLength: 1, maxLength: 40 },
    ),
  }),
);

/** an election with its ballots in another order */
const reordered = election.chain((e) =>
  fc
    .shuffledSubarray(e.ballots, { minLength: e.ballots.length, maxLength: e.ballots.length })
    .map((shuffled) => [e, { ...e, ballots: shuffled }] as const),
);

const methods = [
  { name: 'Scottish STV', count: countScottishStv, method: 'stv-scottish' as const, places: 5 },
  { name: 'Meek STV', count: countMeekStv, method: 'stv-meek' as const, places: 9 },
];

const scaled = (x: number, places: number) => Math.round(x * 10 ** places);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function allExplanations(r: CountResult): Explanation[] {
  return [...r.explanation, ...r.rounds.flatMap((x) => x.explanation), r.chart.title];
}

describe.each(methods)('$name properties', ({ count, method, places }) => {
  const run = (e: Election, options: TallyInput['options'] = {}) => count({ method, ...e, options });

  it('in every round, counts + exhausted + residual equal the valid total, exactly at the method precision', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = run(e);
        const total = scaled(r.ballots.validWeight, places);
        for (const round of r.rounds) {
          const held = round.counts.reduce((s, v) => s + scaled(v, places), 0);
          expect(held + scaled(round.exhausted, places) + scaled(round.residual ?? 0, places)).toBe(total);
        }
      }),
    );
  });

  it('never eliminates a candidate who has reached the quota', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = run(e);
        r.rounds.forEach((round, i) => {
          // Scottish STV excludes on the previous stage's counts, Meek on the round's own: check both
          const before = r.rounds[Math.max(0, i - 1)];
          for (const c of round.eliminated) {
            expect(before.counts[c]).toBeLessThan(before.quota!);
            expect(round.counts[c]).toBeLessThan(round.quota!);
          }
        });
      }),
    );
  });

  it('fills min(seats, eligible candidates) seats with distinct candidates, or says what is unfilled', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = run(e, { tieOrder: e.candidates.map((_, i) => i) });
        const eligible = e.candidates.filter((c) => !c.withdrawn).length;
        expect(new Set(r.winners).size).toBe(r.winners.length);
        for (const w of r.winners) expect(e.candidates[w].withdrawn).not.toBe(true);
        expect(r.winners.length).toBe(Math.min(e.seats, eligible));
        if (eligible < e.seats)
          expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [], seats: e.seats - eligible });
      }),
    );
  });

  it('gives the same result whatever the order of the ballots, ties drawn by lot included', () => {
    fc.assert(
      fc.property(reordered, ([a, b]) => {
        expect(run(b)).toEqual(run(a));
        expect(run(b, { seed: 's' })).toEqual(run(a, { seed: 's' }));
      }),
    );
  });

  it('explains itself only with catalog lines whose placeholders it fills, in both languages', () => {
    fc.assert(
      fc.property(
        election,
        fc.constantFrom('lot', 'backwards', 'organiser', 'revote' as const),
        (e, tieBreak) => {
          const r = run(e, { tieBreak });
          for (const x of allExplanations(r)) {
            const en = (catalog.en as Record<string, string>)[x.key];
            const zh = (catalog['zh-Hans'] as Record<string, string>)[x.key];
            expect(en, x.key).toBeDefined();
            expect(zh, x.key).toBeDefined();
            for (const p of placeholders(en)) expect(x.params ?? {}, `${x.key} {${p}}`).toHaveProperty(p);
            expect(placeholders(zh)).toEqual(placeholders(en));
          }
        },
      ),
    );
  });
});

describe('Scottish and Meek agree where there is nothing to disagree about', () => {
  it('elect the same candidates when every seat is decided on first preferences', () => {
    fc.assert(
      fc.property(election, (e) => {
        const scot = countScottishStv({ method: 'stv-scottish', ...e });
        const firstStage = scot.rounds.length === 1 && scot.rounds[0].elected.length === e.seats;
        fc.pre(firstStage);
        const meek = countMeekStv({ method: 'stv-meek', ...e });
        expect([...meek.winners].sort()).toEqual([...scot.winners].sort());
      }),
    );
  });
});

// Exact rationals are left out: their denominators grow with every iteration, so a random election that
// needs many iterations can take minutes; the rational rule is checked against Droop's reports instead.
describe.each(['guarded', 'warren'] as const)('Meek with meekRule %s', (meekRule) => {
  const run = (e: Election, options: TallyInput['options'] = {}) =>
    countMeekStv({ method: 'stv-meek', ...e, options: { meekRule, ...options } });

  it('conserves the votes in every round (to double precision: the exact values carry more places)', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = run(e);
        for (const round of r.rounds) {
          const held = round.counts.reduce((s, v) => s + v, 0) + round.exhausted;
          expect(Math.abs(held - r.ballots.validWeight)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never defeats a candidate above the quota, and fills the seats', () => {
    fc.assert(
      fc.property(election, (e) => {
        const r = run(e, { tieOrder: e.candidates.map((_, i) => i) });
        for (const round of r.rounds)
          for (const c of round.eliminated) expect(round.counts[c]).toBeLessThanOrEqual(round.quota!);
        expect(r.winners.length).toBe(Math.min(e.seats, e.candidates.filter((c) => !c.withdrawn).length));
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same result whatever the order of the ballots', () => {
    fc.assert(
      fc.property(reordered, ([a, b]) => {
        expect(run(b)).toEqual(run(a));
      }),
      { numRuns: 60 },
    );
  });
});
