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

export interface Participation {
  electionId: string;
  contestId: string;
  memberId: string;
}

export interface ElectionSecret {
  /** random, made at voting open; with the server secret it derives the election key */
  salt: string;
  /** HMAC of a fixed label under the election key; null for elections opened before it existed */
  keyCheck: string | null;
}

/** A ballot while voting is open: ciphertext only, found again by the voter's link. */
export interface CastBallot {
  id: string;
  electionId: string;
  contestId: string;
  link: string;
  sealed: string;
}
