// Shared by the forensic tests (issue 8): a Teller core on real storage, an election with known ballots,
// and the tools an auditor holding the database would use. Each attack lives in its own file here; the
// README's "The secret ballot, and its limits" section cites them.
import { sql } from 'kysely';
import { ballotLink, contentKey, electionKey, receiptLink } from '../../../src/core/ballots/ballot.keys.js';
import { type BallotPlaintext, openBallot } from '../../../src/core/ballots/ballot.crypto.js';
import { createCore, type DispatchResult, type TellerCore } from '../../../src/core/index.js';
import type { Database } from '../../../src/storage/connect.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../../src/storage/index.js';

export const SECRET = 'forensic-test-server-secret-0123';
export const PG_URL = process.env.TEST_DATABASE_URL;
export const ORGANISER = 'olga';

export class TestClock {
  time = new Date();
  now = () => new Date(this.time);
  advance(ms: number): void {
    this.time = new Date(this.time.getTime() + ms);
  }
}

export interface Teller {
  core: TellerCore;
  /** what the core told the operator (logger.error) */
  errors: string[];
  run(member: string, text: string, opts?: { idempotencyKey?: string }): Promise<DispatchResult>;
  /** run, expect ok, return the reply text */
  ok(member: string, text: string, opts?: { idempotencyKey?: string }): Promise<string>;
}

/** One Teller process: its own core (and so its own caches) on a database, with its own server secret. */
export function tellerOn(database: Database, opts: { secret?: string; clock?: TestClock } = {}): Teller {
  const errors: string[] = [];
  const core = createCore({
    store: createStore(database),
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock: opts.clock ?? { now: () => new Date() },
    serverSecret: opts.secret ?? SECRET,
    logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
  });
  const run: Teller['run'] = (member, text, o = {}) =>
    core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: member, displayName: member },
      channelId: 'general',
      command: '',
      args: { text },
      ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}),
    });
  return {
    core,
    errors,
    run,
    async ok(member, text, o) {
      const r = await run(member, text, o);
      if (r.kind !== 'ok') throw new Error(`${member}: ${text} -> ${r.kind} ${r.reply.body.text}`);
      return [r.reply.body.text, ...(r.reply.body.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join(
        '\n',
      );
    },
  };
}

/** Member ids long enough that no random ciphertext, code or id contains one by chance. */
export const voterIds = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `voter-${String(i).padStart(3, '0')}`);

const PERMUTATIONS = ((): string[] => {
  const out: string[] = [];
  const go = (rest: number[], acc: number[]) => {
    if (rest.length === 0) out.push(acc.join('>'));
    for (const n of rest)
      go(
        rest.filter((x) => x !== n),
        [...acc, n],
      );
  };
  go([1, 2, 3, 4], []);
  return out;
})();

/** The i-th voter's ballot: a full ranking of the four candidates (24 of them, so contents repeat). */
export const ranking = (i: number): string => PERMUTATIONS[i % PERMUTATIONS.length]!;
/** A plaintext ballot anywhere in bytes: no ciphertext (base64url), id, code or text holds '>' between digits. */
export const PLAINTEXT = /[1-4]>[1-4]>[1-4]>[1-4]/;
/** A cast ballot's ciphertext as stored (ballot.crypto.ts): version, 12-byte nonce, padded body and tag. */
export const SEALED = /v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{150,}/;

/** Every match of a pattern in a text. */
export const matchesOf = (re: RegExp, text: string): string[] =>
  [...text.matchAll(new RegExp(re.source, 'g'))].map((m) => m[0]);

/**
 * Election 1 with one instant-runoff contest of four candidates, voting open. The first four voters
 * stand (each seconded by the next four), so every voter is on the roll and on the ballot's numbering.
 */
export async function openElection(t: Teller, voters: readonly string[]): Promise<void> {
  await t.ok(ORGANISER, 'create "Forensic"');
  await t.ok(ORGANISER, 'contest add 1 Chair 1 irv');
  for (let i = 0; i < voters.length; i += 50)
    await t.ok(
      ORGANISER,
      `roll add 1 ${voters
        .slice(i, i + 50)
        .map((v) => `@${v}`)
        .join(' ')}`,
    );
  await t.ok(ORGANISER, 'nominations open 1');
  for (let n = 1; n <= 4; n++) {
    await t.ok(voters[n - 1]!, 'nominate 1 Chair');
    await t.ok(voters[n + 3]!, `second 1 ${n}`);
  }
  await t.ok(ORGANISER, 'nominations close 1');
  for (let n = 1; n <= 4; n++) await t.ok(ORGANISER, `review approve 1 ${n}`);
  await t.ok(ORGANISER, 'candidates publish 1');
  await t.ok(ORGANISER, 'voting open 1');
}

