// The feedback survey after the announcement (issue 14), kept like ballots (ARCHITECTURE §2): who
// answered and what was answered live in tables that share nothing. While the survey is open an answer
// is ciphertext under a key of its own (the server secret and a random salt), with a random id and no
// member and no time; at its close (certification) every answer is opened, shuffled and written again
// under fresh random ids, and the ciphertexts and the salt are deleted and purged, as the seal does.
// The respondents table only refuses a second answer: a member and an election, no time, no answer.

/** What the survey asks: two scores and a free comment. */
export interface SurveyResponse {
  /** how satisfied with how the election was run, 1 (not at all) to 5 (very) */
  satisfaction: number;
  /** how easy it was to take part, 1 (very hard) to 5 (very easy) */
  ease: number;
  comment: string | null;
}

/** An answer after the close: no member, no time; `comment` is its own column so retention can purge it. */
export interface SurveyAnswer extends SurveyResponse {
  /** random, made at the close; never the id the answer had while sealed */
  id: string;
  electionId: string;
}

/** An answer while the survey is open: ciphertext only. */
export interface SealedAnswer {
  /** random */
  id: string;
  electionId: string;
  sealed: string;
}

export interface SurveySecret {
  /** random, made when the survey opens; with the server secret it derives the survey's key */
  salt: string;
  /** HMAC of a fixed label under that key: a process with another server secret refuses to seal */
  keyCheck: string;
}
