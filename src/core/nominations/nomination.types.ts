export type NominationStatus =
  | 'seconding' // waiting for enough seconders
  | 'awaiting-acceptance' // seconded; the nominee has not answered
  | 'accepted' // the nominee accepted; waits for review
  | 'declined'
  | 'approved' // a candidate
  | 'rejected'
  | 'withdrawn';

export interface Nomination {
  id: string;
  electionId: string;
  contestId: string;
  /** 1-based within the election */
  number: number;
  nominee: string;
  nominator: string;
  statement: string | null;
  status: NominationStatus;
  /** the organiser's reason for a rejection, told to the nominee */
  reason: string | null;
  /** canonical ballot number once the candidate list is published */
  candidateNumber: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Seconder {
  nominationId: string;
  memberId: string;
  at: string;
}
