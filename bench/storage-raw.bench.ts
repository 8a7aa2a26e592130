// The cast path through the Store on SQLite, against the same statements on raw better-sqlite3 in the
// same run. Target: 10,000 casts/second through the Store (ARCHITECTURE §7 keeps speed out of tests).
// `npm run bench storage-raw`
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Store } from '../src/core/kit/store.js';
import { connect, createStore, migrateToLatest } from '../src/storage/index.js';

const CASTS = 5000;
const RUNS = 5;
const T0 = '2026-11-23T10:00:00.000Z';

const rid = () => randomBytes(12).toString('base64url');
/** a ciphertext's size: a 256-byte padded block, its tag and nonce, in base64 */
const SEALED = `v1.${randomBytes(12).toString('base64url')}.${randomBytes(272).toString('base64url')}`;

interface Fixture {
  orgId: string;
  electionId: string;
  contestId: string;
}

async function setUp(store: Store, voters: number): Promise<Fixture> {
  const f = { orgId: rid(), electionId: rid(), contestId: rid() };
  await store.transaction(async (tx) => {
    await tx.orgs.insert({
      id: f.orgId,
      platform: 'slack',
      platformOrgId: rid(),
      name: 'Bench',
      defaultLocale: 'en',
      createdAt: T0,
    });
    await tx.elections.insert({
      id: f.electionId,
      orgId: f.orgId,
      number: 1,
      title: 'Bench',
      channelId: null,
      phase: 'voting',
      createdBy: 'U0',
      settings: { seconders: 0, selfNomination: true, objectionDays: 3 },
      cancelReason: null,
      phaseSince: T0,
      createdAt: T0,
    });
    await tx.contests.insert({
      id: f.contestId,
      electionId: f.electionId,
      number: 1,
      name: 'Chair',
      seats: 1,
      method: 'plurality',
      options: {},
    });
    await tx.secrets.put(f.electionId, { salt: rid(), keyCheck: null });
    for (let i = 0; i < voters; i++) {
      await tx.roll.upsert({
        electionId: f.electionId,
        memberId: `U${i}`,
        weight: 1,
        status: 'eligible',
        reason: null,
        addedBy: 'U0',
        addedAt: T0,
      });
    }
  });
  return f;
}

/** What ballot.cast does against storage: ten statements in one transaction. */
async function castViaStore(store: Store, f: Fixture, i: number): Promise<void> {
  await store.transaction(async (tx) => {
    const key = `req-${f.electionId}-${i}`;
    if ((await tx.requests.get(key)) !== undefined) return;
    await tx.elections.findByNumberLocked(f.orgId, 1);
    await tx.contests.list(f.electionId);
    await tx.roll.get(f.electionId, `U${i}`);
    await tx.secrets.get(f.electionId);
    const link = `link-${i}`;
    await tx.castBallots.put({
      id: rid(),
      electionId: f.electionId,
      contestId: f.contestId,
      link,
      sealed: SEALED,
    });
    if ((await tx.receipts.findByLink(f.electionId, link)) === undefined)
      await tx.receipts.insert(f.electionId, `R${i}`, link);
    await tx.participation.add({ electionId: f.electionId, contestId: f.contestId, memberId: `U${i}` });
    await tx.requests.put(key, '{"kind":"ok"}', T0, f.electionId);
  });
}

