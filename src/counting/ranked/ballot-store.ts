// Ranked ballots as the count sees them, under the contest's irregularity rules.
//
// API (for every ranked method):
//   const store = buildRankedStore(ballots, candidates, rules?, allowBlank?)
//     validates each RankingBallot (TallyInputError on a wrong kind, unknown candidate or bad weight),
//     applies the rules that do not depend on the state of the count, and keeps what is left in flat
//     typed arrays (a million ballots stay a few tens of MB). It also fills `figures` and
//     `irregularities` (numbers of ballots showing each kind, as BallotFigures counts ballots).
//   let p = advance(store, i, 0, continuing)      // first position of ballot i that counts
//   while p >= 0: c = chosenAt(store, p, continuing); ... later: p = advance(store, i, p + 1, continuing)
//   p < 0 means the ballot is exhausted; exhaustReason(p) says why.
//   cleanRanking(store, i) gives the ballot's remaining preferences (numbers, or arrays for the
//   overvotes kept by 'exhaust-if-multiple-continuing') for methods that read a whole ranking.
//
// The rules follow RCTab's reading of a cast vote record, walking the ranks in order:
//   1. a marked rank more than maxSkippedRanks + 1 after the previous marked rank (or rank 0) exhausts
//      the ballot ('skippedRanks'); trailing blanks are not skips;
//   2. with duplicate 'exhaust', a candidate already seen at an earlier rank exhausts it ('duplicate');
//      with 'skip', the repeat is harmless: by the time it is reached its candidate no longer continues;
//   3. an overvote (two or more candidates at one rank) exhausts the ballot under 'exhaust',
//      is passed over under 'skip', and under 'exhaust-if-multiple-continuing' is kept and decided
//      when reached: two or more continuing candidates exhaust it, one takes the vote, none passes on.
// Rules 1-3 and 'exhaust'/'skip' depend only on the marks, so they are applied once here: each ballot
// keeps the positions before its exhaustion point and the reason it exhausts after its last position.
// Resuming a ballot from the position after the one it counted for gives the same outcome as RCTab's
// re-walk from the first rank, because candidates only ever stop continuing.
import type {
  Ballot,
  BallotFigures,
  CandidateInput,
  IrregularityFigures,
  IrregularityRules,
} from '../types.js';
import { TallyInputError } from '../types.js';

/** Why a ballot stopped counting. */
export type ExhaustReason = 'overvote' | 'skippedRanks' | 'duplicate' | 'noMoreChoices';
export const EXHAUST_REASONS: readonly ExhaustReason[] = [
  'overvote',
  'skippedRanks',
  'duplicate',
  'noMoreChoices',
];
const OVERVOTE = 0;
const SKIPPED = 1;
const DUPLICATE = 2;
const NO_MORE = 3;

export interface RankedStore {
  /** ballots kept (blank ballots are counted in figures but not stored) */
  size: number;
  weights: Float64Array;
  /** positions of ballot i are start[i] .. start[i + 1] - 1 in `entries` */
  start: Int32Array;
  /** a candidate index, or -(g + 1) for overvote group g (members groupStart[g] .. groupStart[g + 1] - 1) */
  entries: Int32Array;
  groupStart: Int32Array;
  groupMembers: Int32Array;
  /** index into EXHAUST_REASONS: why ballot i exhausts after its last position */
  endReason: Uint8Array;
  figures: BallotFigures;
  irregularities: IrregularityFigures;
}

