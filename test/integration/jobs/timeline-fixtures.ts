// Shared by the job-runner integration tests (issue 11): elections brought to the point where their
// planned steps can run, Teller processes in child processes, and the counts that show each job ran once.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../../../src/storage/connect.js';
import { ORGANISER, SECRET, type Teller, type TestClock } from '../forensics/forensics.js';

export { ORGANISER, SECRET };

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

export const voterIds = (k: number, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `e${k}-voter-${i}`);

/**
 * Election `k` with one plurality contest, `voters` on the roll and one approved candidate (the first
 * voter, seconded by the second), candidates published: the next move is voting-open.
 */
export async function publishedElection(
  t: Teller,
  clock: TestClock,
  k: number,
  voters: readonly string[],
): Promise<void> {
  // a second between moves: steps that happened at one instant would be out of order for a later plan
  const move = async (text: string) => {
    clock.advance(1_000);
    await t.ok(ORGANISER, text);
  };
  await t.ok(ORGANISER, `create "Committee ${k}"`);
  await t.ok(ORGANISER, `contest add ${k} Chair 1 plurality`);
  await t.ok(ORGANISER, `roll add ${k} ${voters.map((v) => `@${v}`).join(' ')}`);
  await move(`nominations open ${k}`);
  await t.ok(voters[0]!, `nominate ${k} Chair`);
  await t.ok(voters[1]!, `second ${k} 1`);
  await move(`nominations close ${k}`);
  await t.ok(ORGANISER, `review approve ${k} 1`);
  await move(`candidates publish ${k}`);
}

export interface ElectionRef {
  id: string;
  number: number;
}

export async function elections(database: Database): Promise<Map<number, ElectionRef>> {
  const rows = await database.db.selectFrom('elections').select(['id', 'number']).execute();
  return new Map(rows.map((r) => [Number(r.number), { id: r.id, number: Number(r.number) }]));
}

/** How often each audit event happened, per election. */
export async function auditCounts(database: Database): Promise<Map<string, Map<string, number>>> {
  const rows = await database.db.selectFrom('audit_entries').select(['election_id', 'event']).execute();
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.election_id) ?? new Map<string, number>();
    m.set(r.event, (m.get(r.event) ?? 0) + 1);
    out.set(r.election_id, m);
  }
  return out;
}

export interface Posted {
  electionId: string | null;
  purpose: string;
  dedupeKey: string;
  /** the DM's member, or null for a channel post */
  memberId: string | null;
  text: string;
  createdAt: string;
}

export async function outbox(database: Database): Promise<Posted[]> {
  const rows = await database.db
    .selectFrom('outbox')
    .select(['election_id', 'purpose', 'dedupe_key', 'destination', 'body', 'created_at'])
    .execute();
  return rows.map((r) => {
    const destination = JSON.parse(r.destination) as { kind: string; memberId?: string };
    return {
      electionId: r.election_id,
      purpose: r.purpose,
      dedupeKey: r.dedupe_key,
      memberId: destination.kind === 'dm' ? destination.memberId! : null,
      text: (JSON.parse(r.body) as { text: string }).text,
      createdAt: r.created_at,
    };
  });
}

export interface JobState {
  kind: string;
  electionId: string | null;
  status: string;
  runAt: string;
  attempts: number;
  payload: Record<string, unknown>;
}

export async function jobs(database: Database): Promise<JobState[]> {
  const rows = await database.db.selectFrom('jobs').selectAll().execute();
  return rows.map((r) => ({
    kind: r.kind,
    electionId: r.election_id,
    status: r.status,
    runAt: r.run_at,
    attempts: Number(r.attempts),
    payload: JSON.parse(r.payload) as Record<string, unknown>,
  }));
}

/** How many of `items` fall under each key. */
export function tally<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
}

// --- Teller processes ---

export interface RunReport {
  /** jobs this process ran */
  ran: number;
  /** what its core told the operator */
  errors: string[];
  /** from `go` to the end of its runJobs, on its own clock */
  ms: number;
}

/** A Teller process (job-loop.child.ts) on a database, started and connected, waiting for `go`. */
export interface TellerProcess {
  /** run due jobs once, starting at `at` (epoch ms; at once without it) */
  run(at?: number): Promise<RunReport>;
  stop(): Promise<void>;
}

/**
 * Start a real OS process running Teller's core on `url` (a PostgreSQL schema, or a SQLite file). `now`
 * fixes its clock (ISO instant); without it the process uses the real clock.
 */
export async function startTeller(opts: {
  url: string;
  schema?: string;
  now?: string;
}): Promise<TellerProcess> {
  const child: ChildProcess = fork(join(here, 'job-loop.child.ts'), [], {
    cwd: root,
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      TELLER_CHILD_URL: opts.url,
      TELLER_CHILD_SCHEMA: opts.schema ?? '',
      TELLER_CHILD_NOW: opts.now ?? '',
      TELLER_CHILD_SECRET: SECRET,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (m: Record<string, unknown>) => {
        child.off('exit', onExit);
        resolve(m);
      };
      const onExit = (code: number | null) => {
        child.off('message', onMessage);
        reject(new Error(`Teller process exited (${code}) before answering`));
      };
      child.once('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error(`Teller process: ${JSON.stringify(ready)}`);
  return {
    async run(at) {
      const answer = next();
      child.send({ kind: 'go', at });
      const m = await answer;
      if (m.kind !== 'ran') throw new Error(`Teller process: ${JSON.stringify(m)}`);
      return { ran: Number(m.ran), errors: m.errors as string[], ms: Number(m.ms) };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.send({ kind: 'stop' });
      await exited;
    },
  };
}
