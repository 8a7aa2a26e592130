// Forensic attack 3 (issue 8), SQLite: read the -wal file frame by frame (32-byte header, then a 24-byte
// header and a page image per frame), group the frames by commit and diff each commit's page images
// against the images before it. Every cast commits its voter (the audit entry, participation) with its
// ballot, so without the key each commit must pair a voter with a ciphertext only; the close's commit
// holds the plaintext ballots and no voter. After the seal the WAL is emptied and the main file's free
// pages (secure_delete) hold no link, salt or ciphertext.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type Opened } from '../../storage/databases.js';
import {
  castAll,
  electionIds,
  findSecrets,
  keysWithoutTheSecret,
  matchesOf,
  occurrences,
  openElection,
  ORGANISER,
  PLAINTEXT,
  ranking,
  SEALED,
  SECRET,
  saltOf,
  secretsOf,
  tellerOn,
  tryOpen,
  voterIds,
} from './forensics.js';

const VOTERS = voterIds(60);

interface Frame {
  page: number;
  /** database size in pages after a commit; 0 for frames that are not a commit's last */
  commit: number;
  image: Buffer;
}

/** Every frame of the WAL's current generation (its salts match the header), in order. */
function walFrames(wal: Buffer): { pageSize: number; frames: Frame[] } {
  if (wal.length < 32) return { pageSize: 0, frames: [] };
  expect([0x377f0682, 0x377f0683]).toContain(wal.readUInt32BE(0));
  const pageSize = wal.readUInt32BE(8);
  const salt = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const frames: Frame[] = [];
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt[0] || wal.readUInt32BE(at + 12) !== salt[1]) break;
    frames.push({
      page: wal.readUInt32BE(at),
      commit: wal.readUInt32BE(at + 4),
      image: wal.subarray(at + 24, at + 24 + pageSize),
    });
  }
  return { pageSize, frames };
}

interface Commit {
  /** voters named more often in this commit's pages than in the same pages before it */
  voters: string[];
  /** plaintext ballots that are new in this commit */
  plaintext: number;
  /** ciphertexts that are new in this commit */
  sealed: string[];
}

/**
 * Diff commit by commit. The previous image of a page is its last image in an earlier commit, or the
 * main file's (the baseline). Counting over all of a commit's pages at once, rows a B-tree split moves
 * from one page to another count as moved, not new.
 */
function commitsOf(baseline: Buffer, wal: Buffer): { commits: Commit[]; frames: number } {
  const { pageSize, frames } = walFrames(wal);
  const latest = new Map<number, Buffer>();
  const before = (page: number) =>
    latest.get(page) ?? baseline.subarray((page - 1) * pageSize, page * pageSize);
  const commits: Commit[] = [];
  let pending = new Map<number, Buffer>();
  for (const f of frames) {
    pending.set(f.page, f.image);
    if (f.commit === 0) continue;
    const old = [...pending.keys()].map((p) => before(p).toString('latin1')).join('\u0000');
    const now = [...pending.values()].map((b) => b.toString('latin1')).join('\u0000');
    const oldSealed = new Set(matchesOf(SEALED, old));
    commits.push({
      voters: VOTERS.filter((v) => occurrences(now, [v]) > occurrences(old, [v])),
      plaintext: Math.max(0, matchesOf(PLAINTEXT, now).length - matchesOf(PLAINTEXT, old).length),
      sealed: matchesOf(SEALED, now).filter((s) => !oldSealed.has(s)),
    });
    for (const [p, b] of pending) latest.set(p, b);
    pending = new Map();
  }
  return { commits, frames: frames.length };
}

/** The main file's free pages, from the freelist trunk pages its header points to. */
function freePages(file: Buffer): { trunks: Buffer[]; leaves: Buffer[] } {
  const raw = file.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const page = (n: number) => file.subarray((n - 1) * pageSize, n * pageSize);
  const trunks: Buffer[] = [];
  const leaves: Buffer[] = [];
  for (let trunk = file.readUInt32BE(32); trunk !== 0; ) {
    const t = page(trunk);
    const count = t.readUInt32BE(4);
    // a trunk page holds the next trunk, a count and that many page numbers; nothing else
    trunks.push(t.subarray(8 + 4 * count));
    for (let i = 0; i < count; i++) leaves.push(page(t.readUInt32BE(8 + 4 * i)));
    trunk = t.readUInt32BE(0);
  }
  expect(trunks.length + leaves.length).toBe(file.readUInt32BE(36));
  return { trunks, leaves };
}

