// Plurality (one mark; with several seats it is the single non-transferable vote), block vote (at
// most `seats` marks, or `maxMarks`) and approval (any number of marks, or at most `maxMarks`).
// Each elects the `seats` candidates with the most votes; a tie for the last seat goes to the
// contest's tie rule and is recorded.

import type { CountResult, Explanation, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { makeContext, type MethodContext } from './shared/context.js';
import { countMarks } from './shared/marks.js';
import { buildResult, electableList } from './shared/result.js';
import { furtherFor, selectTop } from './shared/select.js';

function checkMaxMarks(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) {
    throw new TallyInputError(
      `maxMarks must be a whole number of at least 1, got ${value}`,
      'counting.bad_max_marks',
    );
  }
  return value;
}

function countTop(
  ctx: MethodContext,
  maxMarks: number,
  ruleLines: Explanation[],
  title: string,
): CountResult {
  const { counts, figures } = countMarks(ctx, maxMarks);
  const selection = selectTop(ctx, counts, electableList(ctx), ctx.input.seats, 1);
  const furtherRound = furtherFor(ctx, selection);
  const roundLines = counts.flatMap((votes, c) =>
    ctx.active[c]
      ? [{ key: 'counting.methods.votes', params: { name: ctx.input.candidates[c].name, votes } }]
      : [],
  );
  return buildResult(ctx, {
    counts,
    winners: selection.winners,
    figures,
    roundLines,
    ruleLines,
    furtherRound,
    chartTitle: title,
  });
}

export function countPlurality(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  return countTop(
    ctx,
    1,
    [{ key: 'counting.methods.rule_plurality', params: { seats: input.seats } }],
    'counting.methods.chart_votes',
  );
}

export function countBlock(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const maxMarks = checkMaxMarks(ctx.options.maxMarks) ?? input.seats;
  const rule = { key: 'counting.methods.rule_block', params: { seats: input.seats, marks: maxMarks } };
  return countTop(ctx, maxMarks, [rule], 'counting.methods.chart_votes');
}

export function countApproval(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const limit = checkMaxMarks(ctx.options.maxMarks);
  const rule: Explanation =
    limit === undefined
      ? { key: 'counting.methods.rule_approval', params: { seats: input.seats } }
      : { key: 'counting.methods.rule_approval_limited', params: { seats: input.seats, marks: limit } };
  return countTop(ctx, limit ?? Number.POSITIVE_INFINITY, [rule], 'counting.methods.chart_approvals');
}
