// The timetable's rules (issue 11): plans that make no sense are refused with the reason; a member may
// not end a planned period early, nor cut a notice period below its minimum (C15 for the result), unless
// an organiser gives a reason, which is audited and shown; changed times are announced (L5).
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness, type Harness } from './harness.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function draft(h: Harness) {
  await h.ok('olga', 'create "Branch committee"');
  await h.ok('olga', 'contest add 1 Secretary 1 plurality');
  await h.ok('olga', 'roll add 1 @alice @bob @carol @dave @erin');
}

async function refused(h: Harness, member: string, text: string, opts: { locale?: string } = {}) {
  const r = await h.run(member, text, opts);
  expect(r.kind, `${text}: ${r.reply.body.text}`).toBe('domain-error');
  return r.reply.body.text;
}

const channelPosts = (h: Harness) =>
  h.store.state.outbox
    .filter((m) => m.destination.kind === 'channel' && m.purpose !== 'checkpoint')
    .map((m) => m.body.text);

describe('planning a timetable', () => {
  it('refuses unreadable times, past times, steps out of order, and steps that already happened', async () => {
    const h = harness(); // 2026-03-01 09:00 UTC
    await draft(h);
    expect(await refused(h, 'olga', 'schedule 1 voting-open=soon')).toContain(
      'Voting opens: “soon” is not a time.',
    );
    expect(await refused(h, 'olga', 'schedule 1 voting-open="2026-02-30 09:00"')).toContain(
      'there is no such date or time as “2026-02-30 09:00”',
    );
    expect(await refused(h, 'olga', 'schedule 1 voting-open="2026-02-28 09:00"')).toContain(
      'Sat 28 Feb 09:00 UTC has already passed',
    );
    expect(
      await refused(h, 'olga', 'schedule 1 voting-open="2026-03-10 09:00" voting-close="2026-03-09 09:00"'),
    ).toBe('Voting closes must come after Voting opens.');
    // nothing of a refused plan was kept
    expect(h.store.state.timetable).toEqual([]);
    expect(h.store.state.jobs).toEqual([]);
    await h.ok('olga', 'nominations open 1');
    expect(await refused(h, 'olga', 'schedule 1 nominations-open=2d')).toMatch(
      /^Nominations open already happened \(Sun 1 Mar 09:00 UTC\)/,
    );
    // only organisers plan
    expect((await h.run('alice', 'schedule 1 voting-open=3d')).kind).toBe('forbidden');
  });

  it('writes the plan and its jobs together, and replaces the jobs when a time changes', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'schedule 1 voting-open="2026-03-10 09:00" voting-close=2d');
    const pending = () =>
      h.store.state.jobs
        .filter((j) => j.status === 'pending')
        .map((j) => `${j.kind} ${j.runAt}`)
        .sort();
    expect(pending()).toEqual([
      'organisers.reminder 2026-03-09T09:00:00.000Z', // publish the candidates: voting opens in a day
      'organisers.reminder 2026-03-12T10:00:00.000Z', // run the count: voting closed an hour ago
      'timetable.step 2026-03-10T09:00:00.000Z',
      'timetable.step 2026-03-12T09:00:00.000Z',
      'voting.reminder 2026-03-11T09:00:00.000Z',
      'voting.reminder 2026-03-12T08:00:00.000Z',
    ]);
    await h.ok('olga', 'schedule 1 voting-close="2026-03-13 09:00"');
    expect(pending()).toEqual([
      'organisers.reminder 2026-03-09T09:00:00.000Z',
      'organisers.reminder 2026-03-13T10:00:00.000Z',
      'timetable.step 2026-03-10T09:00:00.000Z',
      'timetable.step 2026-03-13T09:00:00.000Z',
      'voting.reminder 2026-03-12T09:00:00.000Z',
      'voting.reminder 2026-03-13T08:00:00.000Z',
    ]);
    // and back again: the cancelled jobs are planned again, not lost to their dedupe keys
    await h.ok('olga', 'schedule 1 voting-close="2026-03-12 09:00"');
    expect(pending()).toContain('timetable.step 2026-03-12T09:00:00.000Z');
    expect(pending()).toContain('voting.reminder 2026-03-12T08:00:00.000Z');
    await h.ok('olga', 'schedule 1 voting-close=none');
    expect(pending()).toEqual([
      'organisers.reminder 2026-03-09T09:00:00.000Z',
      'timetable.step 2026-03-10T09:00:00.000Z',
    ]);
    const audit = h.store.state.audit.filter((a) => a.event === 'timetable.set').map((a) => a.data);
    expect(audit.at(-1)).toEqual({ step: 'voting-close', from: '2026-03-12T09:00:00.000Z', to: null });
  });

  it('reads and shows times in the organisation’s zone', async () => {
    const h = harness();
    await draft(h);
    expect(await refused(h, 'olga', 'timezone Mars/Olympus')).toContain('“Mars/Olympus” is not a time zone');
    expect((await h.run('alice', 'timezone Asia/Shanghai')).kind).toBe('ok'); // creators may; anyone may create here
    expect(await h.ok('olga', 'timezone')).toContain('Times are shown in Asia/Shanghai');
    const plan = await h.ok('olga', 'schedule 1 voting-open="2026-03-10 09:00" voting-close=2d');
    expect(plan).toContain('(times in Asia/Shanghai)');
    expect(plan).toContain('Voting opens: Tue 10 Mar 09:00 GMT+8');
    expect(h.store.state.timetable.find((t) => t.step === 'voting-open')?.at).toBe(
      '2026-03-10T01:00:00.000Z',
    );
    expect(await h.ok('alice', 'show 1')).toContain('Next: Voting opens Tue 10 Mar 09:00 GMT+8 (in 9 days).');
    const zh = await h.run('olga', 'timeline 1', { locale: 'zh-CN' });
    expect(zh.reply.body.text).toContain('开始投票：3月10日（周二）09:00 GMT+8（9 天后）');
  });
});

