// Ballot content and participation are stored apart and nothing joins them (ARCHITECTURE §2). While
// voting is open a ballot is ciphertext under the election key, found again only through an HMAC link
// of its voter; at close it is decrypted, shuffled and stored as below, with no link, no voter and no
// time, and the ciphertexts, links and the key's salt are deleted.

export interface StoredBallot {
  /** random; never derived from the voter or from time */
  id: string;
  electionId: string;
  contestId: string;
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
