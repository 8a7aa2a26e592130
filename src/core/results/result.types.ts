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
  createdAt: string;
}

export interface CountConfirmation {
  electionId: string;
  memberId: string;
  at: string;
}
