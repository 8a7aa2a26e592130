// Typed names through the real Bolt app: with should_escape: false Slack sends `@carol` as typed (only a
// member picked from autocomplete arrives as <@U…|carol>), so the adapter looks names up with
// users.list / conversations.list (paginated, cached) and hands the core ids. Unknown or ambiguous
// names are refused, naming the name, and never reach the core.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttp, submission, waitFor, type Harness } from './harness.js';
import { ok } from '../../fakes/slack/fake-core.js';

let h: Harness;

async function say(text: string, command = '/election'): Promise<string> {
  const res = await h.command(command, text);
  return ((await res.json()) as { text: string }).text;
}

beforeEach(async () => {
  h = await startHttp();
  h.core.handler = () => ok('done');
  h.fake.users.set('U1', { id: 'U1', name: 'olga', locale: 'en-US', real_name: 'Olga' });
  // more members than one page holds (the fake answers 2 per page, as Slack may answer fewer than asked)
  h.fake.users.set('UANN', {
    id: 'UANN',
    name: 'ann',
    real_name: 'Ann Lee',
    profile: { display_name: 'ann' },
    locale: 'en-GB',
    tz: 'Europe/London',
  });
  h.fake.users.set('UBOT1', { id: 'UBOT1', name: 'carol', is_bot: true });
  h.fake.users.set('UOLD', { id: 'UOLD', name: 'carol.old', real_name: 'Carol', deleted: true });
  h.fake.users.set('USAM1', {
    id: 'USAM1',
    name: 'sam.wu',
    real_name: 'Sam Wu',
    profile: { display_name: 'Sam' },
  });
  h.fake.users.set('USAM2', {
    id: 'USAM2',
    name: 'sam.li',
    real_name: 'Sam Li',
    profile: { display_name: 'Sam' },
  });
  h.fake.users.set('UCAROL', {
    id: 'UCAROL',
    name: 'carol.chen',
    real_name: 'Carol Chen',
    profile: { display_name: 'carol' },
    locale: 'zh-CN',
    tz: 'Asia/Shanghai',
  });
  h.fake.channels.set('C1', { id: 'C1', name: 'general' });
  h.fake.channels.set('C2', { id: 'C2', name: 'random' });
  h.fake.channels.set('CSECRET', { id: 'CSECRET', name: 'committee', is_private: true });
  h.fake.channels.set('COLD', { id: 'COLD', name: 'branch-elections-2019', is_archived: true });
  h.fake.channels.set('C777', { id: 'C777', name: 'branch-elections' });
});
afterEach(async () => h.stop());

