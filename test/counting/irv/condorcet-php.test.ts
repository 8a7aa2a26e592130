// The plain-IRV vectors of the Condorcet PHP suite (test/fixtures/tabulation/condorcet-php/cases.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countIrv } from '../../../src/counting/irv.js';
import type { RankingBallot } from '../../../src/counting/types.js';

interface Case {
  id: string;
  candidates: string[];
  votes: string[];
  expected: { irv?: { ranking: string[][]; rounds?: Record<string, number>[] } };
}
const cases = (
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, '..', '..', 'fixtures', 'tabulation', 'condorcet-php', 'cases.json'),
      'utf8',
    ),
  ) as {
    cases: Case[];
  }
).cases;

/** Condorcet PHP vote syntax: `A > B = C * 5` (five ballots) or `A > B ^ 3` (one ballot of weight 3). */
function parseVote(line: string, candidates: string[]): RankingBallot[] {
  const m = /^(.*?)(?:\s*([*^])\s*(\d+))?$/.exec(line.trim())!;
  const ranks = m[1].split('>').map((tier) => {
    const ids = tier.split('=').map((n) => candidates.indexOf(n.trim()));
    return ids.length === 1 ? ids[0] : ids;
  });
  const n = m[3] ? Number(m[3]) : 1;
  if (m[2] === '^') return [{ kind: 'ranking', weight: n, ranks }];
  return Array.from({ length: n }, () => ({ kind: 'ranking', ranks }));
}

const load = (id: string) => {
  const c = cases.find((x) => x.id === id)!;
  return { c, ballots: c.votes.flatMap((v) => parseVote(v, c.candidates)) };
};

describe('Condorcet PHP IRV vectors', () => {
  it('irv-french-wikipedia: rounds and winner', () => {
    const { c, ballots } = load('irv-french-wikipedia');
    const r = countIrv({
      method: 'irv',
      seats: 1,
      candidates: c.candidates.map((name) => ({ name })),
      ballots,
    });
    const expected = c.expected.irv!;
    expect(r.winners.map((w) => c.candidates[w])).toEqual(expected.ranking[0]);
    expect(
      r.rounds.map((round) =>
        Object.fromEntries(round.counts.flatMap((v, i) => (v > 0 ? [[c.candidates[i], v]] : []))),
      ),
    ).toEqual(expected.rounds);
  });

  it('irv-tie-at-top: the final tie is not broken silently', () => {
    // The library reports A and B tied at the top; Teller applies the contest's rule and records it.
    const { c, ballots } = load('irv-tie-at-top');
    expect(c.expected.irv!.ranking[0]).toEqual(['A', 'B']);
    const r = countIrv({
      method: 'irv',
      seats: 1,
      candidates: c.candidates.map((name) => ({ name })),
      ballots,
      options: { tieBreak: 'candidate-order' },
    });
    const last = r.rounds.at(-1)!;
    expect(last.counts[0]).toBe(last.counts[1]);
    expect(r.ties.at(-1)).toMatchObject({
      purpose: 'elect',
      candidates: [0, 1],
      rule: 'candidate-order',
      chosen: [0],
    });
    expect(r.winners).toEqual([0]);
    const revote = countIrv({
      method: 'irv',
      seats: 1,
      candidates: c.candidates.map((name) => ({ name })),
      ballots,
      options: { tieBreak: 'revote' },
    });
    expect(revote.winners).toEqual([]);
    expect(revote.furtherRound?.kind).toBe('revote');
  });
});
