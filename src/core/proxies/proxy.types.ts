/**
 * A member's appointment of another member of the roll to vote for them (委托投票, C13). Pending until
 * the organisers approve it in writing (C13: only with prior approval); a rejected one is removed, so
 * the principal may appoint someone else.
 */
export type ProxyStatus = 'pending' | 'approved';

export interface ProxyAppointment {
  electionId: string;
  /** the member who will not vote themselves */
  principal: string;
  /** the member who casts the principal's ballot */
  proxy: string;
  status: ProxyStatus;
  createdAt: string;
  /** the organiser who approved it, and when; null while pending */
  approvedBy: string | null;
  approvedAt: string | null;
}
