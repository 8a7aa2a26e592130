// The summary report (总结报告, issue 14) as data: what the JSON download holds, and what the Markdown,
// the PDF and the chat message are written from. Language-neutral: codes and figures, never translated
// text, so a machine reads the same report whoever asked for it. Members appear with their id and the
// name Teller knows; candidates by the name the count used.
import type { Explanation, MethodId, TieRecord, FurtherRound } from '../../counting/types.js';
import type { ChannelFigures } from '../results/result.types.js';

export const REPORT_FORMAT = 'teller-report/1';

export interface MemberRef {
  id: string;
  name: string;
}

export interface CountRoundFacts {
  number: number;
  /** per candidate, in `candidates` order */
  counts: number[];
  quota?: number;
  elected: string[];
  eliminated: string[];
  transfers: { from: string; to: Record<string, number>; exhausted: number; value?: string }[];
  exhausted: number;
  /** what the round did, as the count explains it (catalog keys under `counting.`) */
  explanation: Explanation[];
}

export interface ContestResultFacts {
  contest: number;
  name: string;
  method: MethodId;
  seats: number;
  eligible: number;
  issued: number;
  /** 实到 (C5), where attendance was recorded */
  present: number | null;
  cast: number;
  valid: number;
  blank: number;
  invalid: number;
  invalidBy: Record<string, number>;
  validWeight: number;
  /** ballots cast as a share of those eligible, per cent, one decimal */
  turnout: number;
  /** online, paper and mail apart, where some ballots came on paper or by mail */
  channels: ChannelFigures[] | null;
  candidates: string[];
  rounds: CountRoundFacts[];
  /** approve-oppose: for, against and abstaining per candidate */
  opinions: { for: number[]; against: number[]; abstain: number[] } | null;
  winners: string[];
  ties: (Pick<TieRecord, 'round' | 'purpose' | 'rule'> & { candidates: string[]; chosen: string[] })[];
  furtherRound: (Pick<FurtherRound, 'kind' | 'seats'> & { candidates: string[] }) | null;
  rulings: Explanation[];
}

export interface ObjectionFacts {
  ref: string;
  period: string | null;
  about: string | null;
  /** the objector agreed to be named (the objections module's `public`); the report never names them */
  public: boolean;
  filedAt: string;
  investigator: MemberRef | null;
  outcome: 'upheld' | 'dismissed' | null;
  effect: 'exclude' | 'roll' | 'void' | 'none' | null;
  reason: string | null;
  decidedAt: string | null;
  appeal: {
    filedAt: string;
    outcome: string | null;
    effect: string | null;
    reason: string | null;
    decidedAt: string | null;
  } | null;
}

export interface ScoreFacts {
  /** answers per score, scores 1 to 5 */
  counts: [number, number, number, number, number];
  median: number | null;
}

export interface SurveyFacts {
  /** off: not asked for; open: answers are sealed until certification; closed: opened and counted */
  state: 'off' | 'open' | 'closed';
  invited: number;
  answered: number;
  /** false while fewer answered than SURVEY_MIN_SHOWN: the figures are then withheld */
  shown: boolean;
  satisfaction: ScoreFacts | null;
  ease: ScoreFacts | null;
  comments: string[];
}

export interface ReportData {
  format: typeof REPORT_FORMAT;
  generatedAt: string;
  election: {
    number: number;
    title: string;
    preset: string | null;
    phase: string;
    createdAt: string;
    cancelReason: string | null;
  };
  /** the round this report covers; null for every round */
  round: number | null;
  contests: { number: number; name: string; seats: number; method: MethodId; round: number }[];
  timetable: {
    planned: { step: string; at: string }[];
    happened: { step: string; at: string }[];
    overrides: { at: string; step: string; reason: string; actor: MemberRef }[];
  };
  roll: { entries: number; eligible: number; weighted: boolean; voted: number };
  /** Teller keeps no member groups yet: always null, so a reader knows the figures are not split by group */
  groups: null;
  rounds: { round: number; contests: ContestResultFacts[] }[];
  elected: { contest: string; round: number; names: string[] }[];
  scrutiny: {
    needed: number;
    scrutineers: MemberRef[];
    confirmed: { member: MemberRef; observation: string | null }[];
    disputes: { member: MemberRef; note: string; resolution: string | null }[];
  };
  objections: ObjectionFacts[];
  survey: SurveyFacts;
  audit: { entries: number; head: string | null };
}
