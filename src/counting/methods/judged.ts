// Judged scoring: a panel scores each candidate on several criteria, each in 1..5 by default.
// A judge's mark for a candidate is the weighted mean of the criteria; a candidate's result is the
// mean of the marks of the judges who scored them (ballot weight counts as that many judges). A
// judge may leave a candidate out entirely (a declared conflict of interest is common on panels),
// but a candidate scored on only some criteria makes the ballot invalid: that mark cannot be
// compared with the others. Candidates no judge scored cannot be elected.

import type { CountResult, CriteriaBallot, Explanation, FurtherRound, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { ballotWeight, makeContext } from './shared/context.js';
import { FigureTally } from './shared/figures.js';
import { expectKind } from './shared/marks.js';
import { buildResult, electableList } from './shared/result.js';
import { scoreRange } from './score.js';
import { comparable, selectTop } from './shared/select.js';

type RowState = 'none' | 'full' | 'bad';

function rowState(
  row: readonly (number | null)[] | null | undefined,
  k: number,
  min: number,
  max: number,
): RowState {
  if (!row || row.every((s) => s === null || s === undefined)) return 'none';
  if (row.length !== k) return 'bad';
  return row.every((s) => typeof s === 'number' && s >= min && s <= max) ? 'full' : 'bad';
}

export function countJudged(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const { min, max } = scoreRange(ctx.options.scoreRange, { min: 1, max: 5 });
  const n = input.candidates.length;
  const ballots: CriteriaBallot[] = [];
  for (const raw of input.ballots) ballots.push(expectKind(raw, 'criteria'));
  // without named criteria, the first scored row says how many there are
  const k =
    ctx.options.criteria?.length ??
    ballots.flatMap((b) => b.scores ?? []).find((row) => row?.some((s) => s !== null && s !== undefined))
      ?.length ??
    1;
  const weights = ctx.options.criteria?.map((c) => c.weight ?? 1) ?? new Array<number>(k).fill(1);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (k === 0 || weights.some((w) => !Number.isFinite(w) || w < 0) || !(weightSum > 0)) {
    throw new TallyInputError(
      'judged scoring needs criteria with weights of at least 0 and a positive sum',
      'counting.bad_criteria',
    );
  }
  const criterionNames = ctx.options.criteria?.map((c) => c.name) ?? weights.map((_, i) => `#${i + 1}`);

  const markSum = new Array<number>(n).fill(0);
  const judges = new Array<number>(n).fill(0);
  const perCriterion = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  const figures = new FigureTally(ctx.options.allowBlank ?? true);
  for (const ballot of ballots) {
    const weight = ballotWeight(ballot.weight);
    const rows = ballot.scores ?? [];
    const states = rows.map((row, c) =>
      c >= n && rowState(row, k, min, max) !== 'none' ? 'bad' : rowState(row, k, min, max),
    );
    const state = states.includes('bad') ? 'invalid' : states.includes('full') ? 'ok' : 'empty';
    if (!figures.add(weight, state)) continue;
    for (let c = 0; c < n; c++) {
      if (states[c] !== 'full' || !ctx.active[c]) continue;
      const row = rows[c] as readonly number[];
      let mark = 0;
      for (let i = 0; i < k; i++) {
        mark += weights[i] * row[i];
        perCriterion[c][i] += weight * row[i];
      }
      markSum[c] += (weight * mark) / weightSum;
      judges[c] += weight;
    }
  }

  const counts = markSum.map((sum, c) => (judges[c] > 0 ? comparable(sum / judges[c]) : 0));
  const candidates = electableList(ctx).filter((c) => judges[c] > 0);
  const selection = selectTop(ctx, counts, candidates, input.seats, 1);
  let furtherRound: FurtherRound | undefined;
  if (selection.open)
    furtherRound = { kind: 'revote', candidates: selection.open.candidates, seats: selection.open.seats };
  else if (selection.winners.length < input.seats) {
    const rest = electableList(ctx).filter((c) => !selection.winners.includes(c));
    furtherRound = { kind: 'unfilled', candidates: rest, seats: input.seats - selection.winners.length };
  }
  const roundLines: Explanation[] = [];
  for (let c = 0; c < n; c++) {
    if (!ctx.active[c]) continue;
    const name = input.candidates[c].name;
    roundLines.push({
      key: 'counting.methods.judged_mean',
      params: { name, mean: counts[c], judges: judges[c] },
    });
    for (let i = 0; i < k && judges[c] > 0; i++) {
      const mean = comparable(perCriterion[c][i] / judges[c]);
      roundLines.push({
        key: 'counting.methods.judged_criterion',
        params: { name, criterion: criterionNames[i], mean, weight: weights[i] },
      });
    }
  }
  return buildResult(ctx, {
    counts,
    winners: selection.winners,
    figures,
    roundLines,
    ruleLines: [
      { key: 'counting.methods.rule_judged', params: { criteria: criterionNames.join(', '), min, max } },
    ],
    furtherRound,
    chartTitle: 'counting.methods.chart_judged',
  });
}
