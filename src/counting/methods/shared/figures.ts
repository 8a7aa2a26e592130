// Ballot figures kept while counting: every ballot is cast; an empty one is blank (valid) when the
// contest allows blank ballots, else invalid; a ballot the method cannot accept is invalid and is
// counted for no candidate.

import type { BallotFigures, InvalidReason, IrregularityFigures } from '../../types.js';

export class FigureTally {
  cast = 0;
  valid = 0;
  blank = 0;
  invalid = 0;
  validWeight = 0;
  /** weight of every ballot cast, valid or not (approve-oppose's 'cast' base) */
  castWeight = 0;
  /** weight of valid ballots that count for no candidate */
  unused = 0;

  /** invalid ballots by reason, kept only by methods that report them (the result carries it then) */
  private readonly invalidBy: Partial<Record<InvalidReason, number>> | undefined;

  constructor(
    private readonly allowBlank: boolean,
    byReason = false,
  ) {
    this.invalidBy = byReason ? {} : undefined;
  }

  /**
   * Records `ballots` identical ballots of total `weight`; returns whether they count for candidates.
   * An invalid ballot's `reason` is kept when the tally reports reasons; an empty ballot where blanks
   * are not accepted is invalid as `blank`.
   */
  add(weight: number, state: 'ok' | 'empty' | 'invalid', ballots = 1, reason?: InvalidReason): boolean {
    this.cast += ballots;
    this.castWeight += weight;
    if (state === 'empty' && this.allowBlank) {
      this.valid += ballots;
      this.blank += ballots;
      this.validWeight += weight;
      this.unused += weight;
      return false;
    }
    if (state !== 'ok') {
      this.invalid += ballots;
      const why = state === 'empty' ? 'blank' : reason;
      if (this.invalidBy && why) this.invalidBy[why] = (this.invalidBy[why] ?? 0) + ballots;
      return false;
    }
    this.valid += ballots;
    this.validWeight += weight;
    return true;
  }

  figures(): BallotFigures {
    return {
      cast: this.cast,
      valid: this.valid,
      blank: this.blank,
      invalid: this.invalid,
      validWeight: this.validWeight,
      ...(this.invalidBy ? { invalidBy: { ...this.invalidBy } } : {}),
    };
  }
}

export function noIrregularities(): IrregularityFigures {
  return { overvotes: 0, skippedRanks: 0, duplicates: 0, writeIns: 0 };
}
