// The public shapes of the counting engine. Pure data: ballots in, a result out.
// Candidates are referred to by their index in `TallyInput.candidates` everywhere inside the engine;
// names only appear in the result's `candidates` list and in formats (BLT, CSV, JSON).

export type MethodId =
  | 'plurality'
  | 'block'
  | 'approval'
  | 'approve-oppose'
  | 'score'
  | 'judged'
  | 'borda'
  | 'irv'
  | 'stv-scottish'
  | 'stv-meek'
  | 'schulze'
  | 'ranked-pairs'
  | 'copeland'
  | 'two-round';

export const METHOD_IDS: readonly MethodId[] = [
  'plurality',
  'block',
  'approval',
  'approve-oppose',
  'score',
  'judged',
  'borda',
  'irv',
  'stv-scottish',
  'stv-meek',
  'schulze',
  'ranked-pairs',
  'copeland',
  'two-round',
];

/** What a voter fills in, per ballot kind. Which kind a method takes is `BALLOT_KIND[method]`. */
export type BallotKind = 'marks' | 'opinions' | 'scores' | 'criteria' | 'ranking';

export const BALLOT_KIND: Record<MethodId, BallotKind> = {
  plurality: 'marks',
  block: 'marks',
  approval: 'marks',
  'approve-oppose': 'opinions',
  score: 'scores',
  judged: 'criteria',
  borda: 'ranking',
  irv: 'ranking',
  'stv-scottish': 'ranking',
  'stv-meek': 'ranking',
  schulze: 'ranking',
  'ranked-pairs': 'ranking',
  copeland: 'ranking',
  'two-round': 'marks',
};

/** Marked candidates (single choice, block vote, approval, two-round). Empty = blank ballot. */
export interface MarksBallot {
  kind: 'marks';
  weight?: number;
  marks: readonly number[];
}

/** Approve / oppose per candidate; a candidate in neither list is an abstention. */
export interface OpinionsBallot {
  kind: 'opinions';
  weight?: number;
  approve: readonly number[];
  oppose: readonly number[];
}

/** Score (range) voting: one score per candidate index, null = not scored. */
export interface ScoresBallot {
  kind: 'scores';
  weight?: number;
  scores: readonly (number | null)[];
}

/** Judged scoring: scores[candidate][criterion], each 1..5 (null = not scored). */
export interface CriteriaBallot {
  kind: 'criteria';
  weight?: number;
  scores: readonly (readonly (number | null)[])[];
}

/**
 * Ranked ballot, first preference first. Each entry is one rank:
 *  - a number: one candidate at this rank;
 *  - an array of two or more numbers: an overvote (paper) or an equal ranking (where the method allows it);
 *  - an empty array: a skipped rank (no mark).
 * The candidate index `TallyInput.candidates.length` and above are never valid; undeclared write-ins are
 * ordinary candidates flagged `writeIn: true`.
 */
export interface RankingBallot {
  kind: 'ranking';
  weight?: number;
  ranks: readonly (number | readonly number[])[];
}

export type Ballot = MarksBallot | OpinionsBallot | ScoresBallot | CriteriaBallot | RankingBallot;

export interface CandidateInput {
  name: string;
  /** Withdrawn before the count: marks for them are skipped as if they were eliminated. */
  withdrawn?: boolean;
  /** Undeclared write-in bucket: counted, never elected, eliminated first. */
  writeIn?: boolean;
}

export type TieBreakRule =
  /** Draw by lot with a deterministic generator seeded by `seed`, recorded in the result. */
  | 'lot'
  /** Compare earlier rounds, most recent first (backwards) or first round first (forwards); then by lot. */
  | 'backwards'
  | 'forwards'
  /** Candidate order in the input decides (earliest wins / latest loses). Droop's default "by lot". */
  | 'candidate-order'
  /** Stop and report the tie; the organiser decides, the result names the tied candidates. */
  | 'organiser'
  /** Stop and report the tie; a re-vote among the tied is needed. */
  | 'revote';

/**
 * How the organisers settled a tie the 'organiser' rule left open (`/election tie decide`): the tie of
 * that round and purpose among exactly those candidates is settled by choosing `chosen`. Applied on a
 * recount, so a count with decisions is still a pure function of its ballots and options.
 */
export interface TieDecision {
  round: number;
  purpose: TieRecord['purpose'];
  candidates: number[];
  chosen: number[];
}

export type OvervoteRule = 'exhaust' | 'skip' | 'exhaust-if-multiple-continuing';
export type DuplicateRule = 'skip' | 'exhaust';

export interface IrregularityRules {
  overvote?: OvervoteRule; // default 'exhaust'
  /** Consecutive skipped ranks tolerated before a later mark; more exhausts the ballot. Default: unlimited. */
  maxSkippedRanks?: number | 'unlimited';
  duplicate?: DuplicateRule; // default 'skip'
  /** Ranks beyond this are ignored. Default: all. */
  maxRankings?: number;
}