describe('the SQLite WAL, frame by frame', () => {
  let opened: Opened | undefined;
  let dir: string | undefined;
  let reader: BetterSqlite3.Database | undefined;
  afterEach(async () => {
    reader?.close();
    await opened?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pairs no voter with a readable ballot in any commit, and is emptied by the seal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'teller-forensic-wal-'));
    const file = join(dir, 'teller.db');
    opened = await openTestDatabase({ name: 'sqlite', label: 'sqlite file', url: file });
    const { database } = opened;
    // the worst case for the voters: no automatic checkpoint ever overwrites a frame, so every commit
    // since voting opened stays readable
    await sql`pragma wal_autocheckpoint = 0`.execute(database.db);
    await sql`pragma busy_timeout = 50`.execute(database.db);
    const t = tellerOn(database);
    await openElection(t, VOTERS);
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(database.db);
    const baseline = readFileSync(file);
    const cast = await castAll(t, VOTERS);
    const { electionId, contestId } = await electionIds(database);
    const { salt, keyCheck } = await saltOf(database, electionId);
    const { links, content } = secretsOf(SECRET, salt, contestId, VOTERS);
    const castBy = (v: string) => [ranking(VOTERS.indexOf(v)), ranking(VOTERS.indexOf(v) + 7)];

    // ---- before close
    const open = commitsOf(baseline, readFileSync(`${file}-wal`));
    expect(open.commits.length).toBe(cast.casts);
    // each cast's commit names its voter and holds a new ciphertext: the attacker's pairing
    const paired = open.commits.filter((c) => c.voters.length > 0 && c.sealed.length > 0);
    expect(paired).toHaveLength(cast.casts);
    expect(paired.every((c) => c.voters.length === 1)).toBe(true);
    // no commit holds a plaintext ballot, so none pairs a voter with one
    expect(open.commits.filter((c) => c.plaintext > 0)).toEqual([]);
    // no key made from what the files hold opens a paired ciphertext; the server secret opens each to
    // the ballot its voter cast (the pairing is real, and it takes the secret)
    let tried = 0;
    for (const c of paired) {
      for (const key of keysWithoutTheSecret(salt))
        for (const s of c.sealed)
          expect(tryOpen(key, electionId, contestId, s), `${tried++}`).toBeUndefined();
      const opened = c.sealed.map((s) => tryOpen(content, electionId, contestId, s)?.content);
      expect(opened.some((o) => o !== undefined && castBy(c.voters[0]!).includes(o))).toBe(true);
    }
    expect(tried).toBeGreaterThanOrEqual(5 * cast.casts);

    // ---- the close, with a reader holding the WAL (so its commit can be read too)
    reader = new BetterSqlite3(file, { readonly: true });
    reader.prepare('begin').run();
    reader.prepare('select count(*) from elections').get();
    expect((await t.run(ORGANISER, 'voting close 1')).kind).toBe('domain-error');
    const closing = commitsOf(baseline, readFileSync(`${file}-wal`));
    expect(closing.frames).toBeGreaterThan(open.frames);
    const close = closing.commits.slice(open.commits.length);
    // the close's commit writes every plaintext ballot, and names no voter
    expect(close.reduce((n, c) => n + c.plaintext, 0)).toBe(VOTERS.length);
    expect(close.filter((c) => c.plaintext > 0 && c.voters.length > 0)).toEqual([]);
    expect(closing.commits.filter((c) => c.plaintext > 0 && c.voters.length > 0)).toEqual([]);

    // ---- the seal, once the reader is gone
    reader.prepare('commit').run();
    reader.close();
    reader = undefined;
    expect(await t.ok(ORGANISER, 'voting seal 1')).toMatch(/is sealed/);
    const sealed = commitsOf(readFileSync(file), readFileSync(`${file}-wal`));
    // the WAL now holds only the commits after the purge: the seal's own, with no ballot and no ciphertext
    expect(sealed.frames).toBeLessThan(closing.frames / 10);
    expect(sealed.commits.filter((c) => c.plaintext > 0 || c.sealed.length > 0)).toEqual([]);
    const needles = new Map<string, string>([
      ...links.map((l) => [l, 'link'] as const),
      [salt, 'salt'],
      [keyCheck, 'key check'],
    ]);
    expect(findSecrets(readFileSync(`${file}-wal`).toString('latin1'), needles)).toEqual(new Map());

    // the main file, once the bot has let go of it: no secret anywhere, and its free pages are zeroed
    await opened.dispose();
    opened = undefined;
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
    const main = readFileSync(file);
    expect(findSecrets(main.toString('latin1'), needles)).toEqual(new Map());
    expect(SEALED.test(main.toString('latin1'))).toBe(false);
    const { trunks, leaves } = freePages(main);
    const free = [...trunks, ...leaves];
    expect(leaves.length).toBeGreaterThan(0);
    expect(
      free.filter(
        (p) => findSecrets(p.toString('latin1'), needles).size > 0 || SEALED.test(p.toString('latin1')),
      ),
    ).toEqual([]);
    // secure_delete: every byte of a free leaf page is zero; a trunk page holds nothing but page
    // numbers (past its count, ones it listed before)
    expect(leaves.filter((p) => p.some((b) => b !== 0))).toEqual([]);
    const pagesInFile = main.length / main.readUInt16BE(16);
    for (const t of trunks)
      for (let at = 0; at < t.length; at += 4) expect(t.readUInt32BE(at)).toBeLessThanOrEqual(pagesInFile);
    expect(t.errors.join('\n')).toMatch(/seal is not complete/); // the close's, while the reader held on
  }, 60_000);
});
