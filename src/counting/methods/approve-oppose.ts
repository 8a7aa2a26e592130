// Approve / oppose / abstain per candidate (C4), as formal organisational elections use it. A candidate
// is elected only with approvals above a share of a base (C5; default: more than half of the valid
// ballots, exactly half is not enough); of those above the threshold the `seats` with most approvals
// are elected (C6). A ballot approving more candidates than `maxMarks` is invalid (C3; Teller's contests
// pass the seats). Seats left unfilled, or a tie for the last seat the rule leaves open, become
// `furtherRound`, which names the candidates the organisers take into the next round or re-vote.

import type {
  CountResult,
  Explanation,
  FurtherRound,
  InvalidReason,
  OpinionsBallot,
  TallyInput,
  ThresholdBase,
  ThresholdFigures,
} from '../types.js';
import { INVALID_REASONS, TallyInputError } from '../types.js';
import { ballotWeight, makeContext, type MethodContext } from './shared/context.js';
import { FigureTally } from './shared/figures.js';
import { expectKind } from './shared/marks.js';
import { buildResult, electableList, isCandidate } from './shared/result.js';
import { comparable, selectTop } from './shared/select.js';

interface OpinionCounts {
  approve: number[];
  oppose: number[];
  figures: FigureTally;
}

function maxApprovalsOf(ctx: MethodContext): number {
  const value = ctx.options.maxMarks;
  if (value === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(value) || value < 1) {
    throw new TallyInputError(
      `maxMarks must be a whole number of at least 1, got ${value}`,
      'counting.bad_max_marks',
    );
  }
  return value;
}

/** Why a non-empty ballot cannot be counted, or undefined when it can; the first reason that applies. */
function invalidReason(
  ctx: MethodContext,
  yes: readonly number[],
  no: readonly number[],
  maxApprovals: number,
): InvalidReason | undefined {
  if (![...yes, ...no].every((c) => isCandidate(ctx, c))) return 'unknown-candidate';
  // approving and opposing the same candidate is a contradiction, not an abstention
  const opposed = new Set(no);
  if (yes.some((c) => opposed.has(c))) return 'contradictory';
  // C3: more approvals than the contest allows (Teller's default: the seats) spoils the whole ballot
  if (yes.length > maxApprovals) return 'over-marked';
  return undefined;
}

function countOpinions(ctx: MethodContext): OpinionCounts {
  const n = ctx.input.candidates.length;
  const approve = new Array<number>(n).fill(0);
  const oppose = new Array<number>(n).fill(0);
  const figures = new FigureTally(ctx.options.allowBlank ?? true, true);
  const maxApprovals = maxApprovalsOf(ctx);
  for (const raw of ctx.input.ballots) {
    const ballot: OpinionsBallot = expectKind(raw, 'opinions');
    const weight = ballotWeight(ballot.weight);
    const yes = [...new Set(ballot.approve ?? [])];
    const no = [...new Set(ballot.oppose ?? [])];
    if (yes.length === 0 && no.length === 0) {
      figures.add(weight, 'empty');
      continue;
    }
    const reason = invalidReason(ctx, yes, no, maxApprovals);
    if (reason) {
      figures.add(weight, 'invalid', 1, reason);
      continue;
    }
    figures.add(weight, 'ok');
    for (const c of yes) if (ctx.active[c]) approve[c] += weight;
    for (const c of no) if (ctx.active[c]) oppose[c] += weight;
  }
  for (const [reason, count] of Object.entries(ctx.options.setAside ?? {}))
    if (count && count > 0) figures.add(count, 'invalid', count, reason as InvalidReason);
  return { approve, oppose, figures };
}

function thresholdBase(ctx: MethodContext, base: ThresholdBase, figures: FigureTally): number {
  if (base === 'valid') return figures.validWeight;
  if (base === 'cast') return figures.castWeight;
  const given = base === 'present' ? ctx.options.present : ctx.options.eligible;
  if (given === undefined || !Number.isFinite(given) || given < 0) {
    throw new TallyInputError(
      `threshold base '${base}' needs options.${base} (the ${base === 'present' ? 'present' : 'eligible'} voters' weight)`,
      `counting.${base}_missing`,
    );
  }
  return given;
}

