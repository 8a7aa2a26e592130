import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Random ids: never derived from time or sequence, so their order says nothing about when rows were made. */
export function randomId(): string {
  // randomUUID draws from a cached entropy pool: 122 random bits without a syscall per id
  return randomUUID().replace(/-/g, '');
}

// Crockford's base32 without I, L, O, U: easy to read out and type back.
const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt code such as "K7QX-93MD-2HAB": 60 random bits, unrelated to the ballot's content or id. */
export function receiptCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

export function normaliseReceipt(code: string): string {
  const s = code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return s.length === 12 ? `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}` : s;
}

export function randomSalt(): string {
  return randomBytes(32).toString('base64');
}

/** A short reference for an internal error, shown to the member and written in the log. */
export function errorRef(): string {
  return randomBytes(3).toString('hex');
}