export interface Cast {
  /** each voter's last ballot, the one that must be counted */
  final: Map<string, string>;
  /** each voter's receipt code */
  receipts: Map<string, string>;
  /** ballots cast in all, re-votes included */
  casts: number;
}

/**
 * Every voter casts ranking(i), one command at a time; every `revoteEvery`-th voter then changes their
 * mind. Every third cast carries a platform retry key, so stored replies (with receipt codes) exist.
 */
export async function castAll(t: Teller, voters: readonly string[], revoteEvery = 5): Promise<Cast> {
  const final = new Map<string, string>();
  const receipts = new Map<string, string>();
  let casts = 0;
  const one = async (v: string, ballot: string) => {
    const key = casts % 3 === 0 ? { idempotencyKey: `retry-${casts}` } : {};
    const r = await t.run(v, `cast 1 1 ${ballot}`, key);
    if (r.kind !== 'ok') throw new Error(`${v}: cast -> ${r.kind} ${r.reply.body.text}`);
    casts++;
    final.set(v, ballot);
    const code = r.reply.body.fields?.[0]?.value;
    if (!code) throw new Error(`no receipt in: ${r.reply.body.text}`);
    if (receipts.has(v) && receipts.get(v) !== code) throw new Error(`${v} got a second receipt`);
    receipts.set(v, code);
  };
  for (const [i, v] of voters.entries()) await one(v, ranking(i));
  for (const [i, v] of voters.entries()) if (i % revoteEvery === 0) await one(v, ranking(i + 7));
  return { final, receipts, casts };
}

export async function electionIds(database: Database): Promise<{ electionId: string; contestId: string }> {
  const e = await database.db.selectFrom('elections').select('id').executeTakeFirstOrThrow();
  const c = await database.db
    .selectFrom('contests')
    .select('id')
    .where('election_id', '=', e.id)
    .executeTakeFirstOrThrow();
  return { electionId: e.id, contestId: c.id };
}

export async function saltOf(
  database: Database,
  electionId: string,
): Promise<{ salt: string; keyCheck: string }> {
  const row = await database.db
    .selectFrom('election_secrets')
    .select(['salt', 'key_check'])
    .where('election_id', '=', electionId)
    .executeTakeFirstOrThrow();
  return { salt: row.salt, keyCheck: row.key_check ?? '' };
}

/** Everything that must vanish at close, as the core computes it: every link, the salt, the key check. */
export function secretsOf(
  secret: string,
  salt: string,
  contestId: string,
  voters: readonly string[],
): { links: string[]; content: Buffer } {
  const key = electionKey(secret, salt);
  return {
    links: voters.flatMap((v) => [ballotLink(key, contestId, v), receiptLink(key, v)]),
    content: contentKey(key),
  };
}

/**
 * What the database alone offers an attacker for opening a ciphertext: the salt is in it, the server
 * secret is not. These are the keys one can make without it (no secret, the salt as the secret, a guess).
 */
export function keysWithoutTheSecret(salt: string): Buffer[] {
  return ['', salt, 'teller', 'secret', SECRET.slice(0, -1)].map((s) => contentKey(electionKey(s, salt)));
}

/** Open a ciphertext, or undefined when the key does not open it. */
export function tryOpen(
  key: Buffer,
  electionId: string,
  contestId: string,
  sealed: string,
): BallotPlaintext | undefined {
  try {
    return openBallot(key, electionId, contestId, sealed);
  } catch {
    return undefined;
  }
}

/** Every occurrence of each needle in a haystack (bytes read as latin1, so offsets are byte offsets). */
export function occurrences(haystack: string, needles: readonly string[]): number {
  let n = 0;
  for (const needle of needles)
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

// --- PostgreSQL ---

/** pageinspect in `public`, so that dropping a test's schema never drops it under another test file. */
export async function withPageinspect(database: Database): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await sql`create extension if not exists pageinspect schema public`.execute(database.db);
      return;
    } catch (error) {
      // two files creating it at once: one wins, the other sees a duplicate and tries again
      if (attempt > 3) throw error;
    }
  }
}

export interface Relation {
  oid: number;
  name: string;
  /** r table, i index, t TOAST, m materialised view, S sequence */
  kind: string;
  pages: number;
}

/**
 * Every relation with storage an auditor can read in this test's schema (tables, their indexes, their
 * TOAST tables and TOAST indexes) and in pg_catalog (pg_statistic and its TOAST among them).
 */
