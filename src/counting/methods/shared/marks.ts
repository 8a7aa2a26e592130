// Reading marks ballots (plurality, block vote, approval, two-round): one count per candidate.

import type { Ballot, MarksBallot } from '../../types.js';
import { TallyInputError } from '../../types.js';
import type { MethodContext } from './context.js';
import { ballotWeight } from './context.js';
import { FigureTally } from './figures.js';
import { isCandidate } from './result.js';

export function expectKind<K extends Ballot['kind']>(ballot: Ballot, kind: K): Extract<Ballot, { kind: K }> {
  if (ballot?.kind !== kind) {
    throw new TallyInputError(
      `this method counts '${kind}' ballots, got '${String(ballot?.kind)}'`,
      'counting.wrong_ballot_kind',
    );
  }
  return ballot as Extract<Ballot, { kind: K }>;
}

export interface MarksCount {
  counts: number[];
  figures: FigureTally;
}

/**
 * A ballot with more than `maxMarks` different candidates, or an unknown candidate, is invalid.
 * Marking the same candidate twice counts once (it says nothing more). Marks for a withdrawn
 * candidate are passed over; the rest of the ballot still counts.
 */
export function countMarks(ctx: MethodContext, maxMarks: number): MarksCount {
  const n = ctx.input.candidates.length;
  const counts = new Array<number>(n).fill(0);
  const figures = new FigureTally(ctx.options.allowBlank ?? true);
  for (const raw of ctx.input.ballots) {
    const ballot: MarksBallot = expectKind(raw, 'marks');
    const weight = ballotWeight(ballot.weight);
    const marks = ballot.marks ?? [];
    if (marks.length === 0) {
      figures.add(weight, 'empty');
      continue;
    }
    if (!marks.every((m) => isCandidate(ctx, m))) {
      figures.add(weight, 'invalid');
      continue;
    }
    const distinct = [...new Set(marks)];
    if (distinct.length > maxMarks) {
      figures.add(weight, 'invalid');
      continue;
    }
    figures.add(weight, 'ok');
    let used = false;
    for (const c of distinct) {
      if (!ctx.active[c]) continue;
      counts[c] += weight;
      used = true;
    }
    if (!used) figures.unused += weight;
  }
  return { counts, figures };
}
