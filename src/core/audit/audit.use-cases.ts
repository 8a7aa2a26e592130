// Audit verification outside any command: `teller audit verify` runs it over the whole database.
import type { Election } from '../shared/election.types.js';
import type { Store } from '../kit/store.js';
import { type AuditVerdict, type Checkpoint, verifyAudit } from './audit.verify.js';

export interface StoredAuditVerdict {
  election: Pick<Election, 'id' | 'number' | 'title' | 'orgId'>;
  verdict: AuditVerdict;
}

/**
 * Verify every election's chain (or one, by id), against checkpoints known from outside. An election
 * whose rows exist with no audit entries fails as 'missing'; entries whose election row is gone are
 * reported too, since a deleted election is as much a rewrite as a deleted log.
 */
export async function verifyStoredAudits(
  store: Store,
  opts: { electionId?: string; expected?: readonly Checkpoint[] } = {},
): Promise<StoredAuditVerdict[]> {
  return store.transaction(async (tx) => {
    const elections = (await tx.elections.listAll()).filter(
      (e) => !opts.electionId || e.id === opts.electionId,
    );
    const known = new Set(elections.map((e) => e.id));
    const orphans = (await tx.audit.electionIds()).filter(
      (id) => !known.has(id) && (!opts.electionId || id === opts.electionId),
    );
    const out: StoredAuditVerdict[] = [];
    for (const e of elections)
      out.push({ election: e, verdict: verifyAudit(await tx.audit.list(e.id), opts.expected ?? []) });
    for (const id of orphans) {
      out.push({
        election: { id, number: 0, title: '', orgId: '' },
        verdict: verifyAudit(await tx.audit.list(id), opts.expected ?? []),
      });
    }
    return out;
  });
}