export function countApproveOppose(input: TallyInput): CountResult {
  const ctx = makeContext(input);
  const share = ctx.options.threshold?.share ?? 0.5;
  const base = ctx.options.threshold?.base ?? 'valid';
  const inclusive = ctx.options.threshold?.inclusive ?? false;
  if (!Number.isFinite(share) || share < 0 || share > 1) {
    throw new TallyInputError(
      `threshold share must be between 0 and 1, got ${share}`,
      'counting.bad_threshold',
    );
  }
  const { approve, oppose, figures } = countOpinions(ctx);
  const baseValue = thresholdBase(ctx, base, figures);
  const threshold = share * baseValue;
  const over = (c: number) =>
    inclusive
      ? comparable(approve[c]) >= comparable(threshold)
      : comparable(approve[c]) > comparable(threshold);

  const electable = electableList(ctx);
  const qualified = electable.filter(over);
  // C6: of those over the threshold, highest approvals first
  const selection = selectTop(ctx, approve, qualified, input.seats, 1);
  let furtherRound: FurtherRound | undefined;
  if (selection.open) {
    furtherRound = { kind: 'revote', candidates: selection.open.candidates, seats: selection.open.seats };
  } else if (selection.winners.length < input.seats) {
    furtherRound = {
      kind: 'unfilled',
      candidates: electable.filter((c) => !selection.winners.includes(c)),
      seats: input.seats - selection.winners.length,
    };
  }

  // a valid ballot that neither approved nor opposed a candidate abstained on them (C4)
  const abstain = approve.map((a, c) =>
    ctx.active[c] ? comparable(figures.validWeight - a - oppose[c]) : 0,
  );
  const shares = approve.map((a) => (baseValue > 0 ? comparable(a / baseValue) : 0));
  const thresholdFigures: ThresholdFigures = {
    base,
    baseValue: comparable(baseValue),
    share,
    inclusive,
    value: comparable(threshold),
  };

  const ruleLines: Explanation[] = [
    ...invalidLines(figures, maxApprovalsOf(ctx)),
    {
      key: `counting.methods.threshold_${base}${inclusive ? '_inclusive' : ''}`,
      params: { threshold: comparable(threshold), percent: comparable(share * 100) },
    },
  ];
  const roundLines: Explanation[] = [];
  for (let c = 0; c < input.candidates.length; c++) {
    if (!ctx.active[c]) continue;
    roundLines.push({
      key: over(c) ? 'counting.methods.opinions_over' : 'counting.methods.opinions_under',
      params: { name: input.candidates[c].name, approve: approve[c], oppose: oppose[c], abstain: abstain[c] },
    });
  }
  const result = buildResult(ctx, {
    counts: approve,
    winners: selection.winners,
    figures,
    roundLines,
    ruleLines,
    furtherRound,
    quota: threshold,
    chartTitle: 'counting.methods.chart_approvals',
    chart: {
      kind: 'bars',
      title: { key: 'counting.methods.chart_opinions' },
      labels: input.candidates.map((c) => c.name),
      series: [
        { name: 'approve', values: approve },
        { name: 'oppose', values: oppose },
      ],
      line: threshold,
    },
  });
  return {
    ...result,
    opinions: { for: [...approve], against: [...oppose], abstain, share: shares },
    threshold: thresholdFigures,
  };
}

/** One line per reason invalid ballots were set aside for, in the order the reasons are checked. */
function invalidLines(figures: FigureTally, maxApprovals: number): Explanation[] {
  const by = figures.figures().invalidBy ?? {};
  const order = INVALID_REASONS;
  return order.flatMap((reason) => {
    const count = by[reason] ?? 0;
    if (count === 0) return [];
    const key = `counting.aoa.invalid_${reason.replace(/-/g, '_')}`;
    const params: Record<string, number> =
      reason === 'over-marked' ? { count, max: maxApprovals } : { count };
    return [{ key, params }];
  });
}
