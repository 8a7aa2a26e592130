import { createHmac, timingSafeEqual } from 'node:crypto';

// The per-election key: HMAC of the election's salt under the server secret. The salt is in the
// database (deleted at close); the server secret never is. Without the salt nobody can derive the key
// again; without the server secret, the database alone cannot either. Every use below takes its own
// sub-key (links, the content cipher, the key check), so no value computed under one reveals another.

export function electionKey(serverSecret: string, salt: string): Buffer {
  return createHmac('sha256', serverSecret).update(`teller-election-key:${salt}`).digest();
}

export function ballotLink(key: Buffer, contestId: string, memberId: string): string {
  return createHmac('sha256', key).update(`ballot:${contestId}:${memberId}`).digest('base64url');
}

export function receiptLink(key: Buffer, memberId: string): string {
  return createHmac('sha256', key).update(`receipt:${memberId}`).digest('base64url');
}

/** The key of the ballot-content cipher (AES-256-GCM). */
export function contentKey(key: Buffer): Buffer {
  return createHmac('sha256', key).update('teller-ballot-content v1').digest();
}

/**
 * Stored at voting open: a process whose server secret derives another key computes another value,
 * and refuses to cast instead of writing ballots nobody could decrypt or link a re-vote to.
 */
export function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('teller-key-check v1').digest('base64url');
}

export function keyMatches(key: Buffer, stored: string): boolean {
  const mine = Buffer.from(keyCheck(key));
  const theirs = Buffer.from(stored);
  return mine.length === theirs.length && timingSafeEqual(mine, theirs);
}
