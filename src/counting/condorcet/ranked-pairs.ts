// Ranked pairs (Tideman): majorities are locked in from the strongest down, skipping any that would
// make a cycle with those already locked. Strength is winning votes (ties between equal winning
// votes go to the pair with fewer votes against) or margin. Pairs of exactly equal strength are
// taken together: those that conflict with each other are all skipped rather than letting list
// order decide, so a genuine tie shows up as a tie in the ranking.

import type { CountResult, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { makeContext } from '../methods/shared/context.js';
import { condorcetResult, standing, tiersFrom, unrankedLine } from './outcome.js';
import { buildPairwise } from './pairwise.js';

interface Pair {
  a: number;
  b: number;
  primary: number;
  secondary: number;
}

function reaches(
  edges: Uint8Array,
  n: number,
  from: number,
  to: number,
  extra: readonly Pair[] = [],
): boolean {
  const seen = new Uint8Array(n);
  const stack = [from];
  seen[from] = 1;
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x === to) return true;
    for (let y = 0; y < n; y++) {
      if (!seen[y] && edges[x * n + y]) {
        seen[y] = 1;
        stack.push(y);
      }
    }
    for (const p of extra) {
      if (p.a === x && !seen[p.b]) {
        seen[p.b] = 1;
        stack.push(p.b);
      }
    }
  }
  return false;
}

/** Locks pairs in order of strength; returns the locked graph as a flat n×n 0/1 matrix. */
export function lockPairs(
  d: Float64Array,
  n: number,
  candidates: readonly number[],
  strength: 'winning' | 'margin',
): Uint8Array {
  const pairs: Pair[] = [];
  for (const a of candidates) {
    for (const b of candidates) {
      const ab = d[a * n + b];
      const ba = d[b * n + a];
      if (ab > ba)
        pairs.push(
          strength === 'winning'
            ? { a, b, primary: ab, secondary: -ba }
            : { a, b, primary: ab - ba, secondary: 0 },
        );
    }
  }
  pairs.sort((x, y) => y.primary - x.primary || y.secondary - x.secondary);
  const locked = new Uint8Array(n * n);
  for (let i = 0; i < pairs.length; ) {
    let j = i;
    while (
      j < pairs.length &&
      pairs[j].primary === pairs[i].primary &&
      pairs[j].secondary === pairs[i].secondary
    )
      j++;
    const group = pairs.slice(i, j).filter((p) => !reaches(locked, n, p.b, p.a));
    const safe = group.filter((p) => !reaches(locked, n, p.b, p.a, group));
    for (const p of safe) locked[p.a * n + p.b] = 1;
    i = j;
  }
  return locked;
}

export function countRankedPairs(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const strength = ctx.options.strength ?? 'winning';
  if (strength !== 'winning' && strength !== 'margin') {
    throw new TallyInputError(
      `ranked pairs strength must be 'winning' or 'margin', got ${strength}`,
      'counting.bad_strength',
    );
  }
  const pairwise = buildPairwise(ctx);
  const { n } = pairwise;
  const candidates = standing(ctx);
  const locked = lockPairs(pairwise.d, n, candidates, strength);
  const scores = new Array<number>(n).fill(0);
  for (const a of candidates)
    for (const b of candidates) if (a !== b && reaches(locked, n, a, b)) scores[a]++;
  return condorcetResult(ctx, {
    pairwise,
    tiers: tiersFrom(candidates, (a, b) => locked[a * n + b] === 1),
    scores,
    ruleLines: [{ key: `counting.methods.rule_ranked_pairs_${strength}` }, unrankedLine(ctx)],
    chartTitle: 'counting.methods.chart_pairwise',
  });
}