export async function relationsToScan(database: Database): Promise<Relation[]> {
  const rows = await sql<{ oid: number; name: string; kind: string; pages: string }>`
    with ours as (
      select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in (current_schema(), 'pg_catalog') and c.relkind in ('r', 'i', 'm', 'S')
    ), toast as (
      select c.reltoastrelid as oid from pg_class c where c.oid in (select oid from ours) and c.reltoastrelid <> 0
    ), toast_index as (
      select i.indexrelid as oid from pg_index i where i.indrelid in (select oid from toast)
    ), every as (select oid from ours union select oid from toast union select oid from toast_index)
    select c.oid::int as oid, c.oid::regclass::text as name, c.relkind::text as kind,
           (pg_relation_size(c.oid) / current_setting('block_size')::int)::text as pages
    from pg_class c where c.oid in (select oid from every) and c.relpersistence <> 't'`.execute(database.db);
  return rows.rows.map((r) => ({ oid: r.oid, name: r.name, kind: r.kind, pages: Number(r.pages) }));
}

/** The raw bytes of every page of a relation's main fork, read past the buffer manager's view of rows. */
export async function rawPages(database: Database, rel: Relation): Promise<Buffer[]> {
  if (rel.pages === 0) return [];
  const rows = await sql<{
    page: Buffer;
  }>`select public.get_raw_page(${rel.name}::text, 'main', g::int) as page from generate_series(0, ${rel.pages - 1}) g`.execute(
    database.db,
  );
  return rows.rows.map((r) => r.page);
}

export interface HeapTuple {
  page: number;
  /** 1 normal, 2 redirect, 3 dead; 0 unused */
  lpFlags: number;
  xmin: string;
  xmax: string;
  infomask: number;
  data: Buffer | null;
}

const HEAP_XMAX_LOCK_ONLY = 0x0080;
const HEAP_XMAX_INVALID = 0x0800;

/** A tuple no current snapshot sees: a dead line pointer, or deleted/updated by a transaction (not just locked). */
export function isDead(h: HeapTuple): boolean {
  if (h.lpFlags === 3) return true;
  if (h.lpFlags !== 1) return false;
  return h.xmax !== '0' && (h.infomask & (HEAP_XMAX_LOCK_ONLY | HEAP_XMAX_INVALID)) === 0;
}

/** Every line pointer on every heap page of a table, live or dead, with the transaction that wrote it. */
export async function heapTuples(
  database: Database,
  rel: Pick<Relation, 'name' | 'pages'>,
): Promise<HeapTuple[]> {
  if (rel.pages === 0) return [];
  const rows = await sql<{
    page: number;
    lp_flags: number;
    t_xmin: string | null;
    t_xmax: string | null;
    t_infomask: number | null;
    t_data: Buffer | null;
  }>`
    select g as page, h.lp_flags, h.t_xmin::text as t_xmin, h.t_xmax::text as t_xmax, h.t_infomask, h.t_data
    from generate_series(0, ${rel.pages - 1}) g, lateral public.heap_page_items(public.get_raw_page(${rel.name}::text, 'main', g::int)) h`.execute(
    database.db,
  );
  return rows.rows.map((r) => ({
    page: r.page,
    lpFlags: r.lp_flags,
    xmin: r.t_xmin ?? '',
    xmax: r.t_xmax ?? '',
    infomask: r.t_infomask ?? 0,
    data: r.t_data,
  }));
}

export async function pagesOf(database: Database, table: string): Promise<number> {
  const r = await sql<{
    pages: string;
  }>`select (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::text as pages`.execute(
    database.db,
  );
  return Number(r.rows[0]?.pages ?? 0);
}

/** The transaction id that wrote each audit entry: the attacker's join key. */
export async function auditXmins(
  database: Database,
): Promise<{ xmin: string; actor: string; event: string }[]> {
  return (
    await sql<{
      xmin: string;
      actor: string;
      event: string;
    }>`select xmin::text as xmin, actor, event from audit_entries`.execute(database.db)
  ).rows;
}

/**
 * Where the secrets are, by kind, in bytes: every run of base64 / base64url / receipt-code characters
 * long enough to hold one is checked against every needle. One pass over the bytes, however many needles.
 */
export function findSecrets(bytes: string, needles: ReadonlyMap<string, string>): Map<string, number> {
  const found = new Map<string, number>();
  const shortest = Math.min(...[...needles.keys()].map((n) => n.length));
  for (const m of bytes.matchAll(new RegExp(`[A-Za-z0-9+/=_-]{${shortest},}`, 'g'))) {
    const run = m[0];
    for (const [needle, kind] of needles)
      if (run.includes(needle)) found.set(kind, (found.get(kind) ?? 0) + 1);
  }
  return found;
}
