// `teller audit verify [--election ID] [--expect COUNT:HEAD ...]`: every election's audit chain, or one
// election's against checkpoints copied from its channel (each checkpoint post carries the election id,
// the count and the head). Exit status 1 when any chain fails, 2 for unusable arguments.
import { type AuditVerdict, type Checkpoint, type Store, verifyStoredAudits } from '../core/index.js';

export interface AuditVerifyIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE =
  'usage: teller audit verify [--election ID] [--expect COUNT:HEAD ...]  (--expect needs --election; both are in each checkpoint post)';

export function parseAuditArgs(args: string[]): { electionId?: string; expected: Checkpoint[] } | string {
  let electionId: string | undefined;
  const expected: Checkpoint[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--election' && value && /^[A-Za-z0-9_-]{1,64}$/.test(value)) {
      electionId = value;
      i++;
    } else if (flag === '--expect' && value && /^\d+:[0-9a-fA-F]{8,64}$/.test(value)) {
      const [count, head] = value.split(':');
      expected.push({ count: Number(count), head: head!.toLowerCase() });
      i++;
    } else return `${`${flag} ${value ?? ''}`.trim()} is not understood; ${USAGE}`;
  }
  if (expected.length > 0 && !electionId) return `--expect belongs to one election; ${USAGE}`;
  return { ...(electionId ? { electionId } : {}), expected };
}

function describe(v: AuditVerdict): string {
  if (v.ok) {
    const anchored = v.checked
      ? `, reaches ${v.checked} checkpoint(s); ${v.unanchored} entries after the last one are not anchored yet`
      : '';
    return `intact (${v.count} entries, head ${v.head}${anchored})`;
  }
  switch (v.problem) {
    case 'missing':
      return 'MISSING: the election exists but has no audit entries';
    case 'shorter':
      return `SHORTER than a checkpoint: ${v.count} entries, the checkpoint names ${v.expected}`;
    case 'differs':
      return `DIFFERS from a checkpoint at entry ${v.at}: head ${v.found}, the checkpoint says ${v.expected}`;
    default:
      return `BROKEN at entry ${v.seq} (${v.problem})`;
  }
}

export async function runAuditVerify(store: Store, args: string[], io: AuditVerifyIo): Promise<number> {
  const parsed = parseAuditArgs(args);
  if (typeof parsed === 'string') {
    io.err(parsed);
    return 2;
  }
  const verdicts = await verifyStoredAudits(store, parsed);
  if (verdicts.length === 0) {
    io.out(parsed.electionId ? `no election ${parsed.electionId}` : 'no elections yet');
    return parsed.electionId ? 1 : 0;
  }
  for (const { election, verdict } of verdicts) {
    const label = election.number
      ? `election ${election.number} "${election.title}" (${election.id})`
      : `election ${election.id} (its row is gone)`;
    io.out(`${label}: ${describe(verdict)}`);
  }
  return verdicts.every((v) => v.verdict.ok) ? 0 : 1;
}
