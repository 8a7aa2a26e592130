/** What Teller last heard about a member, so messages to them use their name and language. */
export interface Member {
  orgId: string;
  memberId: string;
  displayName: string | null;
  locale: string | null;
  /** the member's own IANA zone, where the platform tells it (Slack profiles); else null */
  timeZone?: string | null;
  updatedAt: string;
}
