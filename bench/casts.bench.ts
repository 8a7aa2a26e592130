// Ballots cast per second through the command registry on SQLite, beside the same writes made with
// raw better-sqlite3 prepared statements (the ceiling), in the same run.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCore, type TellerCore } from '../src/core/index.js';
import {
  connect,
  createDeliveryQueue,
  createPlatformState,
  createStore,
  migrateToLatest,
  type Database,
} from '../src/storage/index.js';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** voters casting at the same moment, as when a ballot DM fan-out lands */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function dispatchOk(core: TellerCore, member: string, command: string, args: Record<string, unknown>) {
  const r = await core.dispatch({
    platform: 'console',
    platformOrgId: 'bench',
    actor: { memberId: member },
    channelId: 'general',
    command,
    args,
  });
  if (r.kind !== 'ok') throw new Error(`${command}: ${r.reply.body.text}`);
}

async function electionOpen(core: TellerCore, voters: string[]) {
  await dispatchOk(core, 'org', 'election.create', { title: 'Bench' });
  await dispatchOk(core, 'org', 'election.contest.add', {
    election: 1,
    name: 'Chair',
    seats: 1,
    method: 'plurality',
  });
  await dispatchOk(core, 'org', 'roll.import', { election: 1, list: voters.join('\n') });
  await dispatchOk(core, 'org', 'nominations.open', { election: 1 });
  await dispatchOk(core, voters[0], 'nomination.create', { election: 1, contest: '1' });
  await dispatchOk(core, voters[1], 'nomination.second', { election: 1, nomination: 1 });
  await dispatchOk(core, voters[1], 'nomination.create', { election: 1, contest: '1' });
  await dispatchOk(core, voters[2], 'nomination.second', { election: 1, nomination: 2 });
  await dispatchOk(core, 'org', 'nominations.close', { election: 1 });
  await dispatchOk(core, 'org', 'nomination.approve', { election: 1, nomination: 1 });
  await dispatchOk(core, 'org', 'nomination.approve', { election: 1, nomination: 2 });
  await dispatchOk(core, 'org', 'nominations.publish', { election: 1 });
  await dispatchOk(core, 'org', 'voting.open', { election: 1 });
}

