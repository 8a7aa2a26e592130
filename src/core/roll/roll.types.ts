export type Eligibility = 'eligible' | 'ineligible';

export interface RollEntry {
  electionId: string;
  memberId: string;
  weight: number;
  status: Eligibility;
  reason: string | null;
  addedBy: string;
  addedAt: string;
}
