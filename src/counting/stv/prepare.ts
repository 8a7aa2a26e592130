// Reads ranked ballots for STV: checks them, applies the contest's irregularity rules once, and groups
// identical papers so a count touches each distinct ranking once, however many ballots there are.
// This runs over every ballot, so the common case (one candidate per rank) allocates nothing per
// ballot: rankings are read into a reused buffer, hashed, and only copied when they are new.

import type { BallotFigures, IrregularityFigures, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import { toScaled } from './fixed.js';

/**
 * One group of identical papers. `ranks` lists candidate indices in preference order; a negative entry
 * -(i+1) stands for `groups[i]`, several candidates at one rank that the method resolves while counting
 * (Meek: equal ranking; Scottish STV: an overvote under 'exhaust-if-multiple-continuing').
 */
export interface PaperGroup {
  ranks: readonly number[];
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
    throw new TallyInputError(
      `seats must be a whole number of at least 1, got ${input.seats}`,
      'counting.bad_seats',
    );
  }
  if (input.candidates.length === 0) throw new TallyInputError('no candidates', 'counting.no_candidates');
}

// what one ballot showed, as bits
const OVER = 1;
const SKIP = 2;
const DUP = 4;
const WRITE_IN = 8;
const MARKED = 16;

export function prepareBallots(input: TallyInput, scale: number, multi: MultiMark): PreparedBallots {
  const n = input.candidates.length;
  const withdrawn = Uint8Array.from(input.candidates, (c) => (c.withdrawn ? 1 : 0));
  const writeIn = Uint8Array.from(input.candidates, (c) => (c.writeIn ? 1 : 0));
  const rules = input.options?.irregularities ?? {};
  const overvote = multi === 'equal' ? 'equal' : (rules.overvote ?? 'exhaust');
  const maxSkip =
    rules.maxSkippedRanks === undefined || rules.maxSkippedRanks === 'unlimited'
      ? Infinity
      : rules.maxSkippedRanks;
  const exhaustOnDuplicate = rules.duplicate === 'exhaust';
  const maxRankings = rules.maxRankings ?? Infinity;

  const figures: BallotFigures = { cast: 0, valid: 0, blank: 0, invalid: 0, validWeight: 0 };
  const irregularities: IrregularityFigures = { overvotes: 0, skippedRanks: 0, duplicates: 0, writeIns: 0 };
  const papers: PaperGroup[] = [];
  // open-addressing table of paper numbers (index + 1) by ranking hash: no per-ballot allocation
  let table = new Int32Array(1 << 12);
  let hashes: number[] = [];
  let total = 0;
  let index = 0;
  let buf = new Int32Array(Math.max(16, n * 2));
  let len = 0;
  const NO_GROUPS: number[][] = [];
  let groups: number[][] = NO_GROUPS;
  const seen = new Int32Array(n); // ballot number that last ranked each candidate

  const unknown = (c: unknown): never => {
    throw new TallyInputError(
      `ballot ${index}: unknown candidate ${String(c)}`,
      'counting.unknown_candidate',
    );
  };
  const push = (c: number) => {
    if (len === buf.length) {
      const bigger = new Int32Array(buf.length * 2);
      bigger.set(buf);
      buf = bigger;
    }
    buf[len++] = c;
  };

  /** Reads one ballot into buf/groups; returns the irregularity bits. */
  const read = (entries: readonly (number | readonly number[])[]): number => {
    len = 0;
    groups = NO_GROUPS;
    let flags = 0;
    let skipped = 0;
    const limit = Math.min(entries.length, maxRankings);
    for (let r = 0; r < limit; r++) {
      const entry = entries[r];
      if (typeof entry === 'number') {
        if (!(entry >= 0 && entry < n && Number.isInteger(entry))) unknown(entry);
        flags |= MARKED;
        if (skipped > 0) {
          flags |= SKIP;
          if (skipped > maxSkip) break;
          skipped = 0;
        }
        if (writeIn[entry]) flags |= WRITE_IN;
        if (seen[entry] === index) {
          // a candidate already ranked: the repeat is skipped or ends the paper
          flags |= DUP;
          if (exhaustOnDuplicate) break;
          continue;
        }
        seen[entry] = index;
        if (!withdrawn[entry]) push(entry);
        continue;
      }
      for (const c of entry)
        if (typeof c !== 'number' || !(c >= 0 && c < n && Number.isInteger(c))) unknown(c);
      if (entry.length === 0) {
        skipped++;
        continue;
      }
      flags |= MARKED;
      if (skipped > 0) {
        flags |= SKIP;
        if (skipped > maxSkip) break;
        skipped = 0;
      }
      const distinct = [...new Set(entry)];
      for (const c of distinct) if (writeIn[c]) flags |= WRITE_IN;
      const fresh = distinct.filter((c) => seen[c] !== index);
      if (fresh.length < entry.length) {
        flags |= DUP;
        if (exhaustOnDuplicate) break;
      }
      for (const c of fresh) seen[c] = index;
      if (distinct.length > 1) {
        if (overvote !== 'equal') flags |= OVER;
        if (overvote === 'exhaust') break;
        if (overvote === 'skip') continue;
      }
      const live = fresh.filter((c) => !withdrawn[c]);
      if (live.length === 1) push(live[0]);
      else if (live.length > 1) {
        if (groups === NO_GROUPS) groups = [];
        groups.push(live);
        push(-groups.length);
      }
    }
    return flags;
  };

  const sameAsBuf = (p: PaperGroup): boolean => {
    if (p.ranks.length !== len || p.groups.length !== groups.length) return false;
    for (let i = 0; i < len; i++) if (p.ranks[i] !== buf[i]) return false;
    for (let g = 0; g < groups.length; g++) {
      const a = p.groups[g];
      const b = groups[g];
      if (a.length !== b.length || a.some((c, i) => c !== b[i])) return false;
    }
    return true;
  };

  for (const ballot of input.ballots) {
    index++;
    if (ballot.kind !== 'ranking') {
      throw new TallyInputError(
        `ballot ${index}: STV needs ranked ballots, got '${ballot.kind}'`,
        'counting.wrong_ballot_kind',
      );
    }
    figures.cast++;
    const w = ballot.weight;
    const weight = w === undefined || w === 1 ? scale : toScaled(w, scale, `ballot ${index} weight`);
    const flags = read(ballot.ranks);
    if (flags & OVER) irregularities.overvotes++;
    if (flags & SKIP) irregularities.skippedRanks++;
    if (flags & DUP) irregularities.duplicates++;
    if (flags & WRITE_IN) irregularities.writeIns++;
    if (!(flags & MARKED)) {
      // a blank ballot is valid (types.ts: blank is a valid choice) but adds nothing to the quota base
      figures.blank++;
      figures.valid++;
      continue;
    }
    if (len === 0 || weight === 0) {
      // nothing countable: only withdrawn candidates, or an overvote/duplicate at the first rank
      figures.invalid++;
      continue;
    }
    figures.valid++;
    total += weight;
    let h = len;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ (buf[i] + 7), 0x9e3779b1) ^ (h >>> 15);
    for (const g of groups) for (const c of g) h = Math.imul(h ^ (c + 0x55), 0x85ebca6b) ^ (h >>> 13);
    // final mix (murmur3's), so the low bits that pick the table slot depend on every rank
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const mask = table.length - 1;
    let slot = h & mask;
    let hit = -1;
    for (let at = table[slot]; at !== 0; slot = (slot + 1) & mask, at = table[slot]) {
      if (hashes[at - 1] === h && sameAsBuf(papers[at - 1])) {
        hit = at - 1;
        break;
      }
    }
    if (hit >= 0) {
      papers[hit].weight += weight;
      continue;
    }
    const ranks: number[] = new Array<number>(len);
    for (let i = 0; i < len; i++) ranks[i] = buf[i];
    papers.push({ ranks, groups, weight });
    hashes.push(h);
    table[slot] = papers.length;
    if (papers.length * 2 > table.length) {
      table = new Int32Array(table.length * 2);
      const m = table.length - 1;
      for (let i = 0; i < papers.length; i++) {
        let j = hashes[i] & m;
        while (table[j] !== 0) j = (j + 1) & m;
        table[j] = i + 1;
      }
    }
  }
  hashes = [];
  figures.validWeight = total / scale;
  return {
    papers,
    total,
    figures,
    irregularities,
    digest() {
      const keys = papers
        .map((p) => `${p.ranks.join(',')}|${p.groups.map((g) => g.join('=')).join(';')}*${p.weight}`)
        .sort();
      let h = 0x811c9dc5;
      for (const k of keys) {
        for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193) >>> 0;
        h = Math.imul(h ^ 10, 0x01000193) >>> 0;
      }
      return `stv-${h.toString(16).padStart(8, '0')}-${keys.length}`;
    },
  };
}
