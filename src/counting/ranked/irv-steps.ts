// Decisions inside one IRV round that depend only on the round's counts: who has reached the
// threshold, and which candidates batch elimination may remove together. Pure, so they can be
// tested on their own.

export interface Level {
  votes: number;
  candidates: number[];
}

/** Continuing candidates grouped by equal votes, lowest first. */
export function levels(alive: readonly number[], counts: ArrayLike<number>): Level[] {
  const byVotes = new Map<number, number[]>();
  for (const c of alive) {
    const group = byVotes.get(counts[c]);
    if (group) group.push(c);
    else byVotes.set(counts[c], [c]);
  }
  return [...byVotes.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([votes, candidates]) => ({ votes, candidates }));
}

export interface BatchStep {
  candidate: number;
  /** combined votes of everyone eliminated with it */
  runningTotal: number;
  /** the lowest count it could not overtake */
  nextLowest: number;
}

/**
 * RCTab's batch elimination: walking up from the lowest, everyone below a count that their combined
 * votes cannot reach is eliminated together. Returns [] unless it removes two or more (a single
 * candidate is a regular elimination, with its tie rules). With `keepTwo` (continue until two remain)
 * the last group is put back if it would leave only one candidate.
 */
export function batchEliminate(
  alive: readonly number[],
  counts: ArrayLike<number>,
  keepTwo: boolean,
): BatchStep[] {
  let runningTotal = 0;
  const seen: number[] = [];
  const done = new Set<number>();
  let steps: BatchStep[] = [];
  let previous: BatchStep[] = [];
  for (const level of levels(alive, counts)) {
    if (runningTotal < level.votes) {
      const added = seen.filter((c) => !done.has(c));
      if (added.length > 0) {
        previous = steps;
        steps = [...steps, ...added.map((c) => ({ candidate: c, runningTotal, nextLowest: level.votes }))];
        added.forEach((c) => done.add(c));
      }
    }
    runningTotal += level.votes * level.candidates.length;
    seen.push(...level.candidates);
  }
  if (keepTwo && alive.length - steps.length < 2) steps = previous;
  return steps.length > 1 ? steps : [];
}

/** Single-winner majority threshold as RCTab computes it: floor(active / 2) + 1. */
export function majorityThreshold(active: number): number {
  return Math.floor(active / 2) + 1;
}
