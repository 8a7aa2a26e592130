// Queries built once with Kysely and compiled once per dialect, then run with fresh parameters: the
// cast path runs ~10 small queries per vote and must reach 10,000 casts/second on SQLite, where
// building and compiling a Kysely query costs several times more than SQLite running it.
//
// A query is written with named placeholders, p('electionId'), that compile to bound parameters; at
// run time each placeholder is replaced by the value of that name. On SQLite inside Store.transaction
// the compiled SQL goes straight to a cached better-sqlite3 statement; otherwise through Kysely's
// executor, so it joins the current transaction on either database.
import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Dialect } from './connect.js';
import type { Schema } from './schema.js';
import type { NativeSqlite } from './sqlite-statements.js';

const MARK = '\u0000teller-param:';

/** A named placeholder for a value given at run time. */
// biome-ignore lint/suspicious/noExplicitAny: a placeholder stands for a value of whatever column it fills
export type Param = (name: string) => any;
const param: Param = (name) => `${MARK}${name}`;

type Slot = { name: string } | { value: unknown };

interface Compiled {
  sql: string;
  slots: Slot[];
}

/** Builds the query; `dialect` is there for the few clauses that differ (collations, row locks). */
export type Build<R> = (db: Kysely<Schema>, p: Param, dialect: Dialect) => Compilable<R>;

export interface Prepared<R> {
  build: Build<R>;
  compiled: Partial<Record<Dialect, Compiled>>;
}

export function prepare<R>(build: Build<R>): Prepared<R> {
  return { build, compiled: {} };
}

/** Placeholders for every column of a row, so `values(row(p, cols))` inserts a row object by name. */
// biome-ignore lint/suspicious/noExplicitAny: each placeholder takes its column's type at the insert that uses it
export function rowParams<K extends string>(p: Param, columns: readonly K[]): Record<K, any> {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return Object.fromEntries(columns.map((c) => [c, p(c)])) as Record<K, any>;
}

/** Where prepared queries run: the transaction's Kysely handle, and on SQLite the raw connection. */
export interface QueryTarget {
  db: Kysely<Schema>;
  dialect: Dialect;
  native?: NativeSqlite | undefined;
}

function compile(target: QueryTarget, query: Prepared<unknown>): Compiled {
  let c = query.compiled[target.dialect];
  if (c === undefined) {
    const { sql, parameters } = query.build(target.db, param, target.dialect).compile();
    const slots = parameters.map(
      (v): Slot =>
        typeof v === 'string' && v.startsWith(MARK) ? { name: v.slice(MARK.length) } : { value: v },
    );
    c = { sql, slots };
    query.compiled[target.dialect] = c;
  }
  return c;
}

function bind(c: Compiled, params: Record<string, unknown>): unknown[] {
  return c.slots.map((s) => {
    if ('value' in s) return s.value;
    const v = params[s.name];
    if (v === undefined) throw new Error(`missing query parameter "${s.name}"`);
    return v;
  });
}

// On SQLite the fast path is synchronous; returning a settled promise rather than going through an
// async function saves a few microtask hops per query. Errors (a missing parameter, a constraint) always
// come back as a rejection, never as a synchronous throw.
export function all<R>(
  target: QueryTarget,
  query: Prepared<R>,
  params: Record<string, unknown>,
): Promise<R[]> {
  return execute(target, query, params, 'all') as Promise<R[]>;
}

export function first<R>(
  target: QueryTarget,
  query: Prepared<R>,
  params: Record<string, unknown>,
): Promise<R | undefined> {
  return execute(target, query, params, 'first') as Promise<R | undefined>;
}

/** Run a statement that returns no rows; the number of rows it inserted, changed or deleted. */
export function run(
  target: QueryTarget,
  query: Prepared<unknown>,
  params: Record<string, unknown>,
): Promise<number> {
  return execute(target, query, params, 'run') as Promise<number>;
}

function execute(
  target: QueryTarget,
  query: Prepared<unknown>,
  params: Record<string, unknown>,
  mode: 'all' | 'first' | 'run',
): Promise<unknown> {
  try {
    const c = compile(target, query);
    const values = bind(c, params);
    const native = target.native;
    if (native !== undefined) {
      if (mode === 'all') return Promise.resolve(native.all(c.sql, values));
      if (mode === 'first') return Promise.resolve(native.get(c.sql, values));
      return Promise.resolve(native.run(c.sql, values));
    }
    return target.db.executeQuery(CompiledQuery.raw(c.sql, values)).then((r) => {
      if (mode === 'all') return r.rows;
      if (mode === 'first') return r.rows[0];
      return Number(r.numAffectedRows ?? 0);
    });
  } catch (error) {
    return Promise.reject(error);
  }
}
