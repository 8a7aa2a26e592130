// Schulze: strongest paths over the pairwise links, by winning votes (default), margin or ratio.
// a is ranked above b when the strongest path from a to b is stronger than the one back.

import type { CountResult, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { makeContext } from '../methods/shared/context.js';
import { condorcetResult, standing, tiersFrom, unrankedLine } from './outcome.js';
import { buildPairwise } from './pairwise.js';

export type SchulzeStrength = 'winning' | 'margin' | 'ratio';

/** The link a→b: zero unless more prefer a to b than b to a. */
export function linkStrength(ab: number, ba: number, strength: SchulzeStrength): number {
  if (!(ab > ba)) return 0;
  if (strength === 'winning') return ab;
  if (strength === 'margin') return ab - ba;
  return ba === 0 ? Number.POSITIVE_INFINITY : ab / ba;
}

/** Widest paths (Floyd–Warshall) among `candidates`; p is flat n×n like d. */
export function strongestPaths(
  d: Float64Array,
  n: number,
  candidates: readonly number[],
  strength: SchulzeStrength,
): Float64Array {
  const p = new Float64Array(n * n);
  for (const a of candidates)
    for (const b of candidates)
      if (a !== b) p[a * n + b] = linkStrength(d[a * n + b], d[b * n + a], strength);
  for (const k of candidates) {
    for (const i of candidates) {
      if (i === k) continue;
      const ik = p[i * n + k];
      if (ik === 0) continue;
      for (const j of candidates) {
        if (j === i || j === k) continue;
        const via = Math.min(ik, p[k * n + j]);
        if (via > p[i * n + j]) p[i * n + j] = via;
      }
    }
  }
  return p;
}

export function countSchulze(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const strength = ctx.options.strength ?? 'winning';
  if (!['winning', 'margin', 'ratio'].includes(strength)) {
    throw new TallyInputError(`unknown Schulze link strength: ${strength}`, 'counting.bad_strength');
  }
  const pairwise = buildPairwise(ctx);
  const { n } = pairwise;
  const candidates = standing(ctx);
  const p = strongestPaths(pairwise.d, n, candidates, strength);
  const beats = (a: number, b: number) => p[a * n + b] > p[b * n + a];
  const scores = new Array<number>(n).fill(0);
  for (const a of candidates) for (const b of candidates) if (a !== b && beats(a, b)) scores[a]++;
  return condorcetResult(ctx, {
    pairwise,
    tiers: tiersFrom(candidates, beats),
    scores,
    ruleLines: [{ key: `counting.methods.rule_schulze_${strength}` }, unrankedLine(ctx)],
    chartTitle: 'counting.methods.chart_pairwise',
  });
}
