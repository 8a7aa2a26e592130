import { createHmac } from 'node:crypto';

// The revote link: HMAC of the member under a per-election key derived from the server secret (kept
// outside the database) and a per-election salt (in the database, deleted at close). Without the salt
// nobody can recompute a link; without the server secret, the database alone cannot either.

export function electionKey(serverSecret: string, salt: string): Buffer {
  return createHmac('sha256', serverSecret).update(`teller-election-key:${salt}`).digest();
}

export function ballotLink(key: Buffer, contestId: string, memberId: string): string {
  return createHmac('sha256', key).update(`ballot:${contestId}:${memberId}`).digest('base64url');
}

export function receiptLink(key: Buffer, memberId: string): string {
  return createHmac('sha256', key).update(`receipt:${memberId}`).digest('base64url');
}
