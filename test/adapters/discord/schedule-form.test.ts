// `/election schedule election:1` with no times offers the timetable form on Discord. A modal holds at
// most 5 text inputs, so the 8 steps come in two parts (roll and nominations; candidates, voting and
// result), each with the override reason; the command answers with the timeline and a button per part,
// or opens the one part left at once. Real discord.js over the fake gateway, the real core.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeMessage, InteractionCallback } from '../../fakes/discord/fake-discord.js';
import {
  buttonPress,
  findComponent,
  interact,
  modalSubmit,
  slashCommand,
  type Who,
} from '../../fakes/discord/interactions.js';
import { PastClock } from '../../contract/past-clock.js';
import { textOf } from './discord-driver.js';
import { ok, startRealCore, type RealCore } from './real-core.js';

let rc: RealCore;

beforeEach(async () => {
  rc = await startRealCore({}, new PastClock('2026-03-01T09:00:00Z'));
  await ok(rc, 'olga', 'timezone Asia/Shanghai', true);
  await ok(rc, 'olga', 'create "Branch committee"', true);
  await ok(rc, 'olga', 'contest add 1 Secretary 1 plurality');
  await ok(rc, 'olga', 'roll add 1 @alice @bob');
  await ok(rc, 'olga', 'schedule 1 nominations-open="2026-03-02 09:00"');
});
afterEach(async () => {
  expect(rc.errors).toEqual([]);
  expect(rc.discord.rejected).toEqual([]);
  await rc.stop();
});

const who = (name: string, locale = 'en-US'): Who => ({ ...rc.driver.who(name), locale });
const schedule = (name: string, locale?: string) =>
  interact(
    rc.discord,
    slashCommand(who(name, locale), 'election', [
      { name: 'schedule', type: 1, options: [{ name: 'election', type: 3, value: '1' }] },
    ]),
  );
const shown = (cb: InteractionCallback): FakeMessage => rc.discord.messages.get(`orig:${cb.token}`)!;
const inputsOf = (modal: any) => modal.components.map((row: any) => row.components[0]);
const lastSchedule = () => rc.dispatched.filter((i) => i.command === 'election.schedule').at(-1)!;

async function openPart(name: string, on: FakeMessage, part: 'early' | 'late') {
  const button = findComponent(on, `discord.schedule:op=open;e=1;p=${part}`);
  expect(button, `a button for the ${part} part`).toBeDefined();
  const cb = await interact(rc.discord, buttonPress(who(name), button.custom_id, on));
  expect(cb.type).toBe(9);
  return cb.data;
}

const submit = (name: string, modal: any, fields: Record<string, string>) =>
  interact(rc.discord, modalSubmit(who(name), modal.custom_id, fields));

