// The pairwise matrix: d[a][b] = weight of ballots ranking a above b. Built from grouped ballots
// (each distinct ranking read once), into a flat typed array so a million ballots over twenty
// candidates stays a tight loop.

import type { IrregularityFigures } from '../types.js';
import type { MethodContext } from '../methods/shared/context.js';
import { FigureTally, noIrregularities } from '../methods/shared/figures.js';
import { forEachRankingGroup } from '../methods/shared/groups.js';
import { noteIrregularities, RankingReader } from '../methods/shared/ranking.js';

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
  const unranked = new Int32Array(n);
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
      for (let j = i + 1; j < k; j++) {
        const b = order[j];
        if (level[b] > la) d[row + b] += w;
      }
    }
    if (!implicit) return;
    // every ranked candidate is preferred to every unranked one still standing
    let u = 0;
    for (let c = 0; c < n; c++) if (ctx.active[c] && !reader.ranked(c)) unranked[u++] = c;
    for (let i = 0; i < k; i++) {
      const row = order[i] * n;
      for (let j = 0; j < u; j++) d[row + unranked[j]] += w;
    }
  });
  return { n, d, figures, irregularities };
}

export function matrixOf(p: Pairwise): number[][] {
  return Array.from({ length: p.n }, (_, a) => Array.from(p.d.subarray(a * p.n, (a + 1) * p.n)));
}
