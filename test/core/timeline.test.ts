// The timetable (issue 11): a fake clock drives a whole election; every planned step moves on time
// through the command path, each notice and reminder goes once, and a restart catches up and says so.
import { describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.js';

const HOUR = 3_600_000;

/** Set election 1 up to the point where nominations could open: a contest, a roll of five. */
async function draft(h: Harness) {
  await h.ok('olga', 'create "Branch committee"');
  await h.ok('olga', 'contest add 1 Secretary 1 plurality');
  await h.ok('olga', 'roll add 1 @alice @bob @carol @dave @erin');
}

/** what the election's channel was told, without the audit checkpoints */
const channelPosts = (h: Harness) =>
  h.store.state.outbox
    .filter((m) => m.destination.kind === 'channel' && m.purpose !== 'checkpoint')
    .map((m) => m.body.text);
const dmsTo = (h: Harness, member: string) =>
  h.store.state.outbox.filter((m) => m.destination.kind === 'dm' && m.destination.memberId === member);
const phase = (h: Harness) => h.store.state.elections[0].phase;

/** Run due jobs at each hour up to `until`, as the job loop would. */
async function runUntil(h: Harness, until: Date, step = HOUR) {
  while (h.clock.time < until) {
    h.clock.advance(Math.min(step, until.getTime() - h.clock.time.getTime()));
    await h.core.runJobs();
  }
}

describe('a timetable run by the clock', () => {
  it('moves every planned phase on time, posts each notice once, and reminds only those who have not voted', async () => {
    const h = harness(); // 2026-03-01 09:00 UTC, a Sunday
    await draft(h);
    const plan = await h.ok(
      'olga',
      'schedule 1 nominations-open="2026-03-02 09:00" nominations-close=2d candidates-publish=1d voting-open=1d voting-close=1d',
    );
    expect(plan).toContain('Nominations open: Mon 2 Mar 09:00 UTC (in 24 h)');
    expect(plan).toContain('Voting closes: Sat 7 Mar 09:00 UTC (in 6 days)');
    expect(plan).toMatch(/Next: Nominations open Mon 2 Mar 09:00 UTC \(in 24 h\)\./);

    await runUntil(h, new Date('2026-03-02T09:00:00Z'));
    expect(phase(h)).toBe('nominating');
    expect(channelPosts(h).at(-1)).toMatch(/Nominations close Wed 4 Mar 09:00 UTC \(in 2 days\)\./);
    await h.ok('alice', 'nominate 1 Secretary');
    await h.ok('carol', 'second 1 1');
    await h.ok('bob', 'nominate 1 Secretary');
    await h.ok('dave', 'second 1 2');
    // a nominee asked to act is told until when
    await h.ok('carol', 'nominate 1 Secretary @erin');
    expect(dmsTo(h, 'erin').at(-1)?.body.text).toContain(
      'Nominations close Wed 4 Mar 09:00 UTC (in 2 days).',
    );

    await runUntil(h, new Date('2026-03-04T09:00:00Z'));
    expect(phase(h)).toBe('reviewing');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'review approve 1 2');
    await runUntil(h, new Date('2026-03-06T09:00:00Z'));
    expect(phase(h)).toBe('voting');
    // the ballot DM carries the deadline
    expect(dmsTo(h, 'erin').find((d) => d.purpose === 'ballot')?.body.text).toContain(
      'Voting closes Sat 7 Mar 09:00 UTC (in 24 h).',
    );

    await h.ok('alice', 'vote 1');
    const alice = await h.core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: 'alice' },
      command: 'ballot.cast',
      args: { election: 1, contest: 1, choices: '1' },
    });
    expect(alice.kind).toBe('ok');

    await runUntil(h, new Date('2026-03-07T09:00:00Z'), 30 * 60_000);
    expect(phase(h)).toBe('closed');
    // the 24 h reminder fell at the moment voting opened (too late to plan); the 1 h one went once
    const reminders = (m: string) => dmsTo(h, m).filter((d) => d.purpose === 'reminder');
    expect(reminders('alice')).toHaveLength(0);
    for (const m of ['bob', 'carol', 'dave', 'erin']) {
      expect(reminders(m)).toHaveLength(1);
      expect(reminders(m)[0].body.text).toContain('Voting closes Sat 7 Mar 09:00 UTC (in 1 h).');
    }
    // every phase's notice went out once
    const posts = channelPosts(h);
    for (const start of ['Nominations are open', 'Voting is open', 'Voting has closed'])
      expect(posts.filter((p) => p.includes(start)).length, start).toBeLessThanOrEqual(1);
    // the clock's moves are audited as the organisers' are, by Teller
    const moves = h.store.state.audit.filter((a) => a.event.startsWith('phase.'));
    expect(moves.map((a) => a.event)).toEqual([
      'phase.nominating',
      'phase.reviewing',
      'phase.published',
      'phase.voting',
      'phase.closed',
    ]);
    expect(h.errors).toEqual([]);
  });
});

