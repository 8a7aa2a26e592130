// Copeland: one point per pairwise win and half a point per pairwise tie; most points first.

import type { CountResult, TallyInput } from '../types.js';
import { makeContext } from '../methods/shared/context.js';
import { condorcetResult, standing, tiersFrom, unrankedLine } from './outcome.js';
import { buildPairwise } from './pairwise.js';

export function countCopeland(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const pairwise = buildPairwise(ctx);
  const { n, d } = pairwise;
  const candidates = standing(ctx);
  const scores = new Array<number>(n).fill(0);
  for (const a of candidates) {
    for (const b of candidates) {
      if (a === b) continue;
      if (d[a * n + b] > d[b * n + a]) scores[a] += 1;
      else if (d[a * n + b] === d[b * n + a]) scores[a] += 0.5;
    }
  }
  return condorcetResult(ctx, {
    pairwise,
    tiers: tiersFrom(candidates, (a, b) => scores[a] > scores[b]),
    scores,
    ruleLines: [{ key: 'counting.methods.rule_copeland' }, unrankedLine(ctx)],
    chartTitle: 'counting.methods.chart_pairwise',
  });
}
