// One tie-breaker per count: it owns the lot generator, so the nth lot drawn in a count is always the
// nth number of the recorded seed's sequence (RCTab keeps one java.util.Random per tabulation too).
// The rules themselves are the shared ones in ../ties.ts.
import { breakTie, seededLot, type Lot, type TieOutcome } from '../ties.js';
import { TallyInputError, type CandidateInput, type MethodOptions, type TieRecord } from '../types.js';
import { isJavaSeed, javaLot } from './java-lot.js';

export interface TieBreaker {
  readonly seed: string;
  decide(
    tied: readonly number[],
    count: number,
    want: 'lowest' | 'highest',
    purpose: TieRecord['purpose'],
    round: number,
    history: readonly (readonly number[])[],
  ): TieOutcome;
}

export function makeTieBreaker(
  candidates: readonly CandidateInput[],
  options: MethodOptions,
  defaultSeed: string,
): TieBreaker {
  const rule = options.tieBreak ?? 'lot';
  const seed = options.seed ?? defaultSeed;
  const java = options.lotGenerator === 'java';
  if (java && !isJavaSeed(seed)) {
    throw new TallyInputError(
      `the java lot generator needs an integer seed, got "${seed}"`,
      'counting.bad_seed',
    );
  }
  const lot: Lot = java ? javaLot(seed) : seededLot(seed);
  const tieOrder = options.tieOrder;
  const decisions = options.decisions;

  if (!java) {
    return {
      seed,
      decide: (tied, count, want, purpose, round, history) =>
        breakTie({ rule, lot, history, tieOrder, decisions }, tied, count, want, purpose, round),
    };
  }

  if (rule === 'backwards') return rctabPreviousRounds(candidates, lot, seed);

  // RCTab draws among the tied sorted by name. drawByLot sorts by index, so the tie is decided in a
  // renumbered space where index order is name order, then mapped back.
  const byName = candidates
    .map((_, i) => i)
    .sort((a, b) => {
      const x = candidates[a].name;
      const y = candidates[b].name;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  const rankOf = new Array<number>(candidates.length);
  byName.forEach((c, r) => (rankOf[c] = r));
  const back = (r: number) => byName[r];
  return {
    seed,
    decide(tied, count, want, purpose, round, history) {
      const renumbered = history.map((counts) => {
        const out = new Array<number>(counts.length);
        counts.forEach((v, c) => (out[rankOf[c]] = v));
        return out;
      });
      const outcome = breakTie(
        {
          rule,
          lot,
          history: renumbered,
          tieOrder: tieOrder?.map((c) => rankOf[c]),
          decisions: decisions?.map((d) => ({
            ...d,
            candidates: d.candidates.map((c) => rankOf[c]),
            chosen: d.chosen.map((c) => rankOf[c]),
          })),
        },
        tied.map((c) => rankOf[c]),
        count,
        want,
        purpose,
        round,
      );
      const chosen = outcome.chosen?.map(back) ?? null;
      return {
        chosen,
        record: { ...outcome.record, candidates: [...tied], chosen: outcome.record.chosen.map(back) },
      };
    },
  };
}

const byJavaName = (names: readonly string[]) => (a: number, b: number) =>
  names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b;

/** Java's String.hashCode, spread as java.util.HashMap does before picking a bucket. */
function javaHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h ^ (h >>> 16);
}

/** Iteration order of `new HashSet<>(list)` in Java: by bucket, then insertion order within a bucket. */
export function javaHashSetOrder(list: readonly number[], names: readonly string[]): number[] {
  let capacity = 1;
  while (capacity < Math.max(Math.floor(list.length / 0.75) + 1, 16)) capacity *= 2;
  const bucket = (c: number) => javaHash(names[c]) & (capacity - 1);
  return list
    .map((c, i) => ({ c, i, b: bucket(c) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((x) => x.c);
}

/**
 * RCTab's previousRoundCountsThenRandom: the tied candidate with the fewest (most, to elect) votes in
 * the previous round is chosen, going further back while still tied, then java.util.Random picks among
 * those left. RCTab narrows through a HashSet each round, so the draw indexes that set's iteration
 * order rather than name order; the order is reproduced here because the published results depend on it.
 */
function rctabPreviousRounds(candidates: readonly CandidateInput[], lot: Lot, seed: string): TieBreaker {
  const names = candidates.map((c) => c.name);
  return {
    seed,
    decide(tied, count, want, purpose, round, history) {
      if (count !== 1)
        throw new TallyInputError(
          'previous-round tie-breaks choose one candidate at a time',
          'counting.bad_options',
        );
      let contention = [...tied].sort(byJavaName(names));
      for (let r = history.length - 1; r >= 0 && contention.length > 1; r--) {
        const ordered = javaHashSetOrder(contention, names);
        const values = ordered.map((c) => history[r][c] ?? 0);
        const extreme = want === 'lowest' ? Math.min(...values) : Math.max(...values);
        contention = ordered.filter((c) => (history[r][c] ?? 0) === extreme);
      }
      const drawn = contention.length > 1;
      const chosen = drawn ? contention[Math.floor(lot.next() * contention.length)] : contention[0];
      return {
        chosen: [chosen],
        record: {
          round,
          purpose,
          candidates: [...tied],
          rule: drawn ? 'lot' : 'backwards',
          chosen: [chosen],
          ...(drawn ? { seed } : {}),
        },
      };
    },
  };
}
