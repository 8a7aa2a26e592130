// Choosing the top `seats` candidates by a score, with the tie for the last seat reported and
// decided by the contest's tie rule (or left open for the organiser or a re-vote).

import type { FurtherRound } from '../../types.js';
import type { MethodContext } from './context.js';
import { decideTie } from './context.js';

export interface Selection {
  /** elected, in order of election (highest score first) */
  winners: number[];
  /** a tie for the last seat(s) the rule left open: these candidates share `seats` seats */
  open?: { candidates: number[]; seats: number };
}

/**
 * Scores from sums of weights or averages can differ in the last bits depending on the order of
 * additions; rounding to 9 decimal places keeps a real tie a tie.
 */
export function comparable(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Candidates sorted by score, highest first; equal scores keep candidate order. */
export function byScore(scores: readonly number[], candidates: readonly number[]): number[] {
  return [...candidates].sort((a, b) => comparable(scores[b]) - comparable(scores[a]) || a - b);
}

export function selectTop(
  ctx: MethodContext,
  scores: readonly number[],
  candidates: readonly number[],
  seats: number,
  round: number,
  history: readonly (readonly number[])[] = [scores],
): Selection {
  const sorted = byScore(scores, candidates);
  if (sorted.length <= seats) return { winners: sorted };
  const cut = comparable(scores[sorted[seats - 1]]);
  const above = sorted.filter((c) => comparable(scores[c]) > cut);
  const atCut = sorted.filter((c) => comparable(scores[c]) === cut);
  const need = seats - above.length;
  if (atCut.length === need) return { winners: [...above, ...atCut] };
  const chosen = decideTie(ctx, atCut, need, 'highest', 'last-seat', round, history);
  if (chosen === null) return { winners: above, open: { candidates: atCut, seats: need } };
  return { winners: [...above, ...chosen] };
}

/**
 * What the organisers must still do after a selection: a re-vote for a tie the rule left open, or
 * a further round for seats left unfilled (more seats than candidates who could take them).
 */
export function furtherFor(ctx: MethodContext, selection: Selection): FurtherRound | undefined {
  if (selection.open)
    return { kind: 'revote', candidates: selection.open.candidates, seats: selection.open.seats };
  if (selection.winners.length >= ctx.input.seats) return undefined;
  const rest = ctx.electable.flatMap((ok, c) => (ok && !selection.winners.includes(c) ? [c] : []));
  return { kind: 'unfilled', candidates: rest, seats: ctx.input.seats - selection.winners.length };
}
