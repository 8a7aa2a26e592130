// The storage the core needs, as one transaction over every module's repository ports (each module
// owns its ports in <module>/<module>.ports.ts and adds them to Tx there). Storage (src/storage) implements them over Kysely on
// SQLite and PostgreSQL; core tests use the in-memory implementation in test/fakes/memory-store.ts.
// Every command runs inside one `transaction`: if the handler throws or returns a failure, nothing it
// wrote is kept (ARCHITECTURE §4).

/**
 * One transaction's repositories. Each module adds its own from its <module>.ports.ts (TypeScript
 * declaration merging), so the kit every module builds on names no module: the ports point down at the
 * kit, never the kit up at the modules.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by each module's ports file
export interface Tx {}

export interface Store {
  /** Run fn in one database transaction; commit when it resolves, roll back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Physically purge what a seal deleted, outside any transaction. SQLite: a WAL checkpoint (TRUNCATE),
   * so no old page image of a ciphertext, link or salt survives in the -wal file (secure_delete already
   * zeroed freed cells in the main file). PostgreSQL: VACUUM FULL rewrites every table that held them
   * into fresh files (plain VACUUM leaves dead tuples, with their xmin, on the page), then CHECKPOINT.
   * Throws when the purge could not complete (e.g. another connection holds an old SQLite snapshot).
   */
  purge(): Promise<void>;
}
