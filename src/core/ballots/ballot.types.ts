// Ballot content and participation are stored apart and nothing joins them (ARCHITECTURE §2):
// a ballot row has a random id, no voter column and no time; the only link to its voter is an HMAC
// under a per-election key, and that column is wiped at close together with the key's salt.

export interface StoredBallot {
  /** random; never derived from the voter or from time */
  id: string;
  electionId: string;
  contestId: string;
  /** HMAC(electionKey, contest, member) while voting is open; null after close */
  link: string | null;
  weight: number;
  /** the choice in the contest's ballot syntax, canonical candidate numbers ("3>1>2", "2,5", ...) */
  content: string;
}

export interface Receipt {
  electionId: string;
  code: string;
  /** HMAC(electionKey, member) while voting is open, so a re-vote keeps the same receipt; null after close */
  link: string | null;
}

export interface Participation {
  electionId: string;
  contestId: string;
  memberId: string;
}

export interface ElectionSecret {
  electionId: string;
  /** random salt; with the server secret it derives the election key. Deleted at close. */
  salt: string;
}
