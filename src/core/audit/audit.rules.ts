import { createHash } from 'node:crypto';
import type { AuditEntry } from './audit.types.js';

export const GENESIS = '0'.repeat(64);

/** Stable JSON: keys sorted, so the hash does not depend on how a database returns JSON. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const body = canonical({
    electionId: e.electionId,
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    event: e.event,
    data: e.data,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; seq: number; problem: 'edited' | 'removed' | 'out-of-order' };

/** Walk a chain in stored order; name the first entry that was edited, removed or moved. */
export function verifyChain(entries: readonly AuditEntry[]): ChainCheck {
  let prev = GENESIS;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.seq !== i + 1)
      return { ok: false, seq: i + 1, problem: e.seq > i + 1 ? 'removed' : 'out-of-order' };
    if (e.prevHash !== prev) return { ok: false, seq: e.seq, problem: 'out-of-order' };
    if (entryHash(e) !== e.hash) return { ok: false, seq: e.seq, problem: 'edited' };
    prev = e.hash;
  }
  return { ok: true, entries: entries.length };
}