describe('cutting a period short', () => {
  it('refuses a member ending a planned period early, and lets an organiser do it with a reason on record', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('olga', 'schedule 1 voting-close=3d');
    const text = await refused(h, 'olga', 'voting close 1');
    expect(text).toBe(
      'Voting closes is planned for Wed 4 Mar 09:00 UTC (in 3 days). To do it now, add override="the reason" (it is recorded and shown), or change the plan with /election schedule.',
    );
    expect(h.store.state.elections[0].phase).toBe('voting');
    const zh = await refused(h, 'olga', 'voting close 1', { locale: 'zh-CN' });
    expect(zh).toContain('投票截止安排在 3月4日（周三）09:00 UTC（3 天后）');
    await h.ok('olga', 'voting close 1 override="the hall is flooded"');
    expect(h.store.state.elections[0].phase).toBe('closed');
    const override = h.store.state.audit.find((a) => a.event === 'timetable.override');
    expect(override?.data).toMatchObject({
      step: 'voting-close',
      reason: 'the hall is flooded',
      rule: 'timetable',
    });
    expect(override?.actor).toBe('olga');
    // the timeline shows it, and so does the announcement
    expect(await h.ok('alice', 'timeline 1')).toContain(
      'Override Sun 1 Mar 09:00 UTC by <@olga>, Voting closes: the hall is flooded',
    );
    await h.ok('olga', 'count 1');
    // nobody voted: the two candidates tie, and the organisers settle it before announcing
    await h.ok('olga', 'tie decide 1 Secretary 1');
    await h.ok('olga', 'announce 1');
    const results = channelPosts(h).find((p) => p.includes('Objections to the organisers until'))!;
    expect(results).toContain('Override Sun 1 Mar 09:00 UTC by <@olga>, Voting closes: the hall is flooded');
    // the old close job finds the election closed and ends without a second close
    h.clock.advance(4 * DAY);
    await h.core.runJobs();
    expect(h.store.state.audit.filter((a) => a.event === 'phase.closed')).toHaveLength(1);
  });

  it('keeps the result on notice for 3 days (C15) unless overridden, and the election’s own minimum for the candidates', async () => {
    const h = harness();
    await draft(h);
    expect(await refused(h, 'olga', 'configure 1 objection-days=0')).toBe(
      'objection-days=0 is shorter than the 3 days the result must be on public notice (rule C15). To do it anyway, add override="the reason".',
    );
    await h.ok('olga', 'configure 1 candidate-notice-days=2');
    // a plan that leaves the candidates on notice for one day is refused, naming the setting and the end
    expect(await refused(h, 'olga', 'schedule 1 candidates-publish="2026-03-05 09:00" voting-open=1d')).toBe(
      'That would cut the public notice of the candidates short: the election’s candidate-notice-days keeps it open until Sat 7 Mar 09:00 UTC. To do it anyway, add override="the reason" (it is recorded and shown).',
    );
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Secretary');
    await h.ok('carol', 'second 1 1');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'candidates publish 1');
    h.clock.advance(DAY);
    expect(await refused(h, 'olga', 'voting open 1')).toContain(
      'The public notice of the candidates is not over: the election’s candidate-notice-days keeps it open until Tue 3 Mar 09:00 UTC.',
    );
    h.clock.advance(DAY);
    await h.ok('olga', 'voting open 1');
    await h.ok('alice', 'vote 1');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    expect(
      channelPosts(h).some((p) =>
        p.includes('Objections to the organisers until Fri 6 Mar 09:00 UTC (in 3 days)'),
      ),
    ).toBe(true);
    h.clock.advance(2 * DAY);
    expect(await refused(h, 'olga', 'certify 1')).toContain(
      'The public notice of the result is not over: rule C15 keeps it open until Fri 6 Mar 09:00 UTC.',
    );
    await h.ok('olga', 'certify 1 override="the branch meeting voted to certify early"');
    expect(h.store.state.elections[0].phase).toBe('certified');
    expect(h.store.state.audit.find((a) => a.event === 'timetable.override')?.data).toMatchObject({
      step: 'certify',
      rule: 'C15',
      reason: 'the branch meeting voted to certify early',
    });
  });

  it('announces a time changed once the election is under way (L5), and keeps quiet in draft', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'schedule 1 voting-open="2026-03-10 09:00"');
    await h.ok('olga', 'schedule 1 voting-open="2026-03-11 09:00"');
    expect(channelPosts(h).filter((p) => p.includes('has changed'))).toEqual([]);
    await h.ok('olga', 'nominations open 1');
    await h.ok('olga', 'schedule 1 voting-open="2026-03-12 09:00" voting-close=2d');
    const changed = channelPosts(h).filter((p) => p.includes('has changed'));
    expect(changed).toEqual([
      'The timetable of election 1, Branch committee, has changed:\n• Voting opens: Wed 11 Mar 09:00 UTC → Thu 12 Mar 09:00 UTC',
    ]);
  });
});