export type QuotaRule = 'droop' | 'hare';
/** valid ballots, ballots cast (those voting), those present (实到), or those entitled (应到): C5's bases */
export type ThresholdBase = 'valid' | 'cast' | 'present' | 'eligible';

export interface MethodOptions {
  tieBreak?: TieBreakRule; // default 'lot' (recorded with its seed)
  seed?: string; // default: derived from the input, recorded in the result
  /** A predetermined order (candidate indices) that settles what the tie rule leaves tied: the earliest
   *  listed is chosen, to elect or to eliminate (Droop's "[tie …]" and its default "by lot"). */
  tieOrder?: number[];
  /** ties the organisers settled (tie-break=organiser) */
  decisions?: TieDecision[];
  irregularities?: IrregularityRules;
  /** approval: at most this many marks; block: defaults to seats. approve-oppose: at most this many
   *  approvals, else the ballot is invalid (C3); no limit by default here, Teller's contests pass the seats. */
  maxMarks?: number;
  /** whether an empty ballot counts as a (valid) blank ballot; default true */
  allowBlank?: boolean;
  /** approve-oppose: elected only with approvals > share × base. Default share 0.5, base 'valid'. */
  threshold?: { share?: number; base?: ThresholdBase; inclusive?: boolean };
  /** approve-oppose with base 'eligible': the number (weight) of eligible voters. */
  eligible?: number;
  /** approve-oppose with base 'present': the number (weight) of voters present (实到, C5). */
  present?: number;
  /** approve-oppose: ballots the scrutineers set aside as invalid before the count (paper ballots,
   *  C3), by reason; they are cast and invalid, so the `cast` base counts them */
  setAside?: Partial<Record<InvalidReason, number>>;
  /** score: allowed range, default 0..5 (judged: 1..5). */
  scoreRange?: { min: number; max: number };
  /** judged: weight per criterion (default all 1) and names for reports. */
  criteria?: { name: string; weight?: number }[];
  /** borda: 'start-1' (last place gets 1) or 'start-0' (last place gets 0); default 'start-1'. */
  borda?: 'start-1' | 'start-0';
  /** Condorcet: unranked candidates tied below all ranked ones ('implicit-last', default) or no opinion ('ignore'). */
  unranked?: 'implicit-last' | 'ignore';
  /** Schulze link strength; default 'winning'. Ranked pairs: 'winning' | 'margin'. */
  strength?: 'winning' | 'margin' | 'ratio';
  /** STV */
  quota?: QuotaRule;
  surplusOrder?: 'largest' | 'order-of-election';
  batchElimination?: boolean;
  /** Meek: decimal places of the fixed-point arithmetic (default 9) and the convergence limit omega exponent (default 6). */
  precision?: number;
  omega?: number;
  /** Meek: the PR Foundation reference rule (default), or Droop's generic Meek / Warren with guarded
   *  arithmetic (precision + precision/2 guard digits; default precision 18, omega 9, safe batch defeats),
   *  or generic Meek in exact rationals (default omega 10). */
  meekRule?: 'prf' | 'guarded' | 'warren' | 'rational';
  /** Lots for ties: Teller's generator (default) or java.util.Random seeded with `seed` as a Java long,
   *  drawing among the tied sorted by name (reproduces RCTab's `random` tie-break). */
  lotGenerator?: 'teller' | 'java';
  /** IRV: keep eliminating after the winner is known until two candidates remain (RCTab, for reporting). */
  continueUntilTwo?: boolean;
  /** IRV: the majority threshold is fixed from the first round's continuing votes (RCTab). */
  firstRoundThreshold?: boolean;
  /** IRV with seats > 1: sequential (multi-pass) IRV, one count per seat without the earlier winners. */
  sequential?: boolean;
}

export interface TallyInput {
  method: MethodId;
  seats: number;
  candidates: readonly CandidateInput[];
  ballots: Iterable<Ballot>;
  options?: MethodOptions;
}

/** A message for people, resolved through the i18n catalogs (keys under `counting.`). */
export interface Explanation {
  key: string;
  params?: Record<string, string | number>;
}

export interface Transfer {
  from: number;
  /** per candidate index: votes received; candidates not listed received nothing */
  to: Record<number, number>;
  exhausted: number;
  /** Scottish STV: the transfer value applied, as a decimal string */
  value?: string;
}

