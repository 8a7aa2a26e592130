// Teller stopped while planned steps fell due (issue 11): the process that planned the timetable is gone,
// a new one starts on the same SQLite file hours later and catches up in order. Voting opens, then
// closes, each notice once, each saying how late it is and why; the reminder whose moment passed while
// Teller was down is not sent after the vote it was for has closed; the organisers are told to count.
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

  it('opens then closes voting, each notice once and marked late, and sends no stale reminder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'teller-restart-'));
    const file = join(dir, 'teller.db');

    // the first process: plans voting for 08:00 to 10:00, then stops at 07:00 with no job loop
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

    // the second process starts at noon on the same file
    const second = await connect(file);
    open.push(second);
    await migrateToLatest(second);
    const later = new TestClock();
    later.time = new Date('2026-03-10T12:00:00.000Z');
    const restarted = tellerOn(second, { clock: later });
    expect(await restarted.core.runJobs()).toBe(4);
    expect(restarted.errors).toEqual([]);

    // in order: voting opened, then closed, each by Teller, once
    const election = await second.db
      .selectFrom('elections')
      .select(['id', 'phase'])
      .executeTakeFirstOrThrow();
    expect(election.phase).toBe('closed');
    const moves = await second.db
      .selectFrom('audit_entries')
      .select(['event', 'actor', 'data'])
      .where('election_id', '=', election.id)
      .where('event', 'in', ['phase.voting', 'phase.closed', 'voting.reminded'])
      .orderBy('seq')
      .execute();
    expect(moves.map((m) => m.event)).toEqual(['phase.voting', 'phase.closed']);
    expect(new Set(moves.map((m) => m.actor)).size).toBe(1);
    expect(moves[0]!.actor).not.toBe(ORGANISER);

    const posts = await outbox(second);
    const channel = posts.filter((p) => p.memberId === null);
    const opened = channel.filter((p) => OPENED.test(p.text));
    const closed = channel.filter((p) => CLOSED.test(p.text));
    expect(opened).toHaveLength(1);
    expect(closed).toHaveLength(1);
    expect(opened[0]!.text).toContain(
      'Voting opened at Tue 10 Mar 08:00 UTC; this notice is 4 h late because Teller was not running.',
    );
    expect(closed[0]!.text).toContain(
      'Voting closed at Tue 10 Mar 10:00 UTC; this notice is 2 h late because Teller was not running.',
    );
    // the reminder for 09:00 was for a vote that has closed: it went to no one
    expect(posts.filter((p) => p.purpose === 'reminder')).toEqual([]);
    expect((await auditCounts(second)).get(election.id)?.get('voting.reminded')).toBeUndefined();

    // the organisers' reminder to count, due an hour after the close, came too, once, after the close
    const countDue = posts.filter((p) => p.text.includes('voting has closed. Run the count'));
    expect(countDue.map((p) => p.memberId)).toEqual([ORGANISER]);

    // every due job ran once and is done; a second tick finds nothing
    const due = (await jobs(second)).filter((j) => j.runAt <= later.time.toISOString());
    expect(due.map((j) => [j.kind, j.payload.step ?? j.payload.hours, j.status, j.attempts]).sort()).toEqual(
      [
        ['timetable.step', 'voting-close', 'done', 1],
        ['timetable.step', 'voting-open', 'done', 1],
        ['voting.reminder', 1, 'done', 1],
        ['organisers.reminder', undefined, 'done', 1],
      ].sort(),
    );
    expect(await restarted.core.runJobs()).toBe(0);
    expect((await outbox(second)).length).toBe(posts.length);
  });
});