describe('deadlines in the reader’s zone and reminders to organisers', () => {
  it('shows a member their own zone where the platform told it, and the organisation’s otherwise', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'timezone Europe/London');
    // the platform told Teller bob's zone and language with one of his commands (Slack does)
    const bob = await h.core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: 'bob', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
      command: '',
      args: { text: 'help' },
    });
    expect(bob.kind).toBe('ok');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Secretary');
    await h.ok('carol', 'second 1 1');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'schedule 1 voting-open=1h voting-close="2026-03-03 17:00"');
    await runUntil(h, new Date('2026-03-01T10:00:00Z'));
    expect(phase(h)).toBe('voting');
    expect(dmsTo(h, 'bob')[0].body.text).toContain('投票截止于 3月4日（周三）01:00 GMT+8（2 天后）。');
    expect(dmsTo(h, 'erin')[0].body.text).toContain('Voting closes Tue 3 Mar 17:00 GMT (in 2 days).');
    // the channel reads the organisation's zone
    expect(channelPosts(h).find((p) => p.includes('Voting in election 1'))).toContain(
      'Voting closes Tue 3 Mar 17:00 GMT (in 2 days).',
    );
  });

  it('reminds organisers of their own deadlines once, and not when the work is done', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'organiser add 1 @oscar');
    await h.ok('olga', 'schedule 1 nominations-open=1h nominations-close=1d candidates-publish=2d');
    await runUntil(h, new Date('2026-03-01T10:00:00Z'));
    await h.ok('alice', 'nominate 1 Secretary');
    await h.ok('carol', 'second 1 1');
    await runUntil(h, new Date('2026-03-02T10:00:00Z'));
    await h.ok('olga', 'review approve 1 1');
    await runUntil(h, new Date('2026-03-04T10:00:00Z'));
    const told = (m: string, about: RegExp) => dmsTo(h, m).filter((d) => about.test(d.body.text)).length;
    // the review ends in a day: each organiser told once
    expect(told('olga', /review of nominations ends in a day/)).toBe(1);
    expect(told('oscar', /review of nominations ends in a day/)).toBe(1);
    expect(phase(h)).toBe('published');
    await h.ok('olga', 'schedule 1 voting-open=1h voting-close=1d');
    await runUntil(h, new Date('2026-03-05T12:00:00Z'));
    expect(phase(h)).toBe('closed');
    expect(told('olga', /Run the count/)).toBe(1);
    // counted before its reminder: nobody is told to count
    const g = harness();
    await draft(g);
    await g.ok('olga', 'nominations open 1');
    await g.ok('alice', 'nominate 1 Secretary');
    await g.ok('carol', 'second 1 1');
    await g.ok('olga', 'nominations close 1');
    await g.ok('olga', 'review approve 1 1');
    await g.ok('olga', 'candidates publish 1');
    await g.ok('olga', 'voting open 1');
    await g.ok('olga', 'schedule 1 voting-close=1h');
    await runUntil(g, new Date('2026-03-01T10:00:00Z'));
    await g.ok('olga', 'count 1');
    await runUntil(g, new Date('2026-03-01T12:00:00Z'));
    expect(dmsTo(g, 'olga').filter((d) => /Run the count/.test(d.body.text))).toEqual([]);
  });

  it('asks the scrutineers to confirm the count, and reminds only those who have not a day later', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'scrutineer add 1 @sam');
    await h.ok('olga', 'scrutineer add 1 @sue');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Secretary');
    await h.ok('carol', 'second 1 1');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const asked = (m: string) => dmsTo(h, m).filter((d) => d.body.text.includes('count confirm 1')).length;
    expect([asked('sam'), asked('sue'), asked('olga')]).toEqual([1, 1, 0]);
    await h.ok('sam', 'count confirm 1');
    await runUntil(h, new Date('2026-03-02T10:00:00Z'));
    expect(dmsTo(h, 'sue').filter((d) => d.body.text.includes('waited a day'))).toHaveLength(1);
    expect(dmsTo(h, 'sam').filter((d) => d.body.text.includes('waited a day'))).toHaveLength(0);
  });

  it('publishes the roll and closes its objections on time, saying until when members may object', async () => {
    const h = harness();
    await draft(h);
    await h.ok('olga', 'configure 1 roll-objection-days=5');
    // five days is the election's minimum: four is refused
    const short = await h.run('olga', 'schedule 1 roll-publish=1d roll-objections-close=4d');
    expect(short.reply.body.text).toContain(
      'the election’s roll-objection-days keeps it open until Sat 7 Mar 09:00 UTC',
    );
    await h.ok('olga', 'schedule 1 roll-publish=1d roll-objections-close=5d');
    await runUntil(h, new Date('2026-03-02T09:00:00Z'));
    const published = channelPosts(h).find((p) => p.includes('<@alice>'))!;
    expect(published).toContain('can object to the organisers until Sat 7 Mar 09:00 UTC (in 5 days).');
    await runUntil(h, new Date('2026-03-07T09:00:00Z'));
    expect(channelPosts(h).filter((p) => p.includes('Objections to the roll of election 1'))).toHaveLength(1);
    const events = h.store.state.audit.map((a) => a.event);
    expect(events.filter((e) => e === 'roll.published')).toHaveLength(1);
    expect(events.filter((e) => e === 'roll.objections_closed')).toHaveLength(1);
  });
});
