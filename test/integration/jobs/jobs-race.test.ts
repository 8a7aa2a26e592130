// Every planned job runs once however many Teller processes run the job loop (issue 11). Four dozen
// elections, a dozen at each kind of step, all due in the same second: voting opens in twelve, the 24 h
// reminder goes out in twelve, the 1 h reminder in twelve, and voting closes in twelve. On PostgreSQL two
// real OS processes (job-loop.child.ts) run core.runJobs() at once; 48 jobs is more than one claim's batch
// (20), so both processes claim while the other is running. On SQLite, one process, two runners at once.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/storage/connect.js';
import { openTestDatabase, type Opened, testDatabases } from '../../storage/databases.js';
import { tellerOn, TestClock, type Teller } from '../forensics/forensics.js';
import {
  auditCounts,
  elections,
  jobs,
  ORGANISER,
  outbox,
  publishedElection,
  type RunReport,
  startTeller,
  type TellerProcess,
  tally,
  voterIds,
} from './timeline-fixtures.js';

const PER_GROUP = 12;
const VOTERS = 6;
/** voters 0 and 1 of each election whose vote is open vote before the reminders */
const VOTED = 2;
/** the instant every job falls due */
const DUE = new Date('2026-03-10T09:00:00.000Z');
const HOUR = 3_600_000;
/**
 * What stays planned for later: every election's voting-close step (the closes' own ran), the opening
 * dozen's two reminders, the 24 h dozen's 1 h reminder, each close's count reminder an hour on, and the
 * seal retry each close plans.
 */
const LATER = {
  'timetable.step': 3 * PER_GROUP,
  'voting.reminder': 3 * PER_GROUP,
  'organisers.reminder': 4 * PER_GROUP,
  seal: PER_GROUP,
};
const OPENED = /^Voting in election \d+ "Committee \d+" is open\./;
const CLOSED = /^Voting in election \d+ "Committee \d+" is closed\./;

type Group = 'opens' | 'remind24' | 'remind1' | 'closes';
const GROUPS: Group[] = ['opens', 'remind24', 'remind1', 'closes'];
const groupOf = (k: number): Group => GROUPS[Math.floor((k - 1) / PER_GROUP)]!;
const ALL = Array.from({ length: PER_GROUP * GROUPS.length }, (_, i) => i + 1);

/**
 * Plan the four dozen timetables on a clock that starts two days before DUE. The elections whose vote
 * is open opened then; the others open at DUE.
 */
async function planAll(t: Teller, clock: TestClock): Promise<void> {
  clock.time = new Date(DUE.getTime() - 48 * HOUR);
  for (const k of ALL) {
    await publishedElection(t, clock, k, voterIds(k, VOTERS));
    clock.advance(1_000);
    if (groupOf(k) !== 'opens') await t.ok(ORGANISER, `voting open ${k}`);
  }
  clock.time = new Date(DUE.getTime() - 47 * HOUR);
  for (const k of ALL) {
    if (groupOf(k) === 'opens') continue;
    for (const v of voterIds(k, VOTERS).slice(0, VOTED)) await t.ok(v, `cast ${k} 1 1`);
    // closing a day after DUE: the 24 h reminder falls at DUE
    if (groupOf(k) === 'remind24') await t.ok(ORGANISER, `schedule ${k} voting-close="2026-03-11 09:00"`);
  }
  // ten minutes before: plans whose earlier reminders would already be past
  clock.time = new Date(DUE.getTime() - 10 * 60_000);
  for (const k of ALL) {
    const g = groupOf(k);
    if (g === 'opens') await t.ok(ORGANISER, `schedule ${k} voting-open="2026-03-10 09:00" voting-close=3d`);
    if (g === 'remind1') await t.ok(ORGANISER, `schedule ${k} voting-close="2026-03-10 10:00"`);
    if (g === 'closes') await t.ok(ORGANISER, `schedule ${k} voting-close="2026-03-10 09:00"`);
  }
}

