// Paper and mail ballots beside online ones (issue 13). What is kept of them, and what is not: a member
// is recorded as voting by paper or mail, issued a ballot, and as having returned one (the envelope or
// the hand at the box, with its date); the ballots themselves are entered by the scrutineers in
// batches, apart from any member and in random order, exactly as the count needs them.

/** The ways a ballot reaches the box. */
export type BallotChannel = 'online' | 'paper' | 'mail';
export const OFFLINE_CHANNELS = ['paper', 'mail'] as const;
export type OfflineChannel = (typeof OFFLINE_CHANNELS)[number];

/** A member who votes on paper or by mail, as the organisers marked or the member asked. */
export interface PaperVoter {
  electionId: string;
  memberId: string;
  channel: OfflineChannel;
  markedBy: string;
  markedAt: string;
}

/** A paper or mail ballot issued to a member for a round. */
export interface BallotIssue {
  electionId: string;
  round: number;
  memberId: string;
  channel: OfflineChannel;
  issuedBy: string;
  issuedAt: string;
}

/** A member's ballot returned on paper or by mail: they voted in this round, unless it came late. */
export interface BallotReturn {
  electionId: string;
  round: number;
  memberId: string;
  channel: OfflineChannel;
  /** when it reached the box (a mail envelope: the day of receipt) */
  receivedAt: string;
  recordedBy: string;
  /** a mail ballot received after voting closed: logged, and not counted */
  late: boolean;
}

/** Why the scrutineers set a paper ballot aside (C3). */
export const SPOILT_REASONS = ['over-marked', 'unreadable', 'identifying-mark', 'not-official'] as const;
export type SpoiltReason = (typeof SPOILT_REASONS)[number];

export type BatchStatus = 'entered' | 'confirmed' | 'disputed' | 'rejected';

/** Paper or mail ballots of one contest, entered by one scrutineer and confirmed by another. */
export interface PaperBatch {
  id: string;
  electionId: string;
  contestId: string;
  /** per election, 1, 2, … as the scrutineers refer to it */
  number: number;
  channel: OfflineChannel;
  status: BatchStatus;
  ballots: number;
  enteredBy: string;
  enteredAt: string;
  /** the second scrutineer, who confirmed or disputed it */
  checkedBy: string | null;
  checkedAt: string | null;
  /** the dispute's note, then the organisers' settlement */
  note: string | null;
  settledBy: string | null;
}

/** One paper ballot as entered: its marks in the cast syntax ('' blank), or the reason it was set aside. */
export interface PaperBallot {
  id: string;
  batchId: string;
  contestId: string;
  content: string;
  spoilt: SpoiltReason | null;
}
