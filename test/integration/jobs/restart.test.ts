// Teller stopped while planned steps fell due (issue 11): the process that planned the timetable is gone,
// a new one starts on the same SQLite file later and catches up in order. A step that fell due is taken
// late, its notice saying how late and why; a reminder whose moment passed is not sent beside the ballot
// or after the close; and a period whose end also passed is not opened and closed at once: the
// organisers are told instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../../src/storage/connect.js';
import { migrateToLatest } from '../../../src/storage/migrate.js';
import { tellerOn, TestClock } from '../forensics/forensics.js';
import { auditCounts, jobs, ORGANISER, outbox, publishedElection, voterIds } from './timeline-fixtures.js';

const VOTERS = voterIds(1, 5);
const OPENED = /^Voting in election 1 "Committee 1" is open\./;
const CLOSED = /^Voting in election 1 "Committee 1" is closed\./;

describe('a restart after planned steps fell due', () => {
  let dir: string | undefined;
  const open: Database[] = [];
  afterEach(async () => {
    for (const d of open.splice(0)) await d.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** The first process plans voting for 08:00 to 10:00 and stops at 07:00; a second starts at `at`. */
  async function restartAt(at: string) {
    dir = mkdtempSync(join(tmpdir(), 'teller-restart-'));
    const file = join(dir, 'teller.db');
    const first = await connect(file);
    open.push(first);
    await migrateToLatest(first);
    const clock = new TestClock();
    clock.time = new Date('2026-03-10T06:00:00.000Z');
    const planner = tellerOn(first, { clock });
    await publishedElection(planner, clock, 1, VOTERS);
    clock.time = new Date('2026-03-10T07:00:00.000Z');
    await planner.ok(ORGANISER, 'schedule 1 voting-open="2026-03-10 08:00" voting-close="2026-03-10 10:00"');
    // the 1 h reminder is planned for 09:00; the 24 h one would have been before the plan was made
    expect((await jobs(first)).filter((j) => j.kind === 'voting.reminder').map((j) => j.runAt)).toEqual([
      '2026-03-10T09:00:00.000Z',
    ]);
    await first.close();
    open.pop();
    const second = await connect(file);
    open.push(second);
    await migrateToLatest(second);
    const later = new TestClock();
    later.time = new Date(at);
    return { second, later, restarted: tellerOn(second, { clock: later }) };
  }

  const phaseOf = async (db: Database) =>
    (await db.db.selectFrom('elections').select(['id', 'phase']).executeTakeFirstOrThrow()) as {
      id: string;
      phase: string;
    };

  it('opens voting late, saying so, sends no reminder beside the ballot, and closes on time', async () => {
    const { second, later, restarted } = await restartAt('2026-03-10T09:30:00.000Z');
    expect(await restarted.core.runJobs()).toBe(2); // the open, and the 09:00 reminder
    expect(restarted.errors).toEqual([]);
    expect((await phaseOf(second)).phase).toBe('voting');
    const channel = (await outbox(second)).filter((p) => p.memberId === null);
    const opened = channel.filter((p) => OPENED.test(p.text));
    expect(opened).toHaveLength(1);
    expect(opened[0]!.text).toContain(
      'Voting opened at Tue 10 Mar 08:00 UTC; this notice is 1 h 30 min late because Teller was not running.',
    );
    expect(opened[0]!.text).toContain('Voting closes Tue 10 Mar 10:00 UTC (in 30 min).');
    // the 09:00 reminder came due before voting opened: it would land beside the ballot itself
    expect((await outbox(second)).filter((p) => p.purpose === 'reminder')).toEqual([]);

    later.time = new Date('2026-03-10T10:00:00.000Z');
    expect(await restarted.core.runJobs()).toBe(1);
    expect((await phaseOf(second)).phase).toBe('closed');
    const closed = (await outbox(second)).filter((p) => p.memberId === null && CLOSED.test(p.text));
    expect(closed).toHaveLength(1);
    expect(closed[0]!.text).not.toContain('late');
    const moves = await second.db
      .selectFrom('audit_entries')
      .select(['event', 'actor'])
      .where('event', 'in', ['phase.voting', 'phase.closed'])
      .orderBy('seq')
      .execute();
    expect(moves.map((m) => m.event)).toEqual(['phase.voting', 'phase.closed']);
    expect(moves.every((m) => m.actor !== ORGANISER)).toBe(true);
  });

  it('does not open a vote whose close has also passed: the organisers are told, once', async () => {
    const { second, later, restarted } = await restartAt('2026-03-10T12:00:00.000Z');
    await restarted.core.runJobs();
    expect(restarted.errors).toEqual([]);
    const election = await phaseOf(second);
    expect(election.phase).toBe('published');
    const posts = await outbox(second);
    // no ballot that says voting closed two hours ago, no notice of a vote that never was
    expect(posts.filter((p) => p.purpose === 'ballot')).toEqual([]);
    expect(posts.filter((p) => p.memberId === null && (OPENED.test(p.text) || CLOSED.test(p.text)))).toEqual(
      [],
    );
    const told = posts.filter((p) => p.text.includes('both passed while Teller was not running'));
    expect(told.map((p) => p.memberId)).toEqual([ORGANISER]);
    expect(told[0]!.text).toContain('(Tue 10 Mar 08:00 UTC – Tue 10 Mar 10:00 UTC)');
    expect((await auditCounts(second)).get(election.id)?.get('phase.voting')).toBeUndefined();
    // the open waits for the organisers; the close and the reminders will not run
    const byStep = (await jobs(second)).map((j) => [
      j.kind,
      j.payload.step ?? j.payload.about ?? j.payload.hours,
      j.status,
    ]);
    expect(byStep).toContainEqual(['timetable.step', 'voting-open', 'failed']);
    expect(byStep).toContainEqual(['timetable.step', 'voting-close', 'cancelled']);
    later.time = new Date('2026-03-11T12:00:00.000Z');
    await restarted.core.runJobs();
    expect((await outbox(second)).length).toBe(posts.length);
  });
});
