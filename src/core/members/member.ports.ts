// Implemented by src/storage over Kysely; core tests use test/core/memory-store.ts.
import type { Member } from './member.types.js';

export interface MemberRepo {
  get(orgId: string, memberId: string): Promise<Member | undefined>;
  upsert(member: Member): Promise<void>;
}
