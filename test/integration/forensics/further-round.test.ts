// A further round opens the ballot box again (issue 12): a fresh salt, new links, new ciphertexts. An
// auditor reading the SQLite file and its WAL after the last round has closed must find no link and no
// salt of either round, and no ciphertext: the second round is sealed as the first was.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type Opened } from '../../storage/databases.js';
import {
  findSecrets,
  ORGANISER,
  SEALED,
  SECRET,
  saltOf,
  secretsOf,
  tellerOn,
  voterIds,
} from './forensics.js';

const VOTERS = voterIds(12);

describe('a further round on a SQLite file', () => {
  let dir: string | undefined;
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves no link, salt or ciphertext of either round in the file or the WAL', async () => {
    dir = mkdtempSync(join(tmpdir(), 'teller-round-'));
    const file = join(dir, 'teller.db');
    opened = await openTestDatabase({ name: 'sqlite', label: 'sqlite file', url: file });
    const t = tellerOn(opened.database);
    await t.ok(ORGANISER, 'create "Forensic" preset=roberts');
    await t.ok(ORGANISER, 'contest add 1 Chair 1');
    await t.ok(ORGANISER, `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
    await t.ok(ORGANISER, 'nominations open 1');
    for (let n = 1; n <= 3; n++) {
      await t.ok(VOTERS[n - 1]!, 'nominate 1 Chair');
      await t.ok(VOTERS[n + 3]!, `second 1 ${n}`);
    }
    await t.ok(ORGANISER, 'nominations close 1');
    for (let n = 1; n <= 3; n++) await t.ok(ORGANISER, `review approve 1 ${n}`);
    await t.ok(ORGANISER, 'candidates publish 1');
    await t.ok(ORGANISER, 'voting open 1');
    const election = await opened.database.db.selectFrom('elections').select('id').executeTakeFirstOrThrow();
    const contestId = async (n: number) =>
      (
        await opened!.database.db
          .selectFrom('contests')
          .select('id')
          .where('number', '=', n)
          .executeTakeFirstOrThrow()
      ).id;

    // round 1: 4 / 4 / 4 of 12, no majority (R2)
    const first = await saltOf(opened.database, election.id);
    for (const [i, v] of VOTERS.entries()) await t.ok(v, `cast 1 1 ${(i % 3) + 1}`);
    await t.ok(ORGANISER, 'voting close 1');
    await t.ok(ORGANISER, 'count 1');
    await t.ok(ORGANISER, 'voting round 1');
    // round 2: its own salt, its own links
    const second = await saltOf(opened.database, election.id);
    expect(second.salt).not.toBe(first.salt);
    for (const [i, v] of VOTERS.entries()) await t.ok(v, `cast 1 2 ${i < 7 ? 1 : 2}`);
    // the needles are the real ones: while round 2 is open its rows carry exactly these links
    const open = await opened.database.db.selectFrom('cast_ballots').select('link').execute();
    const round2 = secretsOf(SECRET, second.salt, await contestId(2), VOTERS).links;
    expect(open.length).toBe(VOTERS.length);
    expect(open.every((r) => round2.includes(String(r.link)))).toBe(true);
    await t.ok(ORGANISER, 'voting close 1');
    await t.ok(ORGANISER, 'count 1');
    expect(t.errors).toEqual([]);

    const needles = new Map<string, string>();
    for (const [round, s] of [
      [1, first],
      [2, second],
    ] as const) {
      const { links } = secretsOf(SECRET, s.salt, await contestId(round), VOTERS);
      for (const l of links) needles.set(l, `link of round ${round}`);
      needles.set(s.salt, `salt of round ${round}`);
      needles.set(s.keyCheck, `key check of round ${round}`);
    }
    const sealedState = await opened.database.db
      .selectFrom('elections')
      .select('seal')
      .executeTakeFirstOrThrow();
    expect(sealedState.seal).toBe('done');
    const casts = await opened.database.db.selectFrom('cast_ballots').selectAll().execute();
    expect(casts).toEqual([]);
    await opened.dispose();
    opened = undefined;
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
    const main = readFileSync(file).toString('latin1');
    expect(findSecrets(main, needles)).toEqual(new Map());
    expect(SEALED.test(main)).toBe(false);
  });
});
