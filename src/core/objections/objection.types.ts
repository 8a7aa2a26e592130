// Objections, their investigation and appeals (issue 14; C10, C15, L18). An objection is filed in one of
// the election's notice periods by a member on the roll, about a contest or a member; an investigator
// the organisers assign (never someone with a stake in it) records findings and decides it; the decision
// may be appealed once, to the organisation's appeal panel, whose decision is final.

/** The notice period an objection is filed in: the roll's (C10), the candidates' (C11), the result's (C15). */
export const OBJECTION_PERIODS = ['roll', 'candidates', 'result'] as const;
export type ObjectionPeriod = (typeof OBJECTION_PERIODS)[number];

export const OUTCOMES = ['upheld', 'dismissed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * What an upheld objection changes: a candidate's nomination no longer stands (`exclude`), a roll entry
 * is corrected (`roll`), a counted round is void and held again (`void`), or nothing (`none`: a finding
 * on record).
 */
export const EFFECTS = ['exclude', 'roll', 'void', 'none'] as const;
export type Effect = (typeof EFFECTS)[number];

/** What an effect did, kept so an upheld appeal can undo it while the election still allows. */
export interface EffectRecord {
  effect: Effect;
  /** exclude and roll: whom it concerned */
  member?: string;
  /** roll: the status it set */
  status?: 'eligible' | 'ineligible';
  /** exclude: the contest the member no longer stands in */
  contestId?: string;
  /** exclude before voting: the nomination and how it stood */
  nomination?: { number: number; status: string; reason: string | null };
  /** roll: the entry before (null: the member was not on the roll) */
  rollBefore?: { status: 'eligible' | 'ineligible'; reason: string | null; weight: number } | null;
  /** void: each round voided (the contest counted in it) and the result it had */
  voided?: { contestId: string; round: number; before: unknown }[];
  /** void with an exclusion: the member left off the round held again */
  excluded?: string;
}

export interface Finding {
  at: string;
  by: string;
  text: string;
}

export interface Objection {
  id: string;
  electionId: string;
  /** 1-based within the election: members see it as O-1 */
  number: number;
  period: ObjectionPeriod;
  /** the contest it concerns, when it names one (the first round's, or the round it names) */
  contestId: string | null;
  /** the member objected to, when it names one (a candidate, a roll entry) */
  memberId: string | null;
  /** how members read what it is about: a contest's name, a member's name, or `roll` */
  about: string;
  grounds: string;
  /** links or text offered as evidence, stored as text */
  evidence: string | null;
  objector: string;
  /** the objector agreed to be named in the channel (`name=yes`) */
  named: boolean;
  filedAt: string;
  /** when a decision is due (`objection-decision-days` after filing; C10: 3 days) */
  dueAt: string;
  investigator: string | null;
  assignedAt: string | null;
  findings: Finding[];
  outcome: Outcome | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** what the decision changed; null until decided */
  effect: EffectRecord | null;
}

/** One appeal per objection, to the organisation's appeal panel; its decision is final. */
export interface Appeal {
  objectionId: string;
  electionId: string;
  appellant: string;
  grounds: string;
  filedAt: string;
  outcome: Outcome | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** what the panel's decision changed: the original effect undone, and its own */
  effect: EffectRecord | null;
  /** what of the original effect could not be undone, as a catalog key (null: nothing or all undone) */
  notUndone: string | null;
}

/** The organisation's appeal panel (C15's "higher committee") and how long an appeal may be made. */
export interface AppealPanel {
  orgId: string;
  members: string[];
  appealDays: number;
  setBy: string;
  setAt: string;
}

/** Days after a decision in which it may be appealed, until the organisation sets its own. */
export const DEFAULT_APPEAL_DAYS = 5;
/** Days after filing in which an objection is to be decided (C10: objections decided within 3 days). */
export const DEFAULT_DECISION_DAYS = 3;

export const refOf = (o: Pick<Objection, 'number'>) => `O-${o.number}`;
