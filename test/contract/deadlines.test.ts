// Deadlines appear in DMs on Slack, Discord and the console, in both languages (issue 11). Each platform
// runs the real adapter on the real core: voting-close is planned, voting opens, and the ballot DM the
// platform delivered says when voting closes, in the member's language; on Slack in the member's own zone
// (users.info tz), elsewhere in the organisation's. Then the core's clock passes the 24-hour reminder, the
// job runs (core.runJobs, as the composition root's timer would), and the reminder DM says it again.
import { afterEach, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../adapters/console/console.js';
import { createCore } from '../../src/core/index.js';
import { createDeliveryQueue, createPlatformState, createStore } from '../../src/storage/index.js';
import { textOf } from '../adapters/discord/discord-driver.js';
import { ok, startRealCore } from '../adapters/discord/real-core.js';
import { startSlackReal, uid } from '../adapters/slack/real-core.js';
import { interact, slashCommand } from '../fakes/discord/interactions.js';
import { openTestDatabase, testDatabases } from '../storage/databases.js';
import { PastClock } from './past-clock.js';

const HOUR = 3_600_000;
/** Sunday 1 March 2026, 09:00 UTC: voting opens now and closes on Wednesday at 09:00 in the organisation's zone (UTC) */
const START = '2026-03-01T09:00:00Z';
const CLOSE = '2026-03-04 09:00';

/** everything up to voting, as organisers and members type it after /election */
const SETUP: [who: string, line: string][] = [
  ['olga', 'create "Board 2026"'],
  ['olga', 'configure 1 seconders=0'],
  ['olga', 'contest add 1 Chair 1 plurality'],
  ['olga', 'roll add 1 @ann @mei @cat @dan'],
  ['olga', 'nominations open 1'],
  ['cat', 'nominate 1 Chair'],
  ['dan', 'nominate 1 Chair'],
  ['olga', 'nominations close 1'],
  ['olga', 'review approve 1 1'],
  ['olga', 'review approve 1 2'],
  ['olga', 'candidates publish 1'],
];

const EN_UTC = 'Voting closes Wed 4 Mar 09:00 UTC (in 3 days).';
const ZH_UTC = '投票截止于 3月4日（周三）09:00 UTC（3 天后）。';
const EN_UTC_24H = 'Voting closes Wed 4 Mar 09:00 UTC (in 24 h).';
const ZH_UTC_24H = '投票截止于 3月4日（周三）09:00 UTC（24 小时后）。';

/** the reminders among a member's DMs (core catalog: voting.reminder), and their ballot DM (voting.dm_title) */
const reminder = (texts: string[]) => texts.filter((t) => /You have not voted yet|你还没有在/.test(t));
const ballotOf = (texts: string[]) =>
  texts.find((t) => /Your ballot: Board 2026|你的选票：Board 2026/.test(t)) ?? '';

describe('deadlines in DMs', () => {
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  it('on Slack: in each member’s language and own zone (users.info tz), in the ballot and the 24 h reminder', async () => {
    const clock = new PastClock(START);
    const s = await startSlackReal(clock);
    stops.push(s.stop);
    s.fake.users.set(uid('olga'), { id: uid('olga'), name: 'olga', locale: 'en-GB', tz: 'Europe/London' });
    s.fake.users.set(uid('ann'), { id: uid('ann'), name: 'ann', locale: 'en-US', tz: 'America/New_York' });
    s.fake.users.set(uid('mei'), { id: uid('mei'), name: 'mei', locale: 'zh-CN', tz: 'Asia/Shanghai' });
    s.fake.users.set(uid('cat'), { id: uid('cat'), name: 'cat', locale: 'en-US', tz: 'UTC' });
    s.fake.users.set(uid('dan'), { id: uid('dan'), name: 'dan', locale: 'en-US', tz: 'UTC' });
    const type = async (who: string, line: string) => {
      const ack = await s.type(
        who,
        line.replace(/@([a-z]+)/g, (_, n: string) => `<@${uid(n)}>`),
      );
      expect(ack?.text ?? '', line).not.toMatch(/not possible|needs fixing|Only |went wrong|There is no/);
    };
    for (const [who, line] of SETUP) await type(who, line);
    await type('olga', `schedule 1 voting-close="${CLOSE}"`);
    await type('olga', 'voting open 1');
    await s.drain();
    // the same instant, Wednesday 09:00 UTC, as each of them reads it
    const ballot = (m: string) => ballotOf(s.dms(m));
    expect(ballot('ann')).toContain('Voting closes Wed 4 Mar 04:00 EST (in 3 days).');
    expect(ballot('mei')).toContain('投票截止于 3月4日（周三）17:00 GMT+8（3 天后）。');
    expect(ballot('cat')).toContain(EN_UTC);
    expect(ballot('ann')).not.toContain('UTC');
    // the DMs went to each member's IM channel with the bot
    expect(s.fake.callsOf('chat.postMessage').some((c) => c.params.channel === uid('mei'))).toBe(true);

    // cat votes; the others are reminded 24 h before close, and only they
    await s.core.dispatch({
      platform: 'slack',
      platformOrgId: 'T1',
      actor: { memberId: uid('cat') },
      command: 'ballot.cast',
      args: { election: 1, contest: 1, choices: '1' },
    });
    clock.advance(2 * 24 * HOUR);
    await s.core.runJobs();
    await s.drain();
    expect(reminder(s.dms('ann'))).toHaveLength(1);
    expect(reminder(s.dms('ann'))[0]).toContain('Voting closes Wed 4 Mar 04:00 EST (in 24 h).');
    expect(reminder(s.dms('mei'))[0]).toContain('投票截止于 3月4日（周三）17:00 GMT+8（24 小时后）。');
    expect(reminder(s.dms('cat'))).toHaveLength(0);
    expect(s.errors).toEqual([]);
  });

  it('on Discord: in each member’s language (the interaction locale), in the organisation’s zone', async () => {
    const clock = new PastClock(START);
    const rc = await startRealCore({}, clock);
    stops.push(rc.stop);
    // mei uses Discord in Chinese: Teller learns it from her own interaction
    const list = await interact(
      rc.discord,
      slashCommand({ ...rc.driver.who('mei'), locale: 'zh-CN' }, 'election', [
        { name: 'list', type: 1, options: [] },
      ]),
    );
    expect(list.type).toBe(4);
    for (const [who, line] of SETUP) await ok(rc, who, line, who === 'olga');
    const planned = await rc.driver.run('olga', 'election.schedule', { election: '1', votingClose: CLOSE });
    expect(textOf(planned)).toContain('Voting closes: Wed 4 Mar 09:00 UTC (in 3 days)');
    const opened = await rc.driver.run('olga', 'voting.open', { election: '1' });
    expect(textOf(opened)).not.toMatch(/not possible|Only /);
    await rc.deliver();
    const ballot = (m: string) => ballotOf(rc.driver.ballotDms(m).map((d) => textOf({ data: d })));
    expect(ballot('ann')).toContain(EN_UTC);
    expect(ballot('mei')).toContain(ZH_UTC);

    await ok(rc, 'cat', 'cast 1 1 1');
    clock.advance(2 * 24 * HOUR);
    await rc.core.runJobs();
    await rc.deliver();
    const texts = (m: string) => rc.dms(m).map((d) => textOf({ data: d }));
    expect(reminder(texts('ann'))).toEqual([expect.stringContaining(EN_UTC_24H)]);
    expect(reminder(texts('mei'))).toEqual([expect.stringContaining(ZH_UTC_24H)]);
    expect(reminder(texts('cat'))).toEqual([]);
    expect(rc.errors).toEqual([]);
  });

  it.each([
    ['English', undefined, EN_UTC, EN_UTC_24H],
    ['Simplified Chinese', 'zh-Hans', ZH_UTC, ZH_UTC_24H],
  ])('on the console: in the organisation’s language, %s', async (_name, language, inBallot, inReminder) => {
    const clock = new PastClock(START);
    const opened = await openTestDatabase(testDatabases[0]);
    stops.push(opened.dispose);
    const errors: string[] = [];
    const delivery = createDeliveryQueue(opened.database);
    const core = createCore({
      store: createStore(opened.database),
      delivery,
      platformState: createPlatformState(opened.database),
      clock,
      serverSecret: 'console-deadline-test-secret',
      logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
    });
    const printed: string[] = [];
    const session = new ConsoleSession(core, { delivery, member: 'olga', write: (t) => printed.push(t) });
    const type = async (who: string, line: string) => {
      session.member = who;
      await session.handleLine(`/election ${line}`);
      expect(session.lastResult?.kind, `${who}: ${line}`).toBe('ok');
    };
    if (language) await type('olga', `language ${language}`);
    for (const [who, line] of SETUP) await type(who, line);
    await type('olga', `schedule 1 voting-close="${CLOSE}"`);
    await type('olga', 'voting open 1');
    const dmsTo = (m: string) => printed.filter((p) => p.startsWith(`[DM to @${m}]`));
    expect(ballotOf(dmsTo('ann'))).toContain(inBallot);
    expect(ballotOf(dmsTo('mei'))).toContain(inBallot);
    expect(ballotOf(dmsTo('mei'))).toContain('/election vote 1');

    await type('cat', 'cast 1 1 1');
    clock.advance(2 * 24 * HOUR);
    await core.runJobs();
    await session.deliver();
    expect(reminder(dmsTo('ann'))).toEqual([expect.stringContaining(inReminder)]);
    expect(reminder(dmsTo('cat'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
