/** What Teller last heard about a member, so messages to them use their name and language. */
export interface Member {
  orgId: string;
  memberId: string;
  displayName: string | null;
  locale: string | null;
  updatedAt: string;
}
