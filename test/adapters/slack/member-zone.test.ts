// Slack's payloads do not carry the member's time zone; users.info does (`tz`, from the member's own
// preferences). The adapter passes it on as actor.timeZone, and for members named in a command as their
// profile's timeZone, so the core can write each member's deadlines in their own zone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zoneFields } from '../../fakes/slack/zones.js';
import { ok } from '../../fakes/slack/fake-core.js';
import { buttonPayload, startHttp, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHttp();
  h.core.handler = () => ok('done');
});
afterEach(async () => h.stop());

describe('the member’s zone on Slack', () => {
  it('comes from users.info tz, for slash commands and for buttons', async () => {
    h.fake.users.set('U1', { id: 'U1', locale: 'zh-CN', tz: 'Asia/Shanghai' });
    await h.command('/election', 'list');
    await h.interact(buttonPayload(h.fake, 'help', 'U1'));
    expect(h.core.invocations).toHaveLength(2);
    for (const inv of h.core.invocations)
      expect(inv.actor).toMatchObject({ memberId: 'U1', locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    // what the fake answered is what Slack answers: the zone, its name now and its offset in seconds
    const user = (await (
      await fetch(`${h.fake.apiUrl}users.info`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'user=U1&include_locale=true',
      })
    ).json()) as { user: Record<string, unknown> };
    expect(user.user).toMatchObject({
      tz: 'Asia/Shanghai',
      tz_label: 'China Standard Time',
      tz_offset: 28_800,
    });
  });

  it('is the workspace default when the member set none, and absent when Slack says nothing', async () => {
    h.fake.users.set('U1', { id: 'U1', locale: 'en-US' });
    await h.command('/election', 'list');
    expect(h.core.invocations[0].actor.timeZone).toBe('America/Los_Angeles');

    await h.stop();
    h = await startHttp();
    h.core.handler = () => ok('done');
    h.fake.users.set('U1', { id: 'U1', locale: 'en-US', tz: null });
    await h.command('/election', 'list');
    expect(h.core.invocations[0].actor).not.toHaveProperty('timeZone');
  });

  it('goes with members named in a command, from the member list and from users.info', async () => {
    h.fake.users.set('U1', { id: 'U1', name: 'olga', tz: 'Europe/London' });
    h.fake.users.set('UMEI', { id: 'UMEI', name: 'mei', locale: 'zh-CN', tz: 'Asia/Shanghai' });
    h.fake.users.set('UJOE', { id: 'UJOE', name: 'joe', locale: 'en-US', tz: 'America/New_York' });
    // a typed name reads the member list; a picked mention is looked up alone
    await h.command('/election', 'roll add 1 @mei <@UJOE|joe>');
    const inv = h.core.invocations.at(-1)!;
    expect(inv.args).toEqual({ text: 'roll add 1 <@UMEI> <@UJOE|joe>' });
    expect(inv.profiles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: 'UMEI', locale: 'zh-CN', timeZone: 'Asia/Shanghai' }),
        expect.objectContaining({ memberId: 'UJOE', locale: 'en-US', timeZone: 'America/New_York' }),
      ]),
    );
    expect(inv.actor.timeZone).toBe('Europe/London');
  });
});

describe('the fake’s zone fields', () => {
  it('change with daylight saving time, as Slack’s do', () => {
    expect(zoneFields('America/Los_Angeles', new Date('2026-01-15T12:00:00Z'))).toEqual({
      tz: 'America/Los_Angeles',
      tz_label: 'Pacific Standard Time',
      tz_offset: -28_800,
    });
    expect(zoneFields('America/Los_Angeles', new Date('2026-07-15T12:00:00Z'))).toMatchObject({
      tz_label: 'Pacific Daylight Time',
      tz_offset: -25_200,
    });
    expect(zoneFields('Asia/Kolkata', new Date('2026-07-15T12:00:00Z')).tz_offset).toBe(19_800);
  });
});
