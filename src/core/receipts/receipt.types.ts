// A receipt proves that a ballot of this voter's is in the count, and nothing more: it is stored apart
// from ballot content (ARCHITECTURE §2).

export interface Receipt {
  electionId: string;
  code: string;
  /** HMAC(electionKey, member) while voting is open, so a re-vote keeps the same receipt; null after close */
  link: string | null;
}
