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

export interface ElectionSettings {
  /** seconders each nomination needs, each on the roll and not the nominee */
  seconders: number;
  /** members may nominate themselves */
  selfNomination: boolean;
  /** days of the public notice period after announcing, before certification */
  objectionDays: number;
}

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
}

export type BallotOrder = 'shuffled' | 'alphabetical' | 'fixed';

export interface ContestOptions extends MethodOptions {
  /** the order candidates are listed on ballots; shuffled per voter by default (position bias) */
  order?: BallotOrder;
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
}

export type ElectionRoleName = 'organiser' | 'scrutineer';

export interface ElectionRole {
  electionId: string;
  memberId: string;
  role: ElectionRoleName;
}
