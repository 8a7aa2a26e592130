// Approve / oppose / abstain per candidate, as formal organisational elections use it. A candidate
// is elected only with approvals above a share of a base (default: more than half of the valid
// ballots); of those above the threshold the `seats` with most approvals are elected. Seats left
// unfilled, or a tie for the last seat the rule leaves open, become `furtherRound`, which names the
// candidates the organisers take into the next round or re-vote.

import type {
  CountResult,
  Explanation,
  FurtherRound,
  OpinionsBallot,
  TallyInput,
  ThresholdBase,
} from '../types.js';
import { TallyInputError } from '../types.js';
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

function countOpinions(ctx: MethodContext): OpinionCounts {
  const n = ctx.input.candidates.length;
  const approve = new Array<number>(n).fill(0);
  const oppose = new Array<number>(n).fill(0);
  const figures = new FigureTally(ctx.options.allowBlank ?? true);
  const maxApprovals = ctx.options.maxMarks ?? Number.POSITIVE_INFINITY;
  for (const raw of ctx.input.ballots) {
    const ballot: OpinionsBallot = expectKind(raw, 'opinions');
    const weight = ballotWeight(ballot.weight);
    const yes = [...new Set(ballot.approve ?? [])];
    const no = [...new Set(ballot.oppose ?? [])];
    if (yes.length === 0 && no.length === 0) {
      figures.add(weight, 'empty');
      continue;
    }
    // approving and opposing the same candidate is a contradiction, not an abstention
    const contradictory = yes.some((c) => no.includes(c));
    const unknown = ![...yes, ...no].every((c) => isCandidate(ctx, c));
    if (contradictory || unknown || yes.length > maxApprovals) {
      figures.add(weight, 'invalid');
      continue;
    }
    figures.add(weight, 'ok');
    for (const c of yes) if (ctx.active[c]) approve[c] += weight;
    for (const c of no) if (ctx.active[c]) oppose[c] += weight;
  }
  return { approve, oppose, figures };
}

function thresholdBase(ctx: MethodContext, base: ThresholdBase, figures: FigureTally): number {
  if (base === 'valid') return figures.validWeight;
  if (base === 'cast') return figures.castWeight;
  const eligible = ctx.options.eligible;
  if (eligible === undefined || !Number.isFinite(eligible) || eligible < 0) {
    throw new TallyInputError(
      "threshold base 'eligible' needs options.eligible (the eligible voters' weight)",
      'counting.eligible_missing',
    );
  }
  return eligible;
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
  const threshold = share * thresholdBase(ctx, base, figures);
  const over = (c: number) =>
    inclusive
      ? comparable(approve[c]) >= comparable(threshold)
      : comparable(approve[c]) > comparable(threshold);

  const electable = electableList(ctx);
  const qualified = electable.filter(over);
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

  const ruleLines: Explanation[] = [
    {
      key: `counting.methods.threshold_${base}${inclusive ? '_inclusive' : ''}`,
      params: { threshold: comparable(threshold), percent: comparable(share * 100) },
    },
  ];
  const roundLines: Explanation[] = [];
  for (let c = 0; c < input.candidates.length; c++) {
    if (!ctx.active[c]) continue;
    const abstain = comparable(figures.validWeight - approve[c] - oppose[c]);
    roundLines.push({
      key: over(c) ? 'counting.methods.opinions_over' : 'counting.methods.opinions_under',
      params: { name: input.candidates[c].name, approve: approve[c], oppose: oppose[c], abstain },
    });
  }
  return buildResult(ctx, {
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
}