describe('the schedule form on Discord', () => {
  it('answers with the timeline and a button per part; each part’s modal is prefilled and submits what changed', async () => {
    const cb = await schedule('olga');
    expect(cb.type).toBe(4);
    expect(cb.data.flags & 64).toBe(64);
    expect(textOf(cb)).toContain('Choose which part of the timetable to change. Times are in Asia/Shanghai.');
    expect(textOf(cb)).toContain('Nominations open: Mon 2 Mar 09:00 GMT+8');
    const message = shown(cb);
    expect(message.components[0].components.map((b: any) => b.label)).toEqual([
      'Change: Roll and nominations',
      'Change: Candidates, voting and result',
    ]);

    const early = await openPart('olga', message, 'early');
    expect(early.title).toBe('Election 1: Roll and nominations');
    expect(inputsOf(early).map((c: any) => c.custom_id)).toEqual([
      'rollPublish',
      'rollObjectionsClose',
      'nominationsOpen',
      'nominationsClose',
      'override',
    ]);
    expect(inputsOf(early).map((c: any) => c.label)).toEqual([
      'Roll published',
      'Objections to the roll close',
      'Nominations open',
      'Nominations close',
      'Reason to override a minimum (if needed)',
    ]);
    expect(inputsOf(early).map((c: any) => c.value)).toEqual([
      undefined,
      undefined,
      '2026-03-02 09:00',
      undefined,
      undefined,
    ]);
    expect(inputsOf(early)[0].placeholder).toBe('2026-12-14 09:00 (Asia/Shanghai), 3d, or none');

    const late = await openPart('olga', message, 'late');
    expect(inputsOf(late).map((c: any) => c.custom_id)).toEqual([
      'candidatesPublish',
      'votingOpen',
      'votingClose',
      'certify',
      'override',
    ]);

    const answer = await submit('olga', early, {
      rollPublish: '',
      rollObjectionsClose: '',
      nominationsOpen: '2026-03-02 09:00',
      nominationsClose: '2d',
      override: '',
    });
    expect(lastSchedule()).toMatchObject({
      platform: 'discord',
      actor: { memberId: rc.driver.idOf('olga') },
      command: 'election.schedule',
    });
    expect(lastSchedule().args).toEqual({ election: '1', nominationsClose: '2d' });
    expect(answer.type).toBe(4);
    expect(textOf(answer)).toContain('Nominations close (review begins): Wed 4 Mar 09:00 GMT+8 (in 3 days)');
    // and the buttons again, to go on with the other part
    expect(findComponent(shown(answer), 'discord.schedule:op=open;e=1;p=late')).toBeDefined();
  });

  it('says what was wrong, with the buttons to try again, and changes nothing', async () => {
    const late = await openPart('olga', shown(await schedule('olga')), 'late');
    const answer = await submit('olga', late, { votingClose: 'soon' });
    expect(answer.data.flags & 64).toBe(64);
    expect(textOf(answer)).toMatch(/Voting closes: “soon” is not a time/);
    expect(findComponent(shown(answer), 'discord.schedule:op=open;e=1;p=late')).toBeDefined();
    const again = await openPart('olga', shown(answer), 'late');
    expect(inputsOf(again).find((c: any) => c.custom_id === 'votingClose').value).toBeUndefined();
  });

  it('refuses a modal whose plan changed while it was open', async () => {
    const early = await openPart('olga', shown(await schedule('olga')), 'early');
    await ok(rc, 'olga', 'schedule 1 nominations-open="2026-03-03 09:00"');
    const before = rc.dispatched.length;
    const answer = await submit('olga', early, {
      nominationsClose: '2d',
      nominationsOpen: '2026-03-02 09:00',
    });
    expect(textOf(answer)).toContain(
      'The timetable changed while the form was open, so nothing was changed.',
    );
    expect(textOf(answer)).toContain('Nominations open: Tue 3 Mar 09:00 GMT+8');
    expect(rc.dispatched.slice(before).map((i) => i.args)).toEqual([{ election: '1' }]);
  });

  it('opens the one part left at once', async () => {
    await ok(rc, 'olga', 'roll show 1 publish=yes');
    await ok(rc, 'olga', 'roll objections close 1');
    await ok(rc, 'olga', 'nominations open 1 override="an early start"');
    await ok(rc, 'alice', 'nominate 1 Secretary');
    await ok(rc, 'bob', 'second 1 1');
    await ok(rc, 'olga', 'nominations close 1');
    const cb = await schedule('olga');
    expect(cb.type).toBe(9);
    expect(cb.data.title).toBe('Election 1: Candidates, voting and result');
    expect(inputsOf(cb.data).map((c: any) => c.custom_id)).toEqual([
      'candidatesPublish',
      'votingOpen',
      'votingClose',
      'certify',
      'override',
    ]);
  });

  it('is offered to nobody the core refuses', async () => {
    const cb = await schedule('alice');
    expect(cb.type).toBe(4);
    expect(textOf(cb)).toMatch(/Only the election's organisers/);
    expect(shown(cb).components).toEqual([]);
  });

  it('is in the organiser’s language', async () => {
    const cb = await schedule('olga', 'zh-CN');
    expect(textOf(cb)).toContain('请选择要更改日程的哪一部分。时间按 Asia/Shanghai。');
    const button = findComponent(shown(cb), 'discord.schedule:op=open;e=1;p=late');
    expect(button.label).toBe('更改：候选人、投票与结果');
    const modal = await interact(rc.discord, buttonPress(who('olga', 'zh-CN'), button.custom_id, shown(cb)));
    expect(modal.data.title).toBe('选举 1：候选人、投票与结果');
    expect(inputsOf(modal.data).map((c: any) => c.label)).toContain('投票截止');
  });
});
