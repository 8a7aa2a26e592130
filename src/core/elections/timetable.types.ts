/**
 * The planned steps of an election, in the order they happen. Each is the start or the end of a period:
 * the roll's objection window, nominations, review, the candidates' public notice (公示), voting, and
 * the result's public notice. Most are a move in the phase table; the roll's two are notices.
 */
export const STEPS = [
  'roll-publish',
  'roll-objections-close',
  'nominations-open',
  'nominations-close',
  'candidates-publish',
  'voting-open',
  'voting-close',
  'certify',
] as const;
export type Step = (typeof STEPS)[number];

export interface TimetableEntry {
  electionId: string;
  step: Step;
  /** ISO instant (UTC) */
  at: string;
  setBy: string;
  setAt: string;
}
