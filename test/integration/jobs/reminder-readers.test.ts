// A planned reminder reaches each voter in their own language and time zone, as Teller last heard them,
// on real storage (the reminder reads every voter's profile in one go: members.getMany), and a voter
// Teller knows nothing of gets the organisation's.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type Opened, testDatabases } from '../../storage/databases.js';
import { tellerOn, TestClock } from '../forensics/forensics.js';
import { ORGANISER, outbox, publishedElection, voterIds } from './timeline-fixtures.js';

describe.each(testDatabases)('reminders in each voter’s language on $label', (target) => {
  let opened: Opened | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  it('speaks Chinese in Shanghai time to the voter who uses both, English in UTC to the rest', async () => {
    opened = await openTestDatabase(target);
    const { database } = opened;
    const clock = new TestClock();
    clock.time = new Date('2026-03-10T06:00:00.000Z');
    const t = tellerOn(database, { clock });
    const [li, ann, ...rest] = voterIds(1, 5);
    await publishedElection(t, clock, 1, [li!, ann!, ...rest]);
    // Li last used Teller from a Chinese client in Shanghai
    const seen = await t.core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: li!, displayName: 'Li', locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
      channelId: 'general',
      command: '',
      args: { text: 'timeline 1' },
    });
    expect(seen.kind).toBe('ok');
    clock.advance(1_000);
    await t.ok(ORGANISER, 'voting open 1');
    await t.ok(ann!, 'cast 1 1 1');
    await t.ok(ORGANISER, 'schedule 1 voting-close="2026-03-10 10:00"');

    clock.time = new Date('2026-03-10T09:00:00.000Z');
    expect(await t.core.runJobs()).toBe(1);
    expect(t.errors).toEqual([]);
    const reminders = (await outbox(database)).filter((p) => p.purpose === 'reminder');
    const to = (m: string) => reminders.filter((p) => p.memberId === m).map((p) => p.text);
    expect(to(li!)).toEqual([
      expect.stringMatching(/^你还没有在"Committee 1"中投票。[\s\S]*3月10日（周二）18:00 GMT\+8/),
    ]);
    expect(to(ann!)).toEqual([]);
    for (const m of rest)
      expect(to(m)).toEqual([
        expect.stringMatching(
          /^You have not voted yet in "Committee 1"\.[\s\S]*Voting closes Tue 10 Mar 10:00 UTC \(in 1 h\)\./,
        ),
      ]);
  });
});
