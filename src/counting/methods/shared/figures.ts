// Ballot figures kept while counting: every ballot is cast; an empty one is blank (valid) when the
// contest allows blank ballots, else invalid; a ballot the method cannot accept is invalid and is
// counted for no candidate.

import type { BallotFigures, IrregularityFigures } from '../../types.js';

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

  constructor(private readonly allowBlank: boolean) {}

  /** Records `ballots` identical ballots of total `weight`; returns whether they count for candidates. */
  add(weight: number, state: 'ok' | 'empty' | 'invalid', ballots = 1): boolean {
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
    };
  }
}

export function noIrregularities(): IrregularityFigures {
  return { overvotes: 0, skippedRanks: 0, duplicates: 0, writeIns: 0 };
}
