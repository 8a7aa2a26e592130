import type { CountResult } from '../../counting/types.js';

export interface StoredResult {
  electionId: string;
  contestId: string;
  /** 1 for the main ballot; further rounds (run-off, re-vote) count up */
  round: number;
  result: CountResult;
  /** turnout figures the engine does not know */
  eligible: number;
  issued: number;
  /** those present at the round (实到, C5): the attendance recorded, and never fewer than voted */
  present?: number;
  createdAt: string;
}

export interface CountConfirmation {
  electionId: string;
  memberId: string;
  at: string;
}
