// Planned reminders at scale (issue 11): 10,000 voters who have not voted, reminded by 'voting.reminder'
// jobs that all fall due at one instant, run by the job runner through the command path, on SQLite (one
// process) and on PostgreSQL (two Teller processes running the job loop at once). Two shapes: 100
// elections of 100 voters (100 jobs), and one election of 10,000 (one job). The figure is the time from
// the due instant to the last reminder committed to the outbox; the baseline, measured in the same run
// on the same database, is the same number of outbox rows enqueued through the Store in one transaction.
// Every run counts the reminders per (election, voter): 0 duplicated and 0 lost is the requirement.
//   npm run bench reminders            (PostgreSQL too when BENCH_DATABASE_URL or TEST_DATABASE_URL is set)
//   BENCH_RUNS=5 npm run bench reminders
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore } from '../src/core/index.js';
import type { Store, Tx } from '../src/core/kit/store.js';
import { memberToRow, rollToRow } from '../src/storage/mappers.js';
import {
  connect,
  createDeliveryQueue,
  createPlatformState,
  createStore,
  type Database,
  migrateToLatest,
} from '../src/storage/index.js';
import { openTestDatabase } from '../test/storage/databases.js';
import { startTeller } from '../test/integration/jobs/timeline-fixtures.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const SECRET = 'forensic-test-server-secret-0123'; // the one timeline-fixtures' processes use
interface Shape {
  elections: number;
  voters: number;
}
/** `REMINDER_SHAPES=100x100,1x10000` (the default) sets the elections × voters to run */
const SHAPES: Shape[] = (process.env.REMINDER_SHAPES ?? '100x100,1x10000').split(',').map((s) => {
  const [elections, voters] = s.split('x').map(Number);
  return { elections: elections!, voters: voters! };
});

const HOUR = 3_600_000;
const rid = () => randomBytes(12).toString('hex');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Seeded {
  orgId: string;
  electionIds: string[];
}

/**
 * An organisation whose `shape.elections` elections are all in voting, none of whose voters has voted,
 * each with its close an hour after `dueAt` and its 1 h reminder job due at `dueAt`. Every voter has a
 * members row (they were named in `roll add`, or used Teller), as in a real organisation.
 */
async function seed(database: Database, store: Store, shape: Shape, dueAt: Date): Promise<Seeded> {
  const orgId = rid();
  const t0 = new Date(dueAt.getTime() - 2 * HOUR).toISOString();
  const closeAt = new Date(dueAt.getTime() + HOUR).toISOString();
  const electionIds = Array.from({ length: shape.elections }, rid);
  await store.transaction(async (tx) => {
    await tx.orgs.insert({
      id: orgId,
      platform: 'console',
      platformOrgId: 'bench',
      name: 'Bench',
      defaultLocale: 'en',
      createdAt: t0,
    });
    for (const [i, id] of electionIds.entries()) {
      await tx.elections.insert({
        id,
        orgId,
        number: i + 1,
        title: `Committee ${i + 1}`,
        channelId: 'general',
        phase: 'voting',
        createdBy: 'olga',
        settings: { seconders: 0, selfNomination: true, objectionDays: 3 },
        cancelReason: null,
        phaseSince: t0,
        createdAt: t0,
      });
      await tx.contests.insert({
        id: rid(),
        electionId: id,
        number: 1,
        name: 'Chair',
        seats: 1,
        method: 'plurality',
        options: {},
      });
      await tx.roles.add({ electionId: id, memberId: 'olga', role: 'organiser' });
      await tx.timetable.put({ electionId: id, step: 'voting-close', at: closeAt, setBy: 'olga', setAt: t0 });
      await tx.jobs.schedule({
        id: rid(),
        kind: 'voting.reminder',
        electionId: id,
        dedupeKey: `remind:${id}:1:${closeAt}`,
        payload: { hours: 1, skipAfter: closeAt },
        status: 'pending',
        runAt: dueAt.toISOString(),
        attempts: 0,
        leaseUntil: null,
        lastError: null,
        createdAt: t0,
        doneAt: null,
      });
    }
  });
  // the roll and the members in bulk: 10,000 one-row statements would time the seeding, not Teller
  const voterOf = (e: number, v: number) => `e${e}-v${v}`;
  const members = Array.from({ length: shape.elections * shape.voters }, (_, i) =>
    memberToRow({
      orgId,
      memberId: voterOf(Math.floor(i / shape.voters), i % shape.voters),
      displayName: `Voter ${i}`,
      locale: 'en',
      timeZone: null,
      updatedAt: t0,
    }),
  );
  const roll = members.map((m, i) =>
    rollToRow({
      electionId: electionIds[Math.floor(i / shape.voters)]!,
      memberId: m.member_id,
      weight: 1,
      status: 'eligible',
      reason: null,
      addedBy: 'olga',
      addedAt: t0,
    }),
  );
  for (let i = 0; i < members.length; i += 500) {
    await database.db
      .insertInto('members')
      .values(members.slice(i, i + 500))
      .execute();
    await database.db
      .insertInto('roll_entries')
      .values(roll.slice(i, i + 500))
      .execute();
  }
  return { orgId, electionIds };
}