class IntBuffer {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  /** a view, not a copy: copying tens of MB for a count that reads them once costs more than the slack */
  trimmed(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

function sizeHint(ballots: Iterable<Ballot>): number {
  return Array.isArray(ballots) ? (ballots as Ballot[]).length : 1024;
}

export function buildRankedStore(
  ballots: Iterable<Ballot>,
  candidates: readonly CandidateInput[],
  rules: IrregularityRules = {},
  allowBlank = true,
): RankedStore {
  const n = candidates.length;
  const overvoteRule = rules.overvote ?? 'exhaust';
  const maxSkip =
    rules.maxSkippedRanks === undefined || rules.maxSkippedRanks === 'unlimited'
      ? Infinity
      : rules.maxSkippedRanks;
  const duplicateRule = rules.duplicate ?? 'skip';
  const maxRankings = rules.maxRankings ?? Infinity;
  if (!(maxSkip >= 0) || !(maxRankings >= 1)) {
    throw new TallyInputError(
      'maxSkippedRanks must be 0 or more and maxRankings 1 or more',
      'counting.bad_options',
    );
  }
  const isWriteIn = candidates.map((c) => c.writeIn === true);

  const hint = sizeHint(ballots);
  let weights = new Float64Array(hint);
  let endReason = new Uint8Array(hint);
  const start = new IntBuffer(hint + 1);
  const entries = new IntBuffer(hint * 4);
  const groupStart = new IntBuffer(16);
  const groupMembers = new IntBuffer(16);
  groupStart.push(0);
  start.push(0);

  const figures: BallotFigures = { cast: 0, valid: 0, blank: 0, invalid: 0, validWeight: 0 };
  const irregularities: IrregularityFigures = { overvotes: 0, skippedRanks: 0, duplicates: 0, writeIns: 0 };
  // seenAt[c] === ballot number + 1 when c was marked earlier on the current ballot: no Set per ballot
  const seenAt = new Int32Array(n);
  let size = 0;
  let number = 0;

  for (const ballot of ballots) {
    number++;
    figures.cast++;
    if (ballot.kind !== 'ranking') {
      throw new TallyInputError(
        `ballot ${number} is a ${ballot.kind} ballot, not a ranking`,
        'counting.ballot_kind',
      );
    }
    const weight = ballot.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new TallyInputError(`ballot ${number} has weight ${weight}`, 'counting.bad_weight');
    }
    const ranks = ballot.ranks;
    if (!Array.isArray(ranks))
      throw new TallyInputError(`ballot ${number} has no list of ranks`, 'counting.bad_rank');
    const last = Math.min(ranks.length, maxRankings);
    let lastMarked = 0;
    let previousMark = 0;
    let reason = NO_MORE;
    let marked = false;
    let hasOvervote = false;
    let hasSkip = false;
    let hasDuplicate = false;
    let hasWriteIn = false;
    let stopped = false;
    const tag = number;
    const before = entries.length;
    const groupsBefore = groupStart.length;

    for (let r = 1; r <= last; r++) {
      const mark = ranks[r - 1];
      const single = typeof mark === 'number';
      if (!single && !Array.isArray(mark)) {
        throw new TallyInputError(
          `ballot ${number} rank ${r} is neither a candidate nor a list of candidates`,
          'counting.bad_rank',
        );
      }
      const count = single ? 1 : mark.length;
      if (count === 0) continue;
      let repeat = false;
      for (let k = 0; k < count; k++) {
        const c = single ? mark : mark[k];
        if (!Number.isInteger(c) || c < 0 || c >= n) {
          throw new TallyInputError(
            `ballot ${number} ranks unknown candidate ${String(c)}`,
            'counting.unknown_candidate',
          );
        }
        // a candidate twice inside one overvote counts as a repeat too, as RCTab reads it
        if (seenAt[c] === tag) repeat = true;
        seenAt[c] = tag;
        if (isWriteIn[c]) hasWriteIn = true;
      }
      marked = true;
      if (r - previousMark > 1) hasSkip = true;
      previousMark = r;
      if (repeat) hasDuplicate = true;
      if (count > 1) hasOvervote = true;
      if (stopped) continue; // keep reading only to count irregularities
      if (r - lastMarked > maxSkip + 1) {
        reason = SKIPPED;
        stopped = true;
        continue;
      }
      lastMarked = r;
      if (repeat && duplicateRule === 'exhaust') {
        reason = DUPLICATE;
        stopped = true;
        continue;
      }
      if (count > 1) {
        if (overvoteRule === 'exhaust') {
          reason = OVERVOTE;
          stopped = true;
        } else if (overvoteRule === 'exhaust-if-multiple-continuing') {
          entries.push(-groupStart.length);
          for (let k = 0; k < count; k++) groupMembers.push((mark as readonly number[])[k]);
          groupStart.push(groupMembers.length);
        }
        continue;
      }
      // a repeat under 'skip' stays: when reached its candidate has already stopped continuing
      entries.push(mark as number);
    }
    if (!marked) {
      figures.blank++;
      if (allowBlank) {
        figures.valid++;
        figures.validWeight += weight;
      } else figures.invalid++;
      entries.length = before;
      groupStart.length = groupsBefore;
      continue;
    }
    figures.valid++;
    figures.validWeight += weight;
    if (hasOvervote) irregularities.overvotes++;
    if (hasSkip) irregularities.skippedRanks++;
    if (hasDuplicate) irregularities.duplicates++;
    if (hasWriteIn) irregularities.writeIns++;
    if (size === weights.length) {
      const w2 = new Float64Array(size * 2);
      w2.set(weights);
      weights = w2;
      const e2 = new Uint8Array(size * 2);
      e2.set(endReason);
      endReason = e2;
    }
    weights[size] = weight;
    endReason[size] = reason;
    size++;
    start.push(entries.length);
  }
  groupMembers.length = groupStart.data[groupStart.length - 1];
  // as for counts: a sum of decimal weights must not depend on the order the ballots came in
  figures.validWeight = Math.round(figures.validWeight * 1e9) / 1e9;

  return {
    size,
    weights: weights.subarray(0, size),
    start: start.trimmed(),
    entries: entries.trimmed(),
    groupStart: groupStart.trimmed(),
    groupMembers: groupMembers.trimmed(),
    endReason: endReason.subarray(0, size),
    figures,
    irregularities,
  };
}

/** The candidate an entry gives its vote to, or -1 (none continuing) / -2 (several continuing). */
export function chosenAt(store: RankedStore, p: number, continuing: Uint8Array): number {
  const e = store.entries[p];
  if (e >= 0) return continuing[e] === 1 ? e : -1;
  const g = -e - 1;
  let found = -1;
  for (let k = store.groupStart[g]; k < store.groupStart[g + 1]; k++) {
    const c = store.groupMembers[k];
    if (continuing[c] !== 1) continue;
    if (found >= 0) return -2;
    found = c;
  }
  return found;
}

/**
 * The first position at or after `from` where ballot i counts for a continuing candidate, or a
 * negative number when it is exhausted: -(reason index + 1), see exhaustReason.
 */
export function advance(store: RankedStore, i: number, from: number, continuing: Uint8Array): number {
  const end = store.start[i + 1];
  for (let p = Math.max(from, store.start[i]); p < end; p++) {
    const c = chosenAt(store, p, continuing);
    if (c >= 0) return p;
    if (c === -2) return -(OVERVOTE + 1);
  }
  return -(store.endReason[i] + 1);
}

export function exhaustReason(code: number): ExhaustReason {
  return EXHAUST_REASONS[-code - 1];
}

/** Ballot i's preferences after the static rules: candidates, and kept overvotes as arrays. */
export function cleanRanking(store: RankedStore, i: number): (number | number[])[] {
  const out: (number | number[])[] = [];
  for (let p = store.start[i]; p < store.start[i + 1]; p++) {
    const e = store.entries[p];
    if (e >= 0) out.push(e);
    else {
      const g = -e - 1;
      out.push(Array.from(store.groupMembers.subarray(store.groupStart[g], store.groupStart[g + 1])));
    }
  }
  return out;
}
