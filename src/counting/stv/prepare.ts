// Reads ranked ballots for STV: checks them, applies the contest's irregularity rules once, and groups
// identical papers so a count touches each distinct ranking once, however many ballots there are.

import type { BallotFigures, IrregularityFigures, RankingBallot, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { toScaled } from './fixed.js';

/**
 * One group of identical papers. `ranks` lists candidate indices in preference order; a negative entry
 * -(i+1) stands for `groups[i]`, several candidates at one rank that the method resolves while counting
 * (Meek: equal ranking; Scottish STV: an overvote under 'exhaust-if-multiple-continuing').
 */
export interface PaperGroup {
  ranks: Int32Array;
  groups: number[][];
  /** total weight of the papers, scaled */
  weight: number;
}

export interface PreparedBallots {
  papers: PaperGroup[];
  /** total weight of valid papers, scaled */
  total: number;
  figures: BallotFigures;
  irregularities: IrregularityFigures;
  /** a stable digest of the papers, independent of ballot order, for the default lot seed */
  digest(): string;
}

/** How several candidates at one rank are read: an equal ranking (Meek) or an overvote (Scottish STV). */
export type MultiMark = 'equal' | 'overvote';

export function checkStvInput(input: TallyInput): void {
  if (!Number.isInteger(input.seats) || input.seats < 1) {
    throw new TallyInputError(`seats must be a whole number of at least 1, got ${input.seats}`, 'counting.bad_seats');
  }
  if (input.candidates.length === 0) throw new TallyInputError('no candidates', 'counting.no_candidates');
}

export function prepareBallots(input: TallyInput, scale: number, multi: MultiMark): PreparedBallots {
  const n = input.candidates.length;
  const withdrawn = input.candidates.map((c) => c.withdrawn === true);
  const writeIn = input.candidates.map((c) => c.writeIn === true);
  const rules = input.options?.irregularities ?? {};
  const overvote = multi === 'equal' ? 'equal' : (rules.overvote ?? 'exhaust');
  const maxSkip = rules.maxSkippedRanks === undefined || rules.maxSkippedRanks === 'unlimited' ? Infinity : rules.maxSkippedRanks;
  const duplicate = rules.duplicate ?? 'skip';
  const maxRankings = rules.maxRankings ?? Infinity;

  const figures: BallotFigures = { cast: 0, valid: 0, blank: 0, invalid: 0, validWeight: 0 };
  const irregularities: IrregularityFigures = { overvotes: 0, skippedRanks: 0, duplicates: 0, writeIns: 0 };
  const byKey = new Map<string, PaperGroup>();
  let total = 0;
  let index = 0;

  const checkCandidate = (c: unknown): number => {
    if (typeof c !== 'number' || !Number.isInteger(c) || c < 0 || c >= n) {
      throw new TallyInputError(`ballot ${index + 1}: unknown candidate ${String(c)}`, 'counting.unknown_candidate');
    }
    return c;
  };

  for (const ballot of input.ballots) {
    index++;
    if (ballot.kind !== 'ranking') {
      throw new TallyInputError(`ballot ${index}: STV needs ranked ballots, got '${ballot.kind}'`, 'counting.wrong_ballot_kind');
    }
    figures.cast++;
    const weight = toScaled(ballot.weight ?? 1, scale, `ballot ${index} weight`);
    const ranks: number[] = [];
    const groups: number[][] = [];
    const seen = new Set<number>();
    let marked = false;
    let skipped = 0;
    let hadOver = false;
    let hadSkip = false;
    let hadDup = false;
    let hadWriteIn = false;
    const entries = (ballot as RankingBallot).ranks;
    const limit = Math.min(entries.length, maxRankings);
    read: for (let r = 0; r < limit; r++) {
      const entry = entries[r];
      const marks = typeof entry === 'number' ? [checkCandidate(entry)] : [...entry].map(checkCandidate);
      if (marks.length === 0) {
        skipped++;
        continue;
      }
      marked = true;
      if (skipped > 0) {
        hadSkip = true;
        if (skipped > maxSkip) break read;
      }
      skipped = 0;
      for (const c of marks) if (writeIn[c]) hadWriteIn = true;
      // a candidate already ranked: the repeat is skipped or ends the paper
      const fresh = marks.filter((c) => !seen.has(c));
      if (fresh.length < marks.length || new Set(marks).size < marks.length) {
        hadDup = true;
        if (duplicate === 'exhaust') break read;
      }
      const unique = [...new Set(fresh)];
      for (const c of unique) seen.add(c);
      const live = unique.filter((c) => !withdrawn[c]);
      if (marks.length > 1 && new Set(marks).size > 1) {
        if (overvote !== 'equal') hadOver = true;
        if (overvote === 'exhaust') break read;
        if (overvote === 'skip') continue;
      }
      if (live.length === 0) continue;
      if (live.length === 1) ranks.push(live[0]);
      else {
        groups.push(live);
        ranks.push(-groups.length);
      }
    }
    if (hadOver) irregularities.overvotes++;
    if (hadSkip) irregularities.skippedRanks++;
    if (hadDup) irregularities.duplicates++;
    if (hadWriteIn) irregularities.writeIns++;
    if (!marked) {
      figures.blank++;
      continue;
    }
    if (ranks.length === 0 || weight === 0) {
      // nothing countable: only withdrawn candidates, or an overvote/duplicate at the first rank
      figures.invalid++;
      continue;
    }
    figures.valid++;
    total += weight;
    const key = groups.length === 0 ? ranks.join(',') : `${ranks.join(',')}|${groups.map((g) => g.join('=')).join(';')}`;
    const found = byKey.get(key);
    if (found) found.weight += weight;
    else byKey.set(key, { ranks: Int32Array.from(ranks), groups, weight });
  }
  figures.validWeight = total / scale;
  const papers = [...byKey.values()];
  return {
    papers,
    total,
    figures,
    irregularities,
    digest() {
      const keys = [...byKey.entries()].map(([k, g]) => `${k}*${g.weight}`).sort();
      let h = 0x811c9dc5;
      for (const k of keys) {
        for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193) >>> 0;
        h = Math.imul(h ^ 10, 0x01000193) >>> 0;
      }
      return `stv-${h.toString(16).padStart(8, '0')}-${keys.length}`;
    },
  };
}
