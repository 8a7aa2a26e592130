import { type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../connect.js';
import type { QueryTarget } from '../prepared.js';

/** What every repository works on: the transaction's handle, its dialect, and on SQLite the raw connection. */
export type RepoContext = QueryTarget;

/**
 * Order text by its bytes on both databases. SQLite compares text with BINARY already; a PostgreSQL
 * database may use a linguistic collation (en_US sorts 'a' before 'B'), which would make "sorted by
 * member id" differ between the two.
 */
export function byBytes(dialect: Dialect, column: string): RawBuilder<unknown> {
  return dialect === 'postgres' ? sql`${sql.ref(column)} collate "C"` : sql`${sql.ref(column)}`;
}

/** Counts come back as bigint strings from PostgreSQL and numbers from SQLite. */
export function toCount(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}
