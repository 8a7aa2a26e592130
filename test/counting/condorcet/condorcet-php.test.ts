// Every condorcet-php vector whose rule Teller implements (README §3), winners, rankings, strongest
// paths and Borda points, under the unranked-candidate treatment each expectation names.
// The two IRV expectations are checked at the end through tally('irv').
import { describe, expect, it } from 'vitest';
import {
  tally,
  type CountResult,
  type MethodId,
  type MethodOptions,
  type RankingBallot,
} from '../../../src/counting/index.js';
import { makeContext } from '../../../src/counting/methods/shared/context.js';
import { buildPairwise } from '../../../src/counting/condorcet/pairwise.js';
import { strongestPaths, type SchulzeStrength } from '../../../src/counting/condorcet/schulze.js';
import { loadVectors, parseVotes, readDebianTally, type Vector } from './vectors.js';

const RULES: Record<string, { method: MethodId; options: MethodOptions }> = {
  schulze_winning: { method: 'schulze', options: { strength: 'winning' } },
  schulze_margin: { method: 'schulze', options: { strength: 'margin' } },
  schulze_ratio: { method: 'schulze', options: { strength: 'ratio' } },
  ranked_pairs_winning: { method: 'ranked-pairs', options: { strength: 'winning' } },
  ranked_pairs_margin: { method: 'ranked-pairs', options: { strength: 'margin' } },
  borda_start_1: { method: 'borda', options: { borda: 'start-1' } },
  borda_start_0: { method: 'borda', options: { borda: 'start-0' } },
};

const DEBIAN: Record<string, string> = {
  'debian-dpl-2006': 'leader2006_tally.txt',
  'debian-dpl-2007': 'leader2007_tally.txt',
  'debian-dpl-2020': 'leader2020_tally.txt',
};

function election(v: Vector): { candidates: string[]; ballots: RankingBallot[] } {
  if (v.votes && v.candidates)
    return { candidates: v.candidates, ballots: parseVotes(v.votes, v.candidates) };
  return readDebianTally(DEBIAN[v.id]);
}

function tiersByName(result: CountResult): string[][] {
  return (result.ranking ?? []).map((tier) => tier.map((c) => result.candidates[c]).sort());
}

function run(v: Vector, rule: string, unranked: 'implicit-last' | 'ignore', seats = 1): CountResult {
  const { candidates, ballots } = election(v);
  const { method, options } = RULES[rule];
  return tally({
    method,
    seats,
    candidates: candidates.map((name) => ({ name })),
    ballots,
    options: { ...options, unranked },
  });
}

const vectors = loadVectors();
const checks = vectors.flatMap((v) =>
  Object.entries(v.expected).flatMap(([key, expected]) => {
    const m = /^(\w+?)(?:\[unranked=(implicit-last|ignore)\])?$/.exec(key)!;
    return [{ v, key, rule: m[1], unranked: (m[2] ?? v.unranked) as 'implicit-last' | 'ignore', expected }];
  }),
);

