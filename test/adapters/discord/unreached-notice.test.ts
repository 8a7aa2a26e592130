// Ballots that could not be delivered are told to the organisers, privately, and a restart of the bot
// in the middle of the fan-out loses nothing (issue 9: the channel to report to was only remembered in
// the memory of the process that posted the voting-open notice, and the whole channel was told).
import { afterEach, describe, expect, it } from 'vitest';
import { textOf } from './discord-driver.js';
import { CHANNEL, until } from './harness.js';
import { electionInVoting, ok, startRealCore, type RealCore } from './real-core.js';

const FAST = { limits: { global: { ratePerSecond: 200, burst: 50 }, buckets: {} } };
const texts = (ms: { embeds: any[] }[]) => ms.map((m) => textOf({ data: m }));

describe('ballots that could not be delivered', () => {
  let rc: RealCore;
  afterEach(() => rc.stop());

  it('are told to every organiser by DM, with the count only, after a restart mid fan-out, and once', async () => {
    rc = await startRealCore({ delivery: FAST });
    const voters = ['ann', 'bea', 'cyd', 'dan', 'eve'];
    rc.discord.closedDms.add(rc.driver.idOf('bea'));
    rc.discord.closedDms.add(rc.driver.idOf('dan'));
    // the first process posts to the channel but cannot open a single DM before it stops
    rc.discord.faults.push({ method: 'POST', path: /^\/users\/@me\/channels$/, status: 500, times: 100_000 });
    await electionInVoting(rc, {
      candidates: ['ann', 'cyd'],
      voters,
      beforeVoting: async () => void (await ok(rc, 'olga', 'organiser add 1 @oscar')),
    });
    await until(() => texts(rc.discord.messagesIn(CHANNEL)).some((t) => /Voting is open/.test(t)), 10_000);
    const open = texts(rc.discord.messagesIn(CHANNEL)).find((t) => /Voting is open/.test(t))!;
    // the post says what is true when it is made: ballots are on their way, not delivered
    expect(open).toMatch(/A private ballot is on its way to each of the 5 members on the roll/);
    expect(open).not.toMatch(/have been sent/);
    expect(voters.every((v) => rc.driver.ballotDms(v).length === 0)).toBe(true);

    // a new process, with none of the first one's memory, finishes the fan-out
    rc.discord.faults.length = 0;
    await rc.restart({ delivery: FAST });
    const told = (name: string) =>
      texts(rc.dms(name)).filter((t) => /could not be sent their ballot/.test(t));
    await until(() => told('olga').length > 0 && told('oscar').length > 0, 15_000);
    expect(told('olga')[0]).toMatch(
      /^Election 1 "Board 2026": 2 of 5 members could not be sent their ballot by direct message/,
    );
    expect(told('oscar')).toEqual(told('olga'));
    for (const v of ['ann', 'cyd', 'eve']) expect(rc.driver.ballotDms(v), v).toHaveLength(1);
    // only the count: nobody is named, and the channel is not told
    for (const v of ['bea', 'dan']) expect(JSON.stringify(rc.dms('olga'))).not.toContain(rc.driver.idOf(v));
    expect(texts(rc.discord.messagesIn(CHANNEL)).filter((t) => /could not/.test(t))).toEqual([]);
    // voters are not told about others
    expect(texts(rc.dms('ann')).filter((t) => /could not/.test(t))).toEqual([]);

    // the same count reported again, by this process or another, is not told again
    const [election] = await rc.opened.database.db.selectFrom('elections').select('id').execute();
    await rc.core.reportDelivery({ electionId: election.id, purpose: 'ballot' });
    await rc.restart({ delivery: FAST });
    await rc.core.reportDelivery({ electionId: election.id, purpose: 'ballot' });
    await rc.deliver();
    expect(told('olga')).toHaveLength(1);
    expect(told('oscar')).toHaveLength(1);
    expect(rc.errors).toEqual([]);
  });

  it('are not mentioned when every ballot arrived', async () => {
    rc = await startRealCore();
    await electionInVoting(rc, { candidates: ['ann', 'cyd'], voters: ['ann', 'cyd', 'eve'] });
    await rc.restart({ delivery: FAST });
    await until(() => ['ann', 'cyd', 'eve'].every((v) => rc.driver.ballotDms(v).length === 1), 10_000);
    const [election] = await rc.opened.database.db.selectFrom('elections').select('id').execute();
    await rc.core.reportDelivery({ electionId: election.id, purpose: 'ballot' });
    await rc.deliver();
    expect(texts(rc.dms('olga')).filter((t) => /could not/.test(t))).toEqual([]);
  });
});