/**
 * Reminder rows per (election, voter): rows beyond the first for a pair (duplicated), pairs with none
 * (lost), and rows for a pair not on any roll (stray).
 */
async function check(
  database: Database,
  shape: Shape,
  seeded: Seeded,
): Promise<{ duplicated: number; lost: number; stray: number }> {
  const rows = await database.db
    .selectFrom('outbox')
    .select(['election_id', 'destination'])
    .where('purpose', '=', 'reminder')
    .execute();
  const per = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.election_id} ${(JSON.parse(r.destination) as { memberId: string }).memberId}`;
    per.set(key, (per.get(key) ?? 0) + 1);
  }
  const expected = new Set<string>();
  for (const [e, id] of seeded.electionIds.entries())
    for (let v = 0; v < shape.voters; v++) expected.add(`${id} e${e}-v${v}`);
  let duplicated = 0;
  let stray = 0;
  for (const [key, n] of per) {
    if (!expected.has(key)) stray += n;
    else duplicated += n - 1;
  }
  const lost = [...expected].filter((k) => !per.has(k)).length;
  return { duplicated, lost, stray };
}

/** The baseline: the same number of outbox rows, enqueued through the Store in one transaction. */
async function baseline(store: Store, orgId: string, n: number): Promise<number> {
  const at = new Date().toISOString();
  const t0 = performance.now();
  await store.transaction(async (tx) => {
    for (let i = 0; i < n; i++)
      await tx.outbox.enqueue({
        id: rid(),
        orgId,
        platform: 'console',
        platformOrgId: 'bench',
        destination: { kind: 'dm', memberId: `base-${i}` },
        body: {
          text: 'You have not voted yet in "Committee". Press Vote to get your private ballot.',
          tone: 'info',
        },
        dedupeKey: `baseline:${i}`,
        purpose: 'baseline',
        status: 'pending',
        attempts: 0,
        notBefore: at,
        createdAt: at,
      });
  });
  return performance.now() - t0;
}

/** Counts every repository call a store's transactions make, by port and method. */
function counting(inner: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrap = (tx: Tx): Tx =>
    new Proxy(tx, {
      get(target, port: string) {
        const repo = (target as unknown as Record<string, Record<string, unknown>>)[port];
        return new Proxy(repo, {
          get(r, method: string) {
            const f = r[method];
            if (typeof f !== 'function') return f;
            return (...args: unknown[]) => {
              calls.set(`${port}.${method}`, (calls.get(`${port}.${method}`) ?? 0) + 1);
              return (f as (...a: unknown[]) => unknown).apply(r, args);
            };
          },
        });
      },
    });
  return {
    calls,
    store: { transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))), purge: () => inner.purge() },
  };
}

interface Figures {
  ms: number;
  baselineMs: number;
  duplicated: number;
  lost: number;
  stray: number;
  ran?: number[];
}

async function sqliteRun(dir: string, shape: Shape, calls?: Map<string, number>): Promise<Figures> {
  const database = await connect(join(dir, `reminders-${rid()}.db`));
  try {
    await migrateToLatest(database);
    const plain = createStore(database);
    const counted = calls ? counting(plain) : undefined;
    const store = counted?.store ?? plain;
    const dueAt = new Date();
    const seeded = await seed(database, plain, shape, dueAt);
    const core = createCore({
      store,
      delivery: createDeliveryQueue(database),
      platformState: createPlatformState(database),
      clock: { now: () => new Date() },
      serverSecret: SECRET,
      logger: { info: () => undefined, error: (m, meta) => console.error(m, meta) },
    });
    // the due instant is now: what the job loop's tick would find
    const t0 = performance.now();
    const ran = await core.runJobs();
    const ms = performance.now() - t0;
    if (ran !== shape.elections) throw new Error(`ran ${ran} jobs, expected ${shape.elections}`);
    if (counted) for (const [k, v] of counted.calls) calls!.set(k, v);
    const counts = await check(database, shape, seeded);
    const baselineMs = await baseline(plain, seeded.orgId, shape.elections * shape.voters);
    return { ms, baselineMs, ...counts };
  } finally {
    await database.close();
  }
}

async function postgresRun(url: string, shape: Shape): Promise<Figures> {
  const opened = await openTestDatabase({ name: 'postgres', label: 'postgres', url });
  const { database } = opened;
  const processes = await Promise.all([
    startTeller({ url, schema: database.schema! }),
    startTeller({ url, schema: database.schema! }),
  ]);
  try {
    const store = createStore(database);
    // due a moment from now, when both processes (started and connected) begin their tick
    const dueAt = new Date(Date.now() + 1_500);
    const seeded = await seed(database, store, shape, dueAt);
    const wait = dueAt.getTime() - Date.now();
    if (wait < 200) throw new Error(`seeding took too long to start both processes at the due instant`);
    const reports = await Promise.all(processes.map((p) => p.run(dueAt.getTime())));
    const errors = reports.flatMap((r) => r.errors);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    const ran = reports.map((r) => r.ran);
    if (ran[0]! + ran[1]! !== shape.elections)
      throw new Error(`ran ${ran.join('+')} jobs, expected ${shape.elections}`);
    const counts = await check(database, shape, seeded);
    const baselineMs = await baseline(store, seeded.orgId, shape.elections * shape.voters);
    return { ms: Math.max(...reports.map((r) => r.ms)), baselineMs, ...counts, ran };
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await opened.dispose();
  }
}

function report(label: string, shape: Shape, runs: Figures[]): void {
  const n = shape.elections * shape.voters;
  const ms = median(runs.map((r) => r.ms));
  const base = median(runs.map((r) => r.baselineMs));
  const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  const dup = runs.reduce((s, r) => s + r.duplicated, 0);
  const lost = runs.reduce((s, r) => s + r.lost, 0);
  const stray = runs.reduce((s, r) => s + r.stray, 0);
  console.log(
    `${label}, ${shape.elections} × ${shape.voters}: due → last of ${n} reminders committed: median ${ms.toFixed(0)} ms ` +
      `(${((n / ms) * 1000).toFixed(0)}/s) [${list(runs.map((r) => r.ms))}]; baseline ${n} outbox rows in one ` +
      `transaction: median ${base.toFixed(0)} ms [${list(runs.map((r) => r.baselineMs))}]; ratio ${(ms / base).toFixed(1)}×; ` +
      `duplicated ${dup}, lost ${lost}, stray ${stray} over ${runs.length} runs` +
      (runs[0]?.ran ? `; jobs per process ${runs.map((r) => r.ran!.join('+')).join(', ')}` : ''),
  );
  if (dup !== 0 || lost !== 0 || stray !== 0) process.exitCode = 1;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'teller-bench-reminders-'));
  try {
    for (const shape of SHAPES) {
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await sqliteRun(dir, shape));
      report('SQLite file, one process', shape, runs);
    }
    // where the time goes: repository calls per reminder, from one counted run of the first shape
    const calls = new Map<string, number>();
    await sqliteRun(dir, SHAPES[0]!, calls);
    const n = SHAPES[0]!.elections * SHAPES[0]!.voters;
    console.log(
      `repository calls per reminder (${SHAPES[0]!.elections} × ${SHAPES[0]!.voters}, SQLite): ` +
        [...calls.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${(v / n).toFixed(2)}`)
          .join(', '),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!PG_URL) {
    console.log('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  for (const shape of SHAPES) {
    const runs: Figures[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await postgresRun(PG_URL, shape));
    report('PostgreSQL, two processes', shape, runs);
  }
}
