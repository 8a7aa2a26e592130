// Assembling the one result shape for the single-round methods (and the Condorcet methods), with
// the explanation lines every result carries: ballots, ties, further rounds, who was elected.

import type {
  ChartData,
  CountResult,
  Explanation,
  FurtherRound,
  IrregularityFigures,
  Round,
  TieRecord,
} from '../../types.js';
import type { MethodContext } from './context.js';
import type { FigureTally } from './figures.js';
import { noIrregularities } from './figures.js';
import { comparable } from './select.js';

export function namesOf(ctx: MethodContext, indices: readonly number[]): string {
  return indices.map((i) => ctx.input.candidates[i].name).join(', ');
}

export function tieLines(ctx: MethodContext, ties: readonly TieRecord[]): Explanation[] {
  return ties.map((t): Explanation => {
    const names = namesOf(ctx, t.candidates);
    const rule = t.rule.replace('-', '_');
    if (t.chosen.length === 0) return { key: `counting.methods.tie_open_${rule}`, params: { names } };
    const chosen = namesOf(ctx, t.chosen);
    if (t.seed !== undefined)
      return { key: 'counting.methods.tie_lot', params: { names, chosen, seed: t.seed } };
    return { key: `counting.methods.tie_decided_${rule}`, params: { names, chosen } };
  });
}

export function furtherRoundLine(ctx: MethodContext, further: FurtherRound): Explanation {
  const names = namesOf(ctx, further.candidates);
  // a run-off is always for the one seat; the others say how many seats are at stake
  const params: Record<string, string | number> =
    further.kind === 'runoff' ? { names } : { names, seats: further.seats };
  return { key: `counting.methods.further_${further.kind}`, params };
}

export interface SingleRoundParts {
  counts: number[];
  winners: number[];
  figures: FigureTally;
  /** per-candidate lines for the round */
  roundLines: Explanation[];
  /** lines that explain the rule (threshold, variant), shown before the outcome */
  ruleLines?: Explanation[];
  furtherRound?: FurtherRound;
  chartTitle: string;
  chartLine?: number;
  quota?: number;
  irregularities?: IrregularityFigures;
  pairwise?: number[][];
  ranking?: number[][];
  chart?: ChartData;
}

export function summaryLine(figures: FigureTally): Explanation {
  const f = figures.figures();
  return {
    key: 'counting.methods.ballots',
    params: { cast: f.cast, valid: f.valid, blank: f.blank, invalid: f.invalid },
  };
}

export function buildResult(ctx: MethodContext, parts: SingleRoundParts): CountResult {
  const { input } = ctx;
  const names = input.candidates.map((c) => c.name);
  const round: Round = {
    number: 1,
    counts: parts.counts,
    ...(parts.quota !== undefined ? { quota: parts.quota } : {}),
    elected: parts.winners,
    eliminated: [],
    exhausted: parts.figures.unused,
    explanation: parts.roundLines,
  };
  const explanation: Explanation[] = [
    summaryLine(parts.figures),
    ...(parts.ruleLines ?? []),
    ...tieLines(ctx, ctx.ties),
  ];
  for (const w of parts.winners) {
    // a Condorcet method's score is not a vote count: name the winner only
    explanation.push(
      parts.pairwise
        ? { key: 'counting.methods.elected_name', params: { name: names[w] } }
        : { key: 'counting.methods.elected', params: { name: names[w], votes: parts.counts[w] } },
    );
  }
  if (parts.furtherRound) explanation.push(furtherRoundLine(ctx, parts.furtherRound));
  const options = ctx.usedSeed !== undefined ? { ...ctx.options, seed: ctx.usedSeed } : ctx.options;
  return {
    method: input.method,
    options,
    seats: input.seats,
    candidates: names,
    winners: parts.winners,
    rounds: [round],
    ties: ctx.ties,
    ballots: parts.figures.figures(),
    irregularities: parts.irregularities ?? noIrregularities(),
    ...(parts.furtherRound ? { furtherRound: parts.furtherRound } : {}),
    ...(parts.pairwise ? { pairwise: parts.pairwise } : {}),
    ranking: parts.ranking ?? tiersByCount(ctx, parts.counts),
    explanation,
    chart: parts.chart ?? {
      kind: 'bars',
      title: { key: parts.chartTitle },
      labels: names,
      series: [{ name: 'votes', values: parts.counts }],
      ...(parts.chartLine !== undefined ? { line: parts.chartLine } : {}),
    },
  };
}

/** Standing candidates grouped by equal count, highest first. */
export function tiersByCount(ctx: MethodContext, counts: readonly number[]): number[][] {
  const tiers = new Map<number, number[]>();
  counts.forEach((v, c) => {
    if (!ctx.active[c]) return;
    const key = comparable(v);
    tiers.set(key, [...(tiers.get(key) ?? []), c]);
  });
  return [...tiers.entries()].sort((a, b) => b[0] - a[0]).map(([, tier]) => tier);
}

/** The candidates a method may elect, in input order. */
export function electableList(ctx: MethodContext): number[] {
  return ctx.electable.flatMap((ok, i) => (ok ? [i] : []));
}

/** Unknown-candidate check shared by every ballot kind. */
export function isCandidate(ctx: MethodContext, c: unknown): c is number {
  return typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < ctx.input.candidates.length;
}
