import type { Tx } from '../kit/store.js';
import type { AuditEntry } from './audit.types.js';
import { entryHash, GENESIS } from './audit.rules.js';

export async function appendAudit(
  tx: Tx,
  e: Pick<AuditEntry, 'electionId' | 'at' | 'actor' | 'event' | 'data'>,
): Promise<AuditEntry> {
  const last = await tx.audit.last(e.electionId);
  const partial = { ...e, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS };
  const entry: AuditEntry = { ...partial, hash: entryHash(partial) };
  await tx.audit.append(entry);
  return entry;
}
