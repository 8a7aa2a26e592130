// A ranking typed in the "Type my ranking" modal goes to the core as typed: the core, not the adapter,
// decides what is a valid ranking (issue 9: "Dan first" used to lose its letters in the adapter and
// become an empty, blank ballot, and the election could then elect nobody).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findComponent } from '../../fakes/discord/interactions.js';
import { textOf } from './discord-driver.js';
import { electionInVoting, startRealCore, type RealCore } from './real-core.js';

describe('a typed ranking on Discord', () => {
  let rc: RealCore;
  beforeEach(async () => {
    rc = await startRealCore();
    await electionInVoting(rc, { candidates: ['ann', 'bea', 'dan'], voters: ['vic'] });
    await rc.deliver();
  });
  afterEach(() => rc.stop());

  async function typeRanking(typed: string) {
    const vic = rc.voterInDm('vic');
    const dm = rc.driver.ballotDms('vic').at(-1)!;
    const { message } = await vic.press(dm, 'ballot.get');
    const modal = (await vic.press(message, 'discord.ballot:op=typed')).cb;
    expect(modal.type).toBe(9);
    return vic.submitModal(message, modal.data.custom_id, { ranking: typed });
  }

  it("refuses text that names no candidate number with the core's message, and records nothing", async () => {
    const { cb, message } = await typeRanking('Dan first');
    expect(cb.type).toBe(7);
    expect(textOf({ data: message })).toMatch(/"Dan" is not a candidate number \(1 to 3\)/);
    expect(textOf({ data: message })).not.toMatch(/recorded/i);
    // the ballot stays on screen to be fixed
    expect(findComponent(message, 'discord.ballot:op=typed')).toBeDefined();
    expect(await rc.castCount()).toBe(0);
    // and no receipt DM: a refused cast queues nothing
    await rc.deliver();
    expect(rc.dms('vic').filter((m) => /receipt/i.test(textOf({ data: m })))).toEqual([]);
  });

  it('accepts numbers separated by spaces, commas or ">" alike, because the core reads them', async () => {
    let { message } = await typeRanking('3, 1 2');
    expect(textOf({ data: message })).toMatch(/Your ballot for Chair is recorded/);
    expect(await rc.castCount()).toBe(1);
    ({ message } = await typeRanking('2>3'));
    expect(textOf({ data: message })).toMatch(/replaces your earlier one/);
    expect(await rc.castCount()).toBe(1);
  });
});
