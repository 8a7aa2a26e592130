// The receipt DM on Discord, as on Slack: the core queues it with the cast, the outbound queue delivers
// it, and a later cast edits it instead of sending another (issue 9: Discord voters kept no record).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textOf } from './discord-driver.js';
import { electionInVoting, startRealCore, type RealCore } from './real-core.js';

describe('the receipt DM on Discord', () => {
  let rc: RealCore;
  beforeEach(async () => {
    rc = await startRealCore();
    await electionInVoting(rc, { candidates: ['ann', 'cyd'], voters: ['vic'], method: 'plurality' });
    await rc.deliver();
  });
  afterEach(() => rc.stop());

  async function vote(candidate: string): Promise<string> {
    const vic = rc.voterInDm('vic');
    let { message } = await vic.press(rc.driver.ballotDms('vic').at(-1)!, 'ballot.get');
    ({ message } = await vic.pick(message, 'discord.ballot:op=marks', [candidate]));
    ({ message } = await vic.press(message, 'discord.ballot:op=submit'));
    const code = /Receipt: (\S+)/.exec(textOf({ data: message }))?.[1];
    if (!code) throw new Error(`no receipt in ${textOf({ data: message })}`);
    return code;
  }

  const receiptDms = () => rc.dms('vic').filter((m) => /receipt code/i.test(textOf({ data: m })));

  it('arrives after a cast with the code only, and a change of mind edits it in place', async () => {
    const code = await vote('1');
    await rc.deliver();
    expect(receiptDms()).toHaveLength(1);
    const dm = receiptDms()[0];
    expect(textOf({ data: dm })).toMatch(
      new RegExp(`Your ballot in election 1 "Board 2026" is recorded. Your receipt code is ${code}`),
    );
    expect(textOf({ data: dm })).toContain(`Receipt: ${code}`);
    // never a choice or a candidate: the DM channel can be exported
    expect(JSON.stringify(dm)).not.toMatch(/Ann|Cyd/);
    expect(dm.components).toEqual([]);

    expect(await vote('2')).toBe(code);
    await rc.deliver();
    expect(receiptDms()).toHaveLength(1);
    expect(receiptDms()[0]).toMatchObject({ id: dm.id, edits: 1 });
    expect(textOf({ data: receiptDms()[0] })).toMatch(
      new RegExp(`with your latest change. Your receipt code is still ${code}`),
    );
    // the ballot DM and the receipt DM: nothing else reached the voter
    expect(rc.dms('vic')).toHaveLength(2);
    expect(rc.errors).toEqual([]);
  });
});
