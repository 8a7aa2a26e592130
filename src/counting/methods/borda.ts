// Borda count. With N candidates standing (withdrawn ones do not count), the variant 'start-1'
// gives N points for a first place down to 1 for the last; 'start-0' gives N-1 down to 0.
// Candidates ranked equal share the average of the points of the places they occupy. Unranked
// candidates either share the remaining places at the bottom ('implicit-last', the default) or get
// no points from that ballot ('ignore').

import type { CountResult, Explanation, IrregularityFigures, TallyInput } from '../types.js';
import { makeContext } from './shared/context.js';
import { FigureTally, noIrregularities } from './shared/figures.js';
import { forEachRankingGroup } from './shared/groups.js';
import { noteIrregularities, RankingReader } from './shared/ranking.js';
import { buildResult, electableList } from './shared/result.js';
import { comparable, furtherFor, selectTop } from './shared/select.js';

export function countBorda(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const variant = ctx.options.borda ?? 'start-1';
  const implicit = (ctx.options.unranked ?? 'implicit-last') === 'implicit-last';
  const n = input.candidates.length;
  const standing = ctx.active.filter(Boolean).length;
  const top = variant === 'start-1' ? standing : standing - 1;
  // the points of places p .. p+k-1 (0-based) shared equally
  const share = (p: number, k: number) => top - p - (k - 1) / 2;

  const points = new Array<number>(n).fill(0);
  const figures = new FigureTally(ctx.options.allowBlank ?? true);
  const irregularities: IrregularityFigures = noIrregularities();
  const reader = new RankingReader(ctx);
  forEachRankingGroup(ctx, (ballot, weight, count) => {
    const state = reader.read(ballot);
    if (!figures.add(weight, state, count)) return;
    noteIrregularities(reader, irregularities, count);
    if (reader.count === 0) {
      figures.unused += weight;
      return;
    }
    let start = 0;
    for (let l = 0; l < reader.levels; l++) {
      const end = reader.levelEnd[l];
      const each = share(start, end - start) * weight;
      for (let i = start; i < end; i++) points[reader.order[i]] += each;
      start = end;
    }
    const unranked = standing - reader.count;
    if (implicit && unranked > 0) {
      const each = share(reader.count, unranked) * weight;
      for (let c = 0; c < n; c++) if (ctx.active[c] && !reader.ranked(c)) points[c] += each;
    }
  });

  const counts = points.map(comparable);
  const selection = selectTop(ctx, counts, electableList(ctx), input.seats, 1);
  const furtherRound = furtherFor(ctx, selection);
  const ruleLines: Explanation[] = [
    {
      key: `counting.methods.rule_borda_${variant === 'start-1' ? 'start1' : 'start0'}`,
      params: { first: top, last: top - standing + 1 },
    },
    { key: implicit ? 'counting.methods.unranked_implicit' : 'counting.methods.unranked_ignore' },
  ];
  const roundLines = counts.flatMap((v, c) =>
    ctx.active[c]
      ? [{ key: 'counting.methods.points', params: { name: input.candidates[c].name, points: v } }]
      : [],
  );
  return buildResult(ctx, {
    counts,
    winners: selection.winners,
    figures,
    roundLines,
    ruleLines,
    furtherRound,
    irregularities,
    chartTitle: 'counting.methods.chart_points',
  });
}
