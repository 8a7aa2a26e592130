// Score (range) voting: each voter gives each candidate a score in the allowed range (default 0..5);
// the candidates with the highest total are elected. A candidate left unscored gets the lowest
// score from that ballot, so being unknown is never an advantage (averaging only over those who
// scored would let a candidate scored by one fan beat one scored by everyone).

import type { CountResult, ScoresBallot, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { ballotWeight, makeContext } from './shared/context.js';
import { FigureTally } from './shared/figures.js';
import { expectKind } from './shared/marks.js';
import { buildResult, electableList } from './shared/result.js';
import { comparable, furtherFor, selectTop } from './shared/select.js';

export function scoreRange(
  range: { min: number; max: number } | undefined,
  fallback: { min: number; max: number },
) {
  const { min, max } = range ?? fallback;
  if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) {
    throw new TallyInputError(
      `score range must have min below max, got ${min}..${max}`,
      'counting.bad_score_range',
    );
  }
  return { min, max };
}

export function countScore(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const { min, max } = scoreRange(ctx.options.scoreRange, { min: 0, max: 5 });
  const n = input.candidates.length;
  const totals = new Array<number>(n).fill(0);
  const scored = new Array<number>(n).fill(0);
  const figures = new FigureTally(ctx.options.allowBlank ?? true);
  let counted = 0;
  for (const raw of input.ballots) {
    const ballot: ScoresBallot = expectKind(raw, 'scores');
    const weight = ballotWeight(ballot.weight);
    const scores = ballot.scores ?? [];
    let any = false;
    let bad = false;
    for (let c = 0; c < scores.length; c++) {
      const s = scores[c];
      if (s === null || s === undefined) continue;
      any = true;
      if (c >= n || typeof s !== 'number' || !(s >= min && s <= max)) bad = true;
    }
    // a blank ballot is valid but adds the same (nothing) to everyone, so it is left out of totals
    if (!figures.add(weight, bad ? 'invalid' : any ? 'ok' : 'empty')) continue;
    counted += weight;
    for (let c = 0; c < n; c++) {
      if (!ctx.active[c]) continue;
      const s = scores[c];
      const given = s === null || s === undefined ? min : s;
      totals[c] += given * weight;
      if (s !== null && s !== undefined) scored[c] += weight;
    }
  }

  const counts = totals.map(comparable);
  const selection = selectTop(ctx, counts, electableList(ctx), input.seats, 1);
  const furtherRound = furtherFor(ctx, selection);
  const roundLines = counts.flatMap((total, c) =>
    ctx.active[c]
      ? [
          {
            key: 'counting.methods.score_total',
            params: {
              name: input.candidates[c].name,
              total,
              average: counted > 0 ? comparable(total / counted) : 0,
              scored: scored[c],
            },
          },
        ]
      : [],
  );
  return buildResult(ctx, {
    counts,
    winners: selection.winners,
    figures,
    roundLines,
    ruleLines: [{ key: 'counting.methods.rule_score', params: { min, max, seats: input.seats } }],
    furtherRound,
    chartTitle: 'counting.methods.chart_scores',
  });
}
