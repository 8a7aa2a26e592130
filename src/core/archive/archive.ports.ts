// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.

/** What outlives the retention period (issue 14): the result, the report, the audit chain's head. */
export interface RetainedRecord {
  electionId: string;
  /** 'results.json', 'report.md', 'audit-head' … */
  kind: string;
  content: string;
  createdAt: string;
}

export interface ArchiveRepo {
  putRecord(record: RetainedRecord): Promise<void>;
  records(electionId: string): Promise<RetainedRecord[]>;
  /**
   * The end of retention: remove every reference to a person the election kept (the roll, nominators
   * and seconders, objectors and appellants, survey respondents and comments, participation, paper and mail voters, proxies, messages, platform retries, the audit
   * entries) and the organisation's members nothing else refers to any more. Results, the retained
   * records, contests, candidates' nominations and the officials' roles stay.
   */
  purgePersonal(electionId: string, orgId: string): Promise<void>;
  setRetention(orgId: string, days: number | null): Promise<void>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    archive: ArchiveRepo;
  }
}
