// Several Teller processes may share one PostgreSQL database; they must share one server secret too,
// or one process's casts could neither be decrypted nor recognised as re-votes by another. The database
// keeps a fingerprint of the secret it was first used with (an HMAC of a fixed label: it reveals nothing
// of the secret), and a process with another secret refuses to start before it serves anything.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Store } from './core/index.js';
import { StartupError } from './startup-error.js';

const KEY = 'server_secret_fingerprint';

export function secretFingerprint(secret: string): string {
  return createHmac('sha256', secret).update('teller-server-fingerprint v1').digest('base64url');
}

export async function checkSecretFingerprint(store: Store, secret: string): Promise<void> {
  const mine = secretFingerprint(secret);
  const stored = await store.transaction((tx) => tx.settings.putIfAbsent(KEY, mine));
  const a = Buffer.from(stored);
  const b = Buffer.from(mine);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new StartupError(
      'The server secret (TELLER_SECRET, or teller.key in TELLER_DATA_DIR) is not the one this database was set up with. ' +
        'Every Teller process sharing a database needs the same secret; with another one, ballots could not be sealed or re-votes recognised. ' +
        'Set TELLER_SECRET to the secret the other processes use.',
    );
  }
}