describe('a cancelled election', () => {
  it('says nothing of its plan when cancelled, and its planned steps end without running', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'schedule 1 nominations-open=1d voting-open=5d voting-close=1d');
    await h.ok('olga', 'cancel 1 "the branch merged"');
    const cancelled = channelPosts(h).find((p) => p.includes('the branch merged'))!;
    expect(cancelled).not.toMatch(/Nominations open|Voting opens|Voting closes/);
    h.clock.advance(8 * DAY);
    await h.core.runJobs();
    expect(h.store.state.elections[0].phase).toBe('cancelled');
    expect(h.store.state.outbox.filter((m) => m.body.text.includes('came due'))).toEqual([]);
    const timeline = await h.ok('olga', 'timeline 1');
    expect(timeline).not.toContain('Next:');
    expect(timeline).not.toContain('Voting opens');
    expect(timeline).toContain('The election was cancelled.');
  });
});

describe('catching up after downtime', () => {
  it('runs what fell due in order, once, and each notice says how late it is', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('olga', 'schedule 1 voting-close="2026-03-01 12:00"');
    // Teller was not running from 09:00 to 14:05
    h.clock.advance(5 * HOUR + 5 * 60_000);
    await h.core.runJobs();
    await h.core.runJobs();
    expect(h.store.state.elections[0].phase).toBe('closed');
    const closed = channelPosts(h).filter((p) => p.includes('is closed'));
    expect(closed).toHaveLength(1);
    expect(closed[0]).toContain(
      'Voting closed at Sun 1 Mar 12:00 UTC; this notice is 2 h 5 min late because Teller was not running.',
    );
    // the 1 h reminder fell due while Teller was down, after voting should have closed: not sent
    expect(h.store.state.outbox.filter((m) => m.purpose === 'reminder')).toEqual([]);
  });

  it('keeps an election’s steps in order when two processes catch up at once', async () => {
    const h = harness();
    const other = harness({ store: h.store, clock: h.clock }); // a second Teller process
    await h.ok('olga', 'create "Branch committee"');
    await h.ok('olga', 'contest add 1 Secretary 1 plurality');
    await h.ok('olga', 'roll add 1 @alice @bob');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Secretary');
    await h.ok('bob', 'second 1 1');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    await h.ok('olga', 'schedule 1 voting-close=1h');
    // the close (10:00) and the organisers' reminder to count (11:00) fell due while Teller was down;
    // two processes start at once: the reminder must not run before the close it is about
    h.clock.advance(3 * HOUR);
    await Promise.all([h.core.runJobs(), other.core.runJobs()]);
    const moves = h.store.state.audit.filter((a) => a.event.startsWith('phase.')).map((a) => a.event);
    expect(moves).toEqual([
      'phase.nominating',
      'phase.reviewing',
      'phase.published',
      'phase.voting',
      'phase.closed',
    ]);
    const countDue = h.store.state.outbox.filter((m) => m.body.text.includes('Run the count'));
    expect(countDue.map((m) => (m.destination.kind === 'dm' ? m.destination.memberId : ''))).toEqual([
      'olga',
    ]);
    expect(h.store.state.jobs.map((j) => `${j.kind} ${j.status}`).sort()).toEqual([
      'organisers.reminder done', // run the count
      'seal done', // the purge the close planned
      'timetable.step done',
    ]);
  });

  it('tells the organisers when the clock cannot carry out a step, and does not retry it', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'schedule 1 voting-open="2026-03-02 09:00"');
    h.clock.advance(DAY);
    await h.core.runJobs();
    h.clock.advance(DAY);
    await h.core.runJobs();
    expect(h.store.state.elections[0].phase).toBe('draft');
    const alerts = h.store.state.outbox.filter(
      (m) =>
        m.destination.kind === 'dm' && m.destination.memberId === 'olga' && m.body.text.includes('came due'),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0].body.text).toContain(
      '“Voting opens” came due, but the election has not reached it yet.',
    );
    expect(h.store.state.jobs.find((j) => j.kind === 'timetable.step')?.status).toBe('failed');
  });
});