async function expectEachRanOnce(database: Database, reports: RunReport[]): Promise<void> {
  expect(reports.flatMap((r) => r.errors)).toEqual([]);
  const ids = await elections(database);
  const idOf = (k: number) => ids.get(k)!.id;

  // the due jobs: 48, each run by one process, once (a second claim would count a second attempt)
  const all = await jobs(database);
  const due = all.filter((j) => j.runAt <= DUE.toISOString());
  expect(due).toHaveLength(PER_GROUP * GROUPS.length);
  expect(reports.reduce((n, r) => n + r.ran, 0)).toBe(due.length);
  expect(due.filter((j) => j.status !== 'done' || j.attempts !== 1)).toEqual([]);
  // what is planned for later was never claimed: it waits, except the closes' seal retries, which
  // their purge made unneeded
  const later = all.filter((j) => j.runAt > DUE.toISOString());
  expect(later.filter((j) => j.attempts !== 0)).toEqual([]);
  expect(tally(later, (j) => `${j.kind} ${j.status}`)).toEqual(
    new Map(
      [
        ['timetable.step', 'pending'],
        ['voting.reminder', 'pending'],
        ['organisers.reminder', 'pending'],
        ['seal', 'done'],
      ].map(([kind, status]) => [`${kind} ${status}`, LATER[kind as keyof typeof LATER]]),
    ),
  );

  const audit = await auditCounts(database);
  const posts = await outbox(database);
  const dms = (purpose: string) =>
    tally(
      posts.filter((p) => p.memberId !== null && p.purpose === purpose),
      (p) => `${p.electionId} ${p.memberId}`,
    );
  const ballots = dms('ballot');
  const reminders = dms('reminder');
  const channel = (k: number, notice: RegExp) =>
    posts.filter((p) => p.electionId === idOf(k) && p.memberId === null && notice.test(p.text));
  for (const k of ALL) {
    const g = groupOf(k);
    const events = audit.get(idOf(k))!;
    const voters = voterIds(k, VOTERS);
    expect([k, events.get('phase.voting')]).toEqual([k, 1]);
    expect([k, events.get('voting.reminded') ?? 0]).toEqual([k, g === 'remind24' || g === 'remind1' ? 1 : 0]);
    expect([k, events.get('phase.closed') ?? 0]).toEqual([k, g === 'closes' ? 1 : 0]);
    // one ballot DM per voter, whoever opened the vote
    expect([k, voters.map((v) => ballots.get(`${idOf(k)} ${v}`) ?? 0)]).toEqual([k, voters.map(() => 1)]);
    // one reminder per voter who had not voted, none to those who had
    const reminded = g === 'remind24' || g === 'remind1';
    expect([k, voters.map((v) => reminders.get(`${idOf(k)} ${v}`) ?? 0)]).toEqual([
      k,
      voters.map((_, i) => (reminded && i >= VOTED ? 1 : 0)),
    ]);
    expect([k, channel(k, OPENED).length, channel(k, CLOSED).length]).toEqual([k, 1, g === 'closes' ? 1 : 0]);
  }
  // each reminder names its own deadline, the 24 h one a day off, the 1 h one an hour off
  const reminderText = (k: number) =>
    posts.find((p) => p.electionId === idOf(k) && p.purpose === 'reminder')?.text ?? '';
  expect(reminderText(PER_GROUP + 1)).toContain('Voting closes Wed 11 Mar 09:00 UTC (in 24 h).');
  expect(reminderText(2 * PER_GROUP + 1)).toContain('Voting closes Tue 10 Mar 10:00 UTC (in 1 h).');
}

describe.each(testDatabases.filter((d) => d.native !== false))(
  'planned jobs due at once on $label',
  (target) => {
    let opened: Opened | undefined;
    let processes: TellerProcess[] = [];
    afterEach(async () => {
      await Promise.all(processes.map((p) => p.stop()));
      processes = [];
      await opened?.dispose();
      opened = undefined;
    });

    it.runIf(target.name === 'postgres')(
      'runs each job once when two Teller processes run the job loop at the same moment',
      async () => {
        opened = await openTestDatabase(target);
        const { database } = opened;
        const clock = new TestClock();
        const t = tellerOn(database, { clock });
        await planAll(t, clock);
        expect(t.errors).toEqual([]);

        // two processes whose clocks read half a second past DUE, started and connected before `go`
        const now = new Date(DUE.getTime() + 500).toISOString();
        processes = await Promise.all([
          startTeller({ url: target.url, schema: database.schema!, now }),
          startTeller({ url: target.url, schema: database.schema!, now }),
        ]);
        const at = Date.now() + 300;
        const reports = await Promise.all(processes.map((p) => p.run(at)));
        // the race was real: each process claimed some of the 48 (a batch is 20)
        expect(reports.map((r) => r.ran > 0)).toEqual([true, true]);
        await expectEachRanOnce(database, reports);
        // and the next tick of either finds nothing left to do
        expect((await Promise.all(processes.map((p) => p.run()))).map((r) => r.ran)).toEqual([0, 0]);
      },
      90_000,
    );

    it.runIf(target.name === 'sqlite')(
      'runs each job once when two job runners in one process run at the same moment',
      async () => {
        opened = await openTestDatabase(target);
        const { database } = opened;
        const clock = new TestClock();
        const t = tellerOn(database, { clock });
        await planAll(t, clock);
        expect(t.errors).toEqual([]);
        clock.time = new Date(DUE.getTime() + 500);
        // a second core on the same connection: one process, two loops' ticks overlapping
        const second = tellerOn(database, { clock });
        const ran = await Promise.all([t.core.runJobs(), second.core.runJobs()]);
        await expectEachRanOnce(database, [
          { ran: ran[0]!, errors: t.errors, ms: 0 },
          { ran: ran[1]!, errors: second.errors, ms: 0 },
        ]);
        expect(await Promise.all([t.core.runJobs(), second.core.runJobs()])).toEqual([0, 0]);
      },
      60_000,
    );
  },
);
