// Reading ranked ballots for the methods that look at a whole ranking at once (Borda, Condorcet).
// An entry with several candidates is an equal ranking (these methods allow it). A skipped rank
// changes nothing about the order; past `maxSkippedRanks` consecutive skips the rest is ignored, as
// the contest's irregularity rule says. A repeated candidate is skipped (or ends the ballot, by the
// 'exhaust' rule). Marks for withdrawn candidates are passed over. An unknown candidate makes the
// ballot invalid.

import type { IrregularityFigures, RankingBallot } from '../../types.js';
import type { MethodContext } from './context.js';

export type ReadState = 'ok' | 'empty' | 'invalid';

export class RankingReader {
  /** level of each candidate on the current ballot (0 = first); valid only where `seen[c] === stamp` */
  readonly level: Int32Array;
  /** the ranked (active) candidates of the current ballot, in order */
  readonly order: Int32Array;
  /** order[levelEnd[l-1] .. levelEnd[l]) are the candidates at level l */
  readonly levelEnd: Int32Array;
  count = 0;
  levels = 0;
  skipped = false;
  duplicate = false;
  writeIn = false;
  private readonly seen: Float64Array;
  private stamp = 0;
  private readonly n: number;
  private readonly active: readonly boolean[];
  private readonly writeIns: readonly boolean[];
  private readonly exhaustOnDuplicate: boolean;
  private readonly maxSkips: number;
  private readonly maxRankings: number;

  constructor(ctx: MethodContext) {
    this.n = ctx.input.candidates.length;
    this.level = new Int32Array(this.n);
    this.order = new Int32Array(this.n);
    this.levelEnd = new Int32Array(this.n);
    this.seen = new Float64Array(this.n);
    this.active = ctx.active;
    this.writeIns = ctx.input.candidates.map((c) => c.writeIn === true);
    const rules = ctx.options.irregularities ?? {};
    this.exhaustOnDuplicate = rules.duplicate === 'exhaust';
    this.maxSkips =
      typeof rules.maxSkippedRanks === 'number' ? rules.maxSkippedRanks : Number.POSITIVE_INFINITY;
    this.maxRankings = rules.maxRankings ?? Number.POSITIVE_INFINITY;
  }

  /** Whether candidate c is ranked on the ballot just read. */
  ranked(c: number): boolean {
    return this.seen[c] === this.stamp && this.level[c] >= 0;
  }

  read(ballot: RankingBallot): ReadState {
    this.stamp++;
    this.count = 0;
    this.levels = 0;
    this.skipped = false;
    this.duplicate = false;
    this.writeIn = false;
    const ranks = ballot.ranks ?? [];
    let marked = false;
    let skipsInARow = 0;
    let stopped = false;
    const limit = Math.min(ranks.length, this.maxRankings);
    for (let r = 0; r < ranks.length; r++) {
      const entry = ranks[r];
      if (typeof entry !== 'number' && !Array.isArray(entry)) return 'invalid';
      const group = typeof entry === 'number' ? null : entry;
      if (group !== null && group.length === 0) {
        skipsInARow++;
        continue;
      }
      // every mark is checked, even past the point where the ballot stops counting
      if (group === null ? !this.valid(entry as number) : !group.every((c) => this.valid(c)))
        return 'invalid';
      marked = true;
      if (stopped || r >= limit) continue;
      if (skipsInARow > 0) this.skipped = true;
      if (skipsInARow > this.maxSkips) {
        stopped = true;
        continue;
      }
      skipsInARow = 0;
      const before = this.count;
      if (group === null) {
        stopped = this.place(entry as number);
      } else {
        for (const c of group) if ((stopped = this.place(c))) break;
      }
      if (this.count > before) this.levelEnd[this.levels++] = this.count;
    }
    return marked ? 'ok' : 'empty';
  }

  private valid(c: number): boolean {
    return Number.isInteger(c) && c >= 0 && c < this.n;
  }

  /** Places c at the current level; returns true when the ballot stops here (duplicate, exhaust rule). */
  private place(c: number): boolean {
    if (this.seen[c] === this.stamp) {
      this.duplicate = true;
      return this.exhaustOnDuplicate;
    }
    this.seen[c] = this.stamp;
    if (this.writeIns[c]) this.writeIn = true;
    if (!this.active[c]) {
      this.level[c] = -1;
      return false;
    }
    this.level[c] = this.levels;
    this.order[this.count++] = c;
    return false;
  }
}

/** Adds what the reader noticed on the ballot just read to the irregularity figures. */
export function noteIrregularities(
  reader: RankingReader,
  figures: IrregularityFigures,
  ballots: number,
): void {
  if (reader.skipped) figures.skippedRanks += ballots;
  if (reader.duplicate) figures.duplicates += ballots;
  if (reader.writeIn) figures.writeIns += ballots;
}
