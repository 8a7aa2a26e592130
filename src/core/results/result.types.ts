import type { CountResult } from '../../counting/types.js';
import type { BallotChannel } from '../paper/paper.types.js';

/** One channel's part of a round (issue 13): issued, returned, and how the returned ballots read. */
export interface ChannelFigures {
  channel: BallotChannel;
  issued: number;
  returned: number;
  valid: number;
  blank: number;
  invalid: number;
  invalidBy: Record<string, number>;
  /** mail ballots that came after the close: logged, not counted */
  late: number;
}

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
  /** per channel, where some ballots came on paper or by mail */
  channels?: ChannelFigures[];
  createdAt: string;
}

export interface CountConfirmation {
  electionId: string;
  memberId: string;
  at: string;
}
