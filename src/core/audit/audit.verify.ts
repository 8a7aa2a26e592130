// Verifying an election's audit chain against what was posted outside the database. A hash chain
// alone catches an edited, removed or swapped entry in the middle, but not a truncated tail, a deleted
// log, an appended forgery with a correct hash, or an edit followed by recomputing every hash after it:
// the database can be made self-consistent again. Checkpoints (count and head) posted to the election's
// channel at every phase change cannot be rewritten with it, so the chain must still reach each one.
import type { AuditEntry } from './audit.types.js';
import { verifyChain } from './audit.rules.js';

/** What a checkpoint post said: the chain had `count` entries and entry `count` hashed to `head…`. */
export interface Checkpoint {
  count: number;
  /** a prefix of the hash, as posted (16 hex characters) */
  head: string;
}

export const HEAD_CHARS = 16;

export type AuditProblem =
  | { problem: 'edited' | 'removed' | 'out-of-order'; seq: number }
  | { problem: 'missing' }
  | { problem: 'shorter'; expected: number }
  | { problem: 'differs'; at: number; found: string; expected: string };

export type AuditVerdict =
  /** `unanchored`: entries after the last checkpoint checked, which no outside record vouches for yet */
  | { ok: true; count: number; head: string; checked: number; unanchored: number }
  | ({ ok: false; count: number; head: string } & AuditProblem);

const shortHead = (entries: readonly AuditEntry[]) => entries.at(-1)?.hash.slice(0, HEAD_CHARS) ?? '';

/**
 * Every election has entries from its creation on, so an election with none was wiped. `expected`
 * are the checkpoints known from outside (posted in the channel, or given by an operator).
 */
export function verifyAudit(entries: readonly AuditEntry[], expected: readonly Checkpoint[]): AuditVerdict {
  const count = entries.length;
  const head = shortHead(entries);
  if (count === 0) return { ok: false, count, head, problem: 'missing' };
  const chain = verifyChain(entries);
  if (!chain.ok) return { ok: false, count, head, problem: chain.problem, seq: chain.seq };
  for (const cp of [...expected].sort((a, b) => a.count - b.count)) {
    const at = entries[cp.count - 1];
    if (!at) return { ok: false, count, head, problem: 'shorter', expected: cp.count };
    if (!at.hash.startsWith(cp.head.toLowerCase())) {
      return {
        ok: false,
        count,
        head,
        problem: 'differs',
        at: cp.count,
        found: at.hash.slice(0, HEAD_CHARS),
        expected: cp.head,
      };
    }
  }
  const anchored = Math.max(0, ...expected.map((cp) => cp.count));
  return {
    ok: true,
    count,
    head,
    checked: expected.length,
    unanchored: expected.length > 0 ? count - anchored : count,
  };
}

/** The machine-readable line of a checkpoint post, the same on every platform. */
export function checkpointLine(electionId: string, cp: Checkpoint): string {
  return `teller-checkpoint v1 election=${electionId} count=${cp.count} head=${cp.head}`;
}

/** Every checkpoint line of one election found in some text (a channel's messages, pasted). */
export function readCheckpointLines(text: string, electionId: string): Checkpoint[] {
  const found: Checkpoint[] = [];
  for (const m of text.matchAll(/teller-checkpoint v1 election=(\S+) count=(\d+) head=([0-9a-f]{8,64})/g)) {
    if (m[1] === electionId) found.push({ count: Number(m[2]), head: m[3] });
  }
  return found;
}
