// Ballot content is encrypted at cast time, so while voting is open the database alone (its files, its
// WAL, its dead tuples, every join an auditor can make) links a voter to nothing but ciphertext.
// AES-256-GCM with a fresh random nonce per cast; the election and contest ids are bound in as
// associated data, so a ciphertext cannot be moved to another contest. The plaintext is padded to a
// fixed block so the ciphertext's length does not tell a blank ballot from a full ranking.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
// Holds a ranking of about 20 candidates; longer ballots grow in whole blocks, so their length says at
// most "a long ranking". Each block costs the cast path bytes in every page and WAL frame it writes.
const BLOCK = 128;
/** Ballots of elections that were voting when encryption arrived were migrated as they stood. */
const LEGACY = 'plain:';

export interface BallotPlaintext {
  weight: number;
  content: string;
}

function associated(electionId: string, contestId: string): Buffer {
  return Buffer.from(`teller-ballot ${VERSION}:${electionId}:${contestId}`);
}

function padded(text: string): Buffer {
  const raw = Buffer.from(text, 'utf8');
  const size = Math.max(BLOCK, Math.ceil(raw.length / BLOCK) * BLOCK);
  // JSON ignores trailing spaces, so padding needs no length prefix
  return Buffer.concat([raw, Buffer.alloc(size - raw.length, 0x20)]);
}

export function sealBallot(
  key: Buffer,
  electionId: string,
  contestId: string,
  ballot: BallotPlaintext,
): string {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(associated(electionId, contestId));
  const body = Buffer.concat([
    cipher.update(padded(JSON.stringify({ w: ballot.weight, c: ballot.content }))),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${VERSION}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

/** Throws when the ciphertext was altered, moved from another contest, or sealed under another key. */
export function openBallot(
  key: Buffer,
  electionId: string,
  contestId: string,
  sealed: string,
): BallotPlaintext {
  if (sealed.startsWith(LEGACY)) {
    const rest = sealed.slice(LEGACY.length);
    const colon = rest.indexOf(':');
    return { weight: Number(rest.slice(0, colon)), content: rest.slice(colon + 1) };
  }
  const [version, nonce, body] = sealed.split('.');
  if (version !== VERSION || !nonce || !body) throw new Error('unknown sealed-ballot format');
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(associated(electionId, contestId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = Buffer.concat([
    decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
    decipher.final(),
  ]);
  const parsed = JSON.parse(plain.toString('utf8')) as { w: number; c: string };
  return { weight: parsed.w, content: parsed.c };
}
