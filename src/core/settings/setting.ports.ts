// Implemented by src/storage over Kysely; core tests use test/fakes/memory-store.ts.

/** Small server-wide facts, such as the fingerprint of the server secret this database was set up with. */
export interface SettingRepo {
  get(key: string): Promise<string | undefined>;
  /** insert unless present; returns the value now stored */
  putIfAbsent(key: string, value: string): Promise<string>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    settings: SettingRepo;
  }
}