function rawCaster(raw: BetterSqlite3.Database, f: Fixture): (i: number) => void {
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('secure_delete = ON');
  raw.pragma('synchronous = NORMAL');
  const q = {
    begin: raw.prepare('begin immediate'),
    commit: raw.prepare('commit'),
    reqGet: raw.prepare('select response from requests where key = ?'),
    election: raw.prepare('select * from elections where org_id = ? and number = ?'),
    contests: raw.prepare('select * from contests where election_id = ? order by number'),
    roll: raw.prepare('select * from roll_entries where election_id = ? and member_id = ?'),
    salt: raw.prepare('select salt, key_check from election_secrets where election_id = ?'),
    find: raw.prepare('select id from cast_ballots where contest_id = ? and link = ?'),
    upsert: raw.prepare(
      'insert into cast_ballots (id, election_id, contest_id, link, sealed) values (?, ?, ?, ?, ?) on conflict (contest_id, link) do update set sealed = excluded.sealed',
    ),
    receipt: raw.prepare('select code from receipts where election_id = ? and link = ?'),
    receiptIns: raw.prepare('insert into receipts (election_id, code, link) values (?, ?, ?)'),
    part: raw.prepare(
      'insert into participation (election_id, contest_id, member_id) values (?, ?, ?) on conflict do nothing',
    ),
    reqPut: raw.prepare(
      'insert into requests (key, response, at, election_id) values (?, ?, ?, ?) on conflict (key) do update set response = excluded.response, at = excluded.at, election_id = excluded.election_id',
    ),
  };
  return (i) => {
    q.begin.run();
    const key = `raw-${f.electionId}-${i}`;
    q.reqGet.get(key);
    q.election.get(f.orgId, 1);
    q.contests.all(f.electionId);
    q.roll.get(f.electionId, `U${i}`);
    q.salt.get(f.electionId);
    const link = `raw-link-${i}`;
    q.find.get(f.contestId, link);
    q.upsert.run(rid(), f.electionId, f.contestId, link, SEALED);
    if (q.receipt.get(f.electionId, link) === undefined) q.receiptIns.run(f.electionId, `RR${i}`, link);
    q.part.run(f.electionId, f.contestId, `R${i}`);
    q.reqPut.run(key, '{"kind":"ok"}', T0, f.electionId);
    q.commit.run();
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Casts per wall-clock second, and per second of this process's CPU time (user + system, which includes
 * the WAL writes): on a shared, busy machine the wall figure sinks with other load, the CPU figure
 * says what one free core would do.
 */
interface Rate {
  wall: number;
  cpu: number;
}

async function rate(work: () => Promise<void>): Promise<Rate> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { wall: (CASTS / wallMs) * 1000, cpu: (CASTS / cpuMs) * 1000 };
}

function report(name: string, rates: Rate[]): void {
  const wall = rates.map((r) => r.wall);
  const cpu = rates.map((r) => r.cpu);
  console.log(
    `  ${`${name}:`.padEnd(22)} ${median(wall).toFixed(0).padStart(6)} casts/s wall, ${median(cpu).toFixed(0).padStart(6)} casts per CPU-second (medians; wall runs ${wall.map((x) => x.toFixed(0)).join(' ')})`,
  );
}

export async function run(): Promise<void> {
  await measure('disk', tmpdir());
  // A file in RAM separates the layer's own cost from the cost of writing the WAL to disk.
  if (existsSync('/dev/shm')) await measure('tmpfs', '/dev/shm');
}

async function measure(where: string, base: string): Promise<void> {
  const dir = mkdtempSync(join(base, 'teller-bench-'));
  try {
    const path = join(dir, 'bench.db');
    const database = await connect(path);
    await migrateToLatest(database);
    const store = createStore(database);
    const viaStore: Rate[] = [];
    const viaRaw: Rate[] = [];
    for (let r = 0; r < RUNS; r++) {
      const f = await setUp(store, CASTS);
      viaStore.push(
        await rate(async () => {
          for (let i = 0; i < CASTS; i++) await castViaStore(store, f, i);
        }),
      );
      // The raw connection shares the file; the Store's connection is idle meanwhile.
      const raw = new BetterSqlite3(path);
      const cast = rawCaster(raw, f);
      viaRaw.push(
        await rate(async () => {
          for (let i = 0; i < CASTS; i++) cast(i);
        }),
      );
      raw.close();
    }
    await database.close();
    console.log(
      `cast path, ${CASTS} casts x ${RUNS} runs, SQLite file on ${where} (WAL, synchronous=NORMAL), 10 statements per cast`,
    );
    report('Store (Kysely)', viaStore);
    report('raw better-sqlite3', viaRaw);
    const ratio = median(viaStore.map((x) => x.wall)) / median(viaRaw.map((x) => x.wall));
    console.log(`  Store / raw (wall):    ${ratio.toFixed(2)}   target: 10,000 casts/s through the Store`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