describe('typed @names on Slack', () => {
  it('resolves a typed @carol to her id, by display name, across pages of users.list', async () => {
    expect(await say('roll add 3 @carol')).toBe('done');
    const inv = h.core.invocations.at(-1)!;
    expect(inv.args).toEqual({ text: 'roll add 3 <@UCAROL>' });
    // her name, Slack language and zone go with the command, so her first DM is in Chinese, its times hers
    expect(inv.profiles).toEqual([
      { memberId: 'UCAROL', displayName: 'carol', locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
    ]);
    const pages = h.fake.callsOf('users.list');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.slice(1).every((c) => typeof c.params.cursor === 'string' && c.params.cursor !== '')).toBe(
      true,
    );
    expect(pages[0].params.include_locale).toBe('true');
  });

  it('finds members by username and by real name in quotes, and several in one command', async () => {
    await say('roll add 3 @ann "@Carol Chen" @carol.chen,@olga');
    expect(h.core.invocations.at(-1)!.args).toEqual({ text: 'roll add 3 <@UANN> <@UCAROL> <@UCAROL> <@U1>' });
  });

  it('reads the member list once and keeps it', async () => {
    expect(await say('roll add 3 @carol')).toBe('done');
    const calls = h.fake.callsOf('users.list').length;
    expect(calls).toBeGreaterThan(0);
    await say('roll add 4 @ann');
    expect(h.core.invocations.at(-1)!.args).toEqual({ text: 'roll add 4 <@UANN>' });
    expect(h.fake.callsOf('users.list').length).toBe(calls);
  });

  it('passes members picked from autocomplete through unchanged, without reading the member list', async () => {
    await say('roll add 3 <@UCAROL|carol> <@UANN>');
    const inv = h.core.invocations.at(-1)!;
    expect(inv.args).toEqual({ text: 'roll add 3 <@UCAROL|carol> <@UANN>' });
    expect(h.fake.callsOf('users.list')).toHaveLength(0);
    // their profiles are still read (users.info with the locale) before the core writes to them
    expect(inv.profiles).toEqual(
      expect.arrayContaining([
        { memberId: 'UCAROL', displayName: 'carol', locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
      ]),
    );
    expect(
      h.fake
        .callsOf('users.info')
        .some((c) => c.params.user === 'UCAROL' && c.params.include_locale === 'true'),
    ).toBe(true);
  });

  it('refuses an ambiguous name, listing who it could be, and changes nothing', async () => {
    const reply = await say('nominate 3 1 @sam');
    expect(reply).toMatch(/@sam could be any of: Sam \(Sam Wu\), Sam \(Sam Li\)/);
    expect(h.core.invocations).toHaveLength(0);
  });

  it('refuses an unknown name, naming it; bots and deactivated accounts answer to no name', async () => {
    expect(await say('roll add 3 @ann @zed')).toMatch(
      /^Nothing was changed\. There is no member called @zed in this workspace/,
    );
    expect(await say('nominate 3 1 carol.old')).toMatch(/no member called @carol\.old/);
    expect(h.core.invocations).toHaveLength(0);
    // by id a deactivated account is still found (to take them off a roll)
    await say('roll add 3 UOLD <@UANN>,<@U1>');
    expect(h.core.invocations.at(-1)!.args).toEqual({ text: 'roll add 3 <@UOLD> <@UANN> <@U1>' });
  });

  it('refuses in the member’s language', async () => {
    h.fake.users.set('U1', { id: 'U1', name: 'olga', locale: 'zh-CN' });
    expect(await say('roll add 3 @zed')).toMatch(/没有叫 @zed 的成员/);
  });

  it('does not read the member list again for every unknown name', async () => {
    expect(await say('roll add 3 @dora')).toMatch(/no member called @dora/);
    const calls = h.fake.callsOf('users.list').length;
    h.fake.users.set('UDORA', { id: 'UDORA', name: 'dora', real_name: 'Dora' });
    // within the refresh interval (30 s) a typo costs no Tier 2 call; directory.test.ts covers the refresh
    expect(await say('roll add 3 @dora')).toMatch(/no member called @dora/);
    expect(h.fake.callsOf('users.list').length).toBe(calls);
  });

  it("resolves the members in roll import's list, keeping weights and mentions as typed", async () => {
    await say('roll import 3 @ann 2, @carol:3; <@U9>=2, "@Carol Chen"');
    expect(h.core.invocations.at(-1)!.args).toEqual({
      text: 'roll import 3 <@UANN> 2, <@UCAROL>:3; <@U9>=2, "<@UCAROL>"',
    });
    expect(await say('roll import 3 list="@ann 2, @nobody"')).toMatch(/no member called @nobody/);
    expect(h.core.invocations).toHaveLength(1);
  });

  it('resolves /nominate’s nominee the same way', async () => {
    await say('3 1 @carol statement="Fair pay"', '/nominate');
    expect(h.core.invocations.at(-1)).toMatchObject({
      command: 'nomination.create',
      args: { text: '3 1 <@UCAROL> statement="Fair pay"' },
    });
  });
});

describe('typed #channels on Slack', () => {
  it('resolves channel=#branch-elections to the channel id, across pages of conversations.list', async () => {
    await say('create "Branch AGM" channel=#branch-elections');
    expect(h.core.invocations.at(-1)!.args).toEqual({ text: 'create "Branch AGM" channel=<#C777>' });
    const pages = h.fake.callsOf('conversations.list');
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0].params).toMatchObject({
      types: 'public_channel,private_channel',
      exclude_archived: 'true',
    });
  });

  it('passes a channel picked from autocomplete through, and refuses an unknown or archived one', async () => {
    await say('create AGM channel=<#C777|branch-elections>');
    expect(h.core.invocations.at(-1)!.args).toEqual({ text: 'create AGM channel=<#C777|branch-elections>' });
    expect(await say('create AGM channel=#branch-elections-2019')).toMatch(
      /no channel called #branch-elections-2019 that Teller can see/,
    );
    expect(h.core.invocations).toHaveLength(1);
  });
});

describe('members picked in a form', () => {
  it('go to the core with their Slack name and language', async () => {
    await h.command('/election', 'roll add');
    await waitFor(() => h.fake.callsOf('views.open').length > 0);
    const view = h.fake.callsOf('views.open')[0].params.view as Record<string, unknown>;
    const values = {
      election: { v: { type: 'plain_text_input', value: '3' } },
      members: { v: { type: 'multi_users_select', selected_users: ['UCAROL', 'UANN'] } },
    };
    await h.interact(submission(view, values));
    const inv = h.core.invocations.at(-1)!;
    expect(inv).toMatchObject({ command: 'roll.add', args: { election: '3', members: 'UCAROL UANN' } });
    expect(inv.profiles).toEqual(
      expect.arrayContaining([
        { memberId: 'UCAROL', displayName: 'carol', locale: 'zh-CN', timeZone: 'Asia/Shanghai' },
        { memberId: 'UANN', displayName: 'ann', locale: 'en-GB', timeZone: 'Europe/London' },
      ]),
    );
  });
});
