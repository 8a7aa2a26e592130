// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.
import type { Member } from './member.types.js';

export interface MemberRepo {
  get(orgId: string, memberId: string): Promise<Member | undefined>;
  /** the known members among these ids, in no particular order (one read for a fan-out's readers) */
  getMany(orgId: string, memberIds: readonly string[]): Promise<Member[]>;
  upsert(member: Member): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    members: MemberRepo;
  }
}