async function throughRegistry(dir: string): Promise<number> {
  const database: Database = await connect(join(dir, `registry-${randomBytes(4).toString('hex')}.db`));
  await migrateToLatest(database);
  const core = createCore({
    store: createStore(database),
    delivery: createDeliveryQueue(database),
    platformState: createPlatformState(database),
    clock: { now: () => new Date() },
    serverSecret: 'bench-secret-0123456789',
    logger: { info: () => undefined, error: (m) => console.error(m) },
  });
  const voters = Array.from({ length: VOTERS }, (_, i) => `v${i}`);
  await electionOpen(core, voters);
  const start = performance.now();
  let next = 0;
  const voter = async () => {
    while (next < voters.length) {
      const v = voters[next++];
      await dispatchOk(core, v, 'ballot.cast', {
        election: 1,
        contest: '1',
        choices: v.endsWith('7') ? '2' : '1',
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, voter));
  const seconds = (performance.now() - start) / 1000;
  await database.close();
  return VOTERS / seconds;
}

/**
 * The ceiling: the same rows a cast writes and the same reads it needs, as prepared statements. With
 * `batch` 1 each cast is its own transaction; with more, casts share a commit, each in a savepoint,
 * as Teller's store groups the commands that arrive together.
 */
function rawCeiling(dir: string, batch: number): number {
  const db = new BetterSqlite3(join(dir, `raw-${randomBytes(4).toString('hex')}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('secure_delete = ON');
  db.exec(`
    create table roll (election_id text, member_id text, weight real, status text, primary key (election_id, member_id)) without rowid;
    create table ballots (id text primary key, election_id text, contest_id text, link text, weight real, content text) without rowid;
    create unique index ballots_link on ballots (contest_id, link);
    create table receipts (election_id text, code text, link text, primary key (election_id, code)) without rowid;
    create index receipts_link on receipts (election_id, link);
    create table participation (election_id text, contest_id text, member_id text, primary key (election_id, contest_id, member_id)) without rowid;
    create table audit (election_id text, seq integer, at text, actor text, event text, data text, prev_hash text, hash text, primary key (election_id, seq));
    create table elections (id text primary key, phase text);
  `);
  db.prepare(`insert into elections values ('e', 'voting')`).run();
  const voters = Array.from({ length: VOTERS }, (_, i) => `v${i}`);
  const addRoll = db.prepare(`insert into roll values ('e', ?, 1, 'eligible')`);
  db.transaction(() => voters.forEach((v) => addRoll.run(v)))();
  const election = db.prepare(`select phase from elections where id = 'e'`);
  const roll = db.prepare(`select weight, status from roll where election_id = 'e' and member_id = ?`);
  const upsert = db.prepare(
    `insert into ballots values (?, 'e', 'c', ?, ?, ?) on conflict (contest_id, link) do update set content = excluded.content, weight = excluded.weight`,
  );
  const findReceipt = db.prepare(`select code from receipts where election_id = 'e' and link = ?`);
  const addReceipt = db.prepare(`insert into receipts values ('e', ?, ?)`);
  const participate = db.prepare(`insert into participation values ('e', 'c', ?) on conflict do nothing`);
  const last = db.prepare(`select seq, hash from audit where election_id = 'e' order by seq desc limit 1`);
  const append = db.prepare(`insert into audit values ('e', ?, ?, ?, 'ballot.cast', '{"contest":1}', ?, ?)`);
  const key = randomBytes(32);
  const cast = (member: string, content: string) => {
    election.get();
    const entry = roll.get(member) as { weight: number } | undefined;
    const link = createHmac('sha256', key).update(`ballot:c:${member}`).digest('base64url');
    upsert.run(randomBytes(16).toString('hex'), link, entry?.weight ?? 1, content);
    const rlink = createHmac('sha256', key).update(`receipt:${member}`).digest('base64url');
    if (!findReceipt.get(rlink)) addReceipt.run(randomBytes(8).toString('hex'), rlink);
    participate.run(member);
    const prev = last.get() as { seq: number; hash: string } | undefined;
    const at = new Date().toISOString();
    const hash = createHash('sha256')
      .update(`${prev?.hash ?? ''}${at}${member}`)
      .digest('hex');
    append.run((prev?.seq ?? 0) + 1, at, member, prev?.hash ?? '', hash);
  };
  const inSavepoint = (member: string, content: string) => {
    db.exec('savepoint command');
    cast(member, content);
    db.exec('release command');
  };
  const group = db.transaction((members: string[]) => {
    for (const m of members) (batch === 1 ? cast : inSavepoint)(m, m.endsWith('7') ? '2' : '1');
  });
  const start = performance.now();
  for (let i = 0; i < voters.length; i += batch) group(voters.slice(i, i + batch));
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return VOTERS / seconds;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'teller-bench-'));
  try {
    const registry: number[] = [];
    const rawSingle: number[] = [];
    const rawGrouped: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      rawSingle.push(rawCeiling(dir, 1));
      rawGrouped.push(rawCeiling(dir, CONCURRENCY));
      registry.push(await throughRegistry(dir));
    }
    const r = median(registry);
    const c = median(rawGrouped);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log(
      `casts through the registry (SQLite file, WAL, ${CONCURRENCY} voters at once): median ${r.toFixed(0)}/s over ${RUNS} runs of ${VOTERS} [${list(registry)}]`,
    );
    console.log(
      `same writes, raw better-sqlite3, ${CONCURRENCY} casts per commit (ceiling): median ${c.toFixed(0)}/s [${list(rawGrouped)}]`,
    );
    console.log(
      `same writes, raw better-sqlite3, one commit per cast: median ${median(rawSingle).toFixed(0)}/s [${list(rawSingle)}]`,
    );
    console.log(`ratio registry / grouped raw: ${(r / c).toFixed(2)} (target ≥ 0.5, and ≥ 10,000 casts/s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
