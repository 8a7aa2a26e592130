// One hash chain per election: each entry's hash covers the previous entry's hash and its own fields.
// Entries never hold ballot content, and none links a voter to a ballot.

export interface AuditEntry {
  electionId: string;
  /** 1-based position in the chain */
  seq: number;
  at: string;
  actor: string;
  event: string;
  data: Record<string, string | number | boolean | null>;
  prevHash: string;
  hash: string;
}
