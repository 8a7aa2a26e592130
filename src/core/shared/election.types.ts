import type { MethodId, MethodOptions } from '../../counting/types.js';

export const PHASES = [
  'draft',
  'nominating',
  'reviewing',
  'published',
  'voting',
  'closed',
  'counted',
  'announced',
  'certified',
  'archived',
  'cancelled',
] as const;
export type Phase = (typeof PHASES)[number];

/** The rule presets an election may follow (their rules: shared/presets.ts). */
export const PRESET_IDS = ['simple', 'roberts', 'lmrda', 'cn-org', 'uk-su'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** C1: more than half of those entitled vote, or more than four fifths of them are present */
export const TURNOUT_RULES = ['half', 'four-fifths'] as const;
export type TurnoutRule = (typeof TURNOUT_RULES)[number];

export interface ElectionSettings {
  /** seconders each nomination needs, each on the roll and not the nominee */
  seconders: number;
  /** members may nominate themselves */
  selfNomination: boolean;
  /** days of the public notice period after announcing, before certification */
  objectionDays: number;
  /** days after filing in which an objection is to be decided (C10: 3); 3 if absent */
  objectionDecisionDays?: number;
  /** days the candidate list is public before voting may open (the candidates' notice, 公示); 0 if absent */
  candidateNoticeDays?: number;
  /** days the roll is open to objections after it is published; 0 if absent */
  rollObjectionDays?: number;
  /** hours before voting closes at which voters who have not voted are reminded; [24, 1] if absent */
  reminderHours?: number[];
  /** the rules the election follows (shared/presets.ts); Teller's own defaults if absent */
  preset?: PresetId;
  /** 差额: per cent by which candidates must outnumber seats at publication (C9); the preset's if absent */
  differential?: number;
  /** C13: principals one proxy may hold, where the preset allows proxies; the preset's if absent */
  proxyLimit?: number;
  /** C1: which quorum makes a round valid, where the preset has one; 'half' if absent */
  turnout?: TurnoutRule;
  /** some members vote on paper or by mail (issue 13): an online cast then checks for their return */
  offlineBallots?: boolean;
  /** scrutineers' confirmations the count needs (C12); all scrutineers, up to two, if absent */
  confirmations?: number;
  /** when retention ended and the personal data was purged (issue 14) */
  purgedAt?: string;
  /**
   * Weighted elections only: an organiser chose, after a warning, to publish every ballot. Off by
   * default, because a voter whose weight is rare can be picked out of the list.
   */
  publishWeightedBallots?: boolean;
  /** after the announcement, members who took part are asked for anonymous feedback (issue 14) */
  survey?: boolean;
}

/**
 * After close, the deleted ciphertexts, links and salt must also be purged from the database's files.
 * 'pending' until that purge has succeeded (a reader holding an old snapshot can block it), then 'done'.
 */
export type SealState = 'pending' | 'done';

export interface Election {
  id: string;
  orgId: string;
  /** per-organisation number members type: "election 3" */
  number: number;
  title: string;
  channelId: string | null;
  phase: Phase;
  createdBy: string;
  settings: ElectionSettings;
  cancelReason: string | null;
  /** ISO time the current phase began */
  phaseSince: string;
  createdAt: string;
  /** set at close */
  seal?: SealState;
}

/** 'stroke': by the strokes of the name (姓氏笔画, as C11 lists Chinese candidates) */
export type BallotOrder = 'shuffled' | 'alphabetical' | 'fixed' | 'stroke';

export interface ContestOptions extends MethodOptions {
  /** the order candidates are listed on ballots; shuffled per voter by default (position bias) */
  order?: BallotOrder;
  /** voters may write in a member not on the list (R5; C4's "another person") */
  writeIn?: boolean;
}

export interface Contest {
  id: string;
  electionId: string;
  /** 1-based within the election */
  number: number;
  name: string;
  seats: number;
  method: MethodId;
  options: ContestOptions;
  /** 1 for the first ballot; a further round (run-off, re-vote, unfilled seats) counts up */
  round?: number;
  /** the contest a further round continues */
  parentId?: string | null;
}

export type ElectionRoleName = 'organiser' | 'scrutineer';

export interface ElectionRole {
  electionId: string;
  memberId: string;
  role: ElectionRoleName;
}
