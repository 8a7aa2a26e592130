// What the three Condorcet methods share once each has ordered the candidates: the winners taken
// from the ranking's tiers (a tier that straddles the last seat is a tie, decided by the contest's
// rule), and the result with the pairwise matrix and the ranking.

import type { CountResult, Explanation, FurtherRound } from '../types.js';
import { decideTie, type MethodContext } from '../methods/shared/context.js';
import { buildResult, namesOf } from '../methods/shared/result.js';
import { matrixOf, type Pairwise } from './pairwise.js';

/** Tiers from a strict "beats" relation: repeatedly take everyone no remaining candidate beats. */
export function tiersFrom(
  candidates: readonly number[],
  beats: (a: number, b: number) => boolean,
): number[][] {
  let remaining = [...candidates];
  const tiers: number[][] = [];
  while (remaining.length > 0) {
    const top = remaining.filter((a) => !remaining.some((b) => b !== a && beats(b, a)));
    // a cycle in the relation (never for Schulze or locked pairs) would leave no top: keep the rest tied
    const tier = top.length > 0 ? top : remaining;
    tiers.push(tier);
    remaining = remaining.filter((c) => !tier.includes(c));
  }
  return tiers;
}

export function standing(ctx: MethodContext): number[] {
  return ctx.active.flatMap((ok, c) => (ok ? [c] : []));
}

interface Seats {
  winners: number[];
  furtherRound?: FurtherRound;
}

export function winnersFromTiers(
  ctx: MethodContext,
  tiers: readonly number[][],
  scores: readonly number[],
): Seats {
  const winners: number[] = [];
  for (const tier of tiers) {
    const need = ctx.input.seats - winners.length;
    if (need <= 0) break;
    const electable = tier.filter((c) => ctx.electable[c]);
    if (electable.length <= need) {
      winners.push(...electable);
      continue;
    }
    const chosen = decideTie(ctx, electable, need, 'highest', 'last-seat', 1, [scores]);
    if (chosen === null)
      return { winners, furtherRound: { kind: 'revote', candidates: electable, seats: need } };
    winners.push(...chosen);
  }
  if (winners.length < ctx.input.seats) {
    const rest = ctx.electable.flatMap((ok, c) => (ok && !winners.includes(c) ? [c] : []));
    return {
      winners,
      furtherRound: { kind: 'unfilled', candidates: rest, seats: ctx.input.seats - winners.length },
    };
  }
  return { winners };
}

export interface CondorcetParts {
  pairwise: Pairwise;
  tiers: number[][];
  /** the method's own score per candidate (reported as the round's counts) */
  scores: number[];
  ruleLines: Explanation[];
  chartTitle: string;
}

export function condorcetResult(ctx: MethodContext, parts: CondorcetParts): CountResult {
  const { pairwise: p, tiers, scores } = parts;
  const seats = winnersFromTiers(ctx, tiers, scores);
  const names = ctx.input.candidates.map((c) => c.name);
  const roundLines: Explanation[] = [];
  const active = standing(ctx);
  for (const a of active) {
    for (const b of active) {
      if (b <= a) continue;
      roundLines.push({
        key: 'counting.methods.pair',
        params: { a: names[a], b: names[b], ab: p.d[a * p.n + b], ba: p.d[b * p.n + a] },
      });
    }
  }
  tiers.forEach((tier, i) =>
    roundLines.push({ key: 'counting.methods.place', params: { place: i + 1, names: namesOf(ctx, tier) } }),
  );
  const matrix = matrixOf(p);
  return buildResult(ctx, {
    counts: scores,
    winners: seats.winners,
    figures: p.figures,
    roundLines,
    ruleLines: parts.ruleLines,
    furtherRound: seats.furtherRound,
    irregularities: p.irregularities,
    pairwise: matrix,
    ranking: tiers,
    chartTitle: parts.chartTitle,
    chart: {
      kind: 'matrix',
      title: { key: 'counting.methods.chart_pairwise' },
      labels: names,
      series: matrix.map((row, a) => ({ name: names[a], values: row })),
    },
  });
}

export function unrankedLine(ctx: MethodContext): Explanation {
  const implicit = (ctx.options.unranked ?? 'implicit-last') === 'implicit-last';
  return { key: implicit ? 'counting.methods.unranked_implicit' : 'counting.methods.unranked_ignore' };
}
