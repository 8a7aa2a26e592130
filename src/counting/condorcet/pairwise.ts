// The pairwise matrix: d[a][b] = weight of ballots ranking a above b. Built from grouped ballots
// (each distinct ranking read once), into a flat typed array so a million ballots over twenty
// candidates stays a tight loop.

import type { IrregularityFigures } from '../types.js';
import type { MethodContext } from '../methods/shared/context.js';
import { FigureTally, noIrregularities } from '../methods/shared/figures.js';
import { forEachRankingGroup } from '../methods/shared/groups.js';
import { noteIrregularities, RankingReader } from '../methods/shared/ranking.js';
import { comparable } from '../methods/shared/select.js';

export interface Pairwise {
  n: number;
  /** flat n×n: d[a * n + b] */
  d: Float64Array;
  figures: FigureTally;
  irregularities: IrregularityFigures;
}

export function buildPairwise(ctx: MethodContext): Pairwise {
  const n = ctx.input.candidates.length;
  const implicit = (ctx.options.unranked ?? 'implicit-last') === 'implicit-last';
  const d = new Float64Array(n * n);
  const figures = new FigureTally(ctx.options.allowBlank ?? true);
  const irregularities = noIrregularities();
  const reader = new RankingReader(ctx);
  const order = reader.order;
  const level = reader.level;
  // for 'implicit-last': ranked[a] = weight of ballots ranking a, both[a*n+b] = weight ranking both;
  // ballots ranking a but not b are then ranked[a] - both[a*n+b], which costs far less per ballot
  // than visiting every unranked candidate
  const ranked = new Float64Array(n);
  const both = new Float64Array(implicit ? n * n : 0);
  forEachRankingGroup(ctx, (ballot, w, count) => {
    if (!figures.add(w, reader.read(ballot), count)) return;
    noteIrregularities(reader, irregularities, count);
    const k = reader.count;
    if (k === 0) {
      figures.unused += w;
      return;
    }
    for (let i = 0; i < k; i++) {
      const a = order[i];
      const row = a * n;
      const la = level[a];
      if (implicit) ranked[a] += w;
      for (let j = i + 1; j < k; j++) {
        const b = order[j];
        if (level[b] > la) d[row + b] += w;
        if (implicit) {
          both[row + b] += w;
          both[b * n + a] += w;
        }
      }
    }
  });
  if (implicit) {
    for (let a = 0; a < n; a++) {
      if (!ctx.active[a]) continue;
      for (let b = 0; b < n; b++) if (b !== a && ctx.active[b]) d[a * n + b] += ranked[a] - both[a * n + b];
    }
  }
  // sums of fractional weights taken in a different order differ in the last bits; a pairwise tie
  // must stay a tie, so the matrix is rounded like every other count
  for (let i = 0; i < d.length; i++) d[i] = comparable(d[i]);
  return { n, d, figures, irregularities };
}

export function matrixOf(p: Pairwise): number[][] {
  return Array.from({ length: p.n }, (_, a) => Array.from(p.d.subarray(a * p.n, (a + 1) * p.n)));
}