describe('condorcet-php vectors', () => {
  const implemented = checks.filter((c) => c.rule in RULES);

  it('covers every Schulze, ranked pairs and Borda expectation in the file', () => {
    const kinds = new Set(implemented.map((c) => c.rule));
    expect([...kinds].sort()).toEqual(Object.keys(RULES).sort());
    expect(implemented.length).toBeGreaterThanOrEqual(30);
  });

  for (const { v, key, rule, unranked, expected } of implemented) {
    it(`${v.id}: ${key}`, () => {
      const result = run(v, rule, unranked);
      if ('ranking' in expected) {
        const want = (expected.ranking as string[][]).map((t) => [...t].sort());
        expect(tiersByName(result)).toEqual(want);
      }
      if ('winners' in expected) {
        expect(tiersByName(result)[0]).toEqual([...(expected.winners as string[])].sort());
      }
      if ('winner_is_not' in expected) {
        expect(tiersByName(result)[0]).not.toContain(expected.winner_is_not);
      }
      if ('ballots' in expected) {
        expect(result.ballots.cast).toBe(expected.ballots);
        expect(result.ballots.invalid).toBe(0);
      }
      if ('points' in expected) {
        const points = Object.fromEntries(
          result.candidates.map((name, c) => [name, result.rounds[0].counts[c]]),
        );
        expect(points).toEqual(expected.points);
      }
      if ('strongest_paths' in expected) {
        const { candidates, ballots } = election(v);
        const ctx = makeContext({
          method: 'schulze',
          seats: 1,
          candidates: candidates.map((name) => ({ name })),
          ballots,
          options: { unranked },
        });
        const pw = buildPairwise(ctx);
        const strength = rule.replace('schulze_', '') as SchulzeStrength;
        const p = strongestPaths(
          pw.d,
          pw.n,
          candidates.map((_, i) => i),
          strength,
        );
        const want = expected.strongest_paths as Record<string, Record<string, number>>;
        for (const [a, row] of Object.entries(want)) {
          for (const [b, value] of Object.entries(row)) {
            expect(p[candidates.indexOf(a) * pw.n + candidates.indexOf(b)], `p[${a}][${b}]`).toBe(value);
          }
        }
      }
      // when a single candidate tops the ranking, that candidate is elected without a tie
      const top = result.ranking![0];
      if (top.length === 1) {
        expect(result.winners).toEqual(top);
        expect(result.ties).toEqual([]);
      }
    });
  }

  it('ranked-pairs-margin-vs-winning: the variants differ as cross-checked', () => {
    const check = checks.find((c) => c.rule === 'ranked_pairs_margin_vs_winning')!;
    const cross = (check.expected.computed_by_crosscheck ?? {}) as Record<string, string[][]>;
    const margin = tiersByName(run(check.v, 'ranked_pairs_margin', 'implicit-last'));
    const winning = tiersByName(run(check.v, 'ranked_pairs_winning', 'implicit-last'));
    expect(margin).toEqual(cross.margin);
    expect(winning).toEqual(cross.winning);
    expect(margin).not.toEqual(winning);
  });

  it('a tie at the top (schulze-tie-two-winners) is reported, not silently broken', () => {
    const v = vectors.find((x) => x.id === 'schulze-tie-two-winners')!;
    const open = run(v, 'schulze_winning', 'implicit-last');
    expect(open.ranking![0].length).toBe(2);
    const { candidates, ballots } = election(v);
    const revote = tally({
      method: 'schulze',
      seats: 1,
      candidates: candidates.map((name) => ({ name })),
      ballots,
      options: { tieBreak: 'revote' },
    });
    expect(revote.winners).toEqual([]);
    expect(revote.furtherRound).toEqual({ kind: 'revote', candidates: revote.ranking![0], seats: 1 });
    expect(revote.ties).toHaveLength(1);
    expect(open.ties).toHaveLength(1);
    expect(open.ties[0]).toMatchObject({ rule: 'lot', purpose: 'last-seat' });
    expect(open.winners).toEqual(open.ties[0].chosen);
  });
});

describe('condorcet-php IRV vectors', () => {
  const irvChecks = checks.filter((c) => c.rule === 'irv');

  it('both IRV vectors are here', () => {
    expect(irvChecks.map((c) => c.v.id).sort()).toEqual(['irv-french-wikipedia', 'irv-tie-at-top']);
  });

  it('irv-french-wikipedia: round by round, D wins (plurality would elect A, Borda B)', () => {
    const { v, expected } = irvChecks.find((c) => c.v.id === 'irv-french-wikipedia')!;
    const { candidates, ballots } = election(v);
    const result = tally({
      method: 'irv',
      seats: 1,
      candidates: candidates.map((name) => ({ name })),
      ballots,
      options: { tieBreak: 'revote' },
    });
    const rounds = expected.rounds as Record<string, number>[];
    expect(result.rounds).toHaveLength(rounds.length);
    rounds.forEach((want, r) => {
      const got = Object.fromEntries(
        result.candidates
          .map((name, c) => [name, result.rounds[r].counts[c]])
          .filter(([name]) => name in want),
      );
      expect(got, `round ${r + 1}`).toEqual(want);
    });
    expect(result.winners.map((w) => result.candidates[w])).toEqual((expected.ranking as string[][])[0]);
    expect(result.ties).toEqual([]);
  });

  it('irv-tie-at-top: the final tie between A and B is met, recorded and settled by the contest rule', () => {
    const { v, expected } = irvChecks.find((c) => c.v.id === 'irv-tie-at-top')!;
    const top = (expected.ranking as string[][])[0];
    const { candidates, ballots } = election(v);
    const result = tally({
      method: 'irv',
      seats: 1,
      candidates: candidates.map((name) => ({ name })),
      ballots,
      options: { tieBreak: 'lot', seed: 'php' },
    });
    const last = result.rounds.at(-1)!;
    const a = candidates.indexOf(top[0]);
    const b = candidates.indexOf(top[1]);
    expect(last.counts[a]).toBe(last.counts[b]);
    const final = result.ties.find((t) => t.purpose === 'elect')!;
    expect([...final.candidates].sort()).toEqual([a, b].sort());
    expect(final.seed).toBe('php');
    expect(result.winners).toEqual(final.chosen);
  });
});