export interface Round {
  number: number;
  /** votes per candidate index, for every candidate (0 for those no longer continuing) */
  counts: number[];
  quota?: number;
  /** Meek: keep factor per candidate */
  keepFactors?: number[];
  transfers?: Transfer[];
  elected: number[];
  eliminated: number[];
  /** ballot weight no longer counting for any candidate, cumulative */
  exhausted: number;
  /** STV: surplus not yet transferred / lost to truncation */
  surplus?: number;
  /** STV: weight lost to rounding, cumulative (Scottish STV's truncation): counts + exhausted + residual = total */
  residual?: number;
  /** ranked methods: the cumulative `exhausted` weight split by why the ballots stopped counting */
  exhaustedBy?: { overvote: number; skippedRanks: number; duplicate: number; noMoreChoices: number };
  explanation: Explanation[];
}

export interface TieRecord {
  round: number;
  /** what was being decided */
  purpose: 'elect' | 'eliminate' | 'surplus-order' | 'last-seat' | 'runoff-place';
  candidates: number[];
  rule: TieBreakRule;
  /** who the rule chose (elected or eliminated), empty when it was left to a further round or the organiser */
  chosen: number[];
  /** on a tie left open (organiser, revote): how many of the tied must be chosen */
  needed?: number;
  seed?: string;
}

export interface FurtherRound {
  /** 'reopen': seats RON won, whose nominations open again (uk-su) */
  kind: 'runoff' | 'revote' | 'unfilled' | 'reopen';
  candidates: number[];
  seats: number;
}

export interface BallotFigures {
  /** numbers of ballots (not weights) */
  cast: number;
  valid: number;
  blank: number;
  invalid: number;
  /** total weight of valid ballots */
  validWeight: number;
  /** approve-oppose: the invalid ballots by why each was invalid (only reasons that occurred); they sum to `invalid` */
  invalidBy?: Partial<Record<InvalidReason, number>>;
}

/**
 * Why a ballot was invalid, one reason per ballot, checked in this order: it names no candidate there is
 * (`unknown-candidate`), approves and opposes the same one (`contradictory`), approves more than the
 * contest allows (`over-marked`, C3), or is empty where blank ballots are not accepted (`blank`).
 */
/** Why a ballot counts for nobody, in the order the checks find it; the last three are set aside by the
 *  scrutineers before the count (a paper ballot: C3). */
export const INVALID_REASONS = [
  'unknown-candidate',
  'contradictory',
  'over-marked',
  'blank',
  'unreadable',
  'identifying-mark',
  'not-official',
] as const;
export type InvalidReason = (typeof INVALID_REASONS)[number];

/** approve-oppose (C4): per candidate index, the weight of valid ballots for, against and abstaining. */
export interface OpinionFigures {
  for: number[];
  against: number[];
  /** valid ballots that neither approved nor opposed the candidate (a blank ballot abstains on all) */
  abstain: number[];
  /** approvals as a fraction of the threshold's base (0 when the base is 0) */
  share: number[];
}

/** approve-oppose (C5): what a candidate needed. */
export interface ThresholdFigures {
  base: ThresholdBase;
  /** the base's weight: valid ballots, ballots cast, or eligible voters */
  baseValue: number;
  /** the fraction of the base to pass */
  share: number;
  /** false (C5): approvals must be more than `value`; true: at least `value` */
  inclusive: boolean;
  /** share × baseValue */
  value: number;
}

export interface IrregularityFigures {
  overvotes: number;
  skippedRanks: number;
  duplicates: number;
  writeIns: number;
}

export interface ChartData {
  kind: 'bars' | 'rounds' | 'matrix';
  title: Explanation;
  labels: string[];
  /** one series per round (rounds) or a single series (bars); values per label */
  series: { name: string; values: number[] }[];
  /** a horizontal line, e.g. the quota or threshold */
  line?: number;
}

export interface CountResult {
  method: MethodId;
  options: MethodOptions;
  seats: number;
  candidates: string[];
  /** candidate indices in order of election */
  winners: number[];
  rounds: Round[];
  ties: TieRecord[];
  ballots: BallotFigures;
  irregularities: IrregularityFigures;
  /** seats left unfilled, or a run-off/re-vote the organisers must hold */
  furtherRound?: FurtherRound;
  /** what an election's rules made of the count after the method ran (a round void for turnout, C1) */
  rulings?: Explanation[];
  /** candidates voters wrote in, not on the published list (R5; C4's "another person") */
  writeIns?: number[];
  /** Condorcet methods: pairwise[a][b] = weight preferring a to b */
  pairwise?: number[][];
  /** the final order of all candidates where the method defines one (tiers of equals) */
  ranking?: number[][];
  /** approve-oppose: for / against / abstain and share per candidate */
  opinions?: OpinionFigures;
  /** approve-oppose: the threshold and its base */
  threshold?: ThresholdFigures;
  explanation: Explanation[];
  chart: ChartData;
}

/** Raised for input the engine cannot count (unknown candidate index, wrong ballot kind, bad options). */
export class TallyInputError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'TallyInputError';
  }
}
