// A member who never used Teller is written to in the language Teller best knows for them: their own
// (as the platform gave it when they were named in a command), else the organisation's — the organisers'
// choice (/election language), else the platform's default (a Discord server's preferred locale).
import { describe, expect, it } from 'vitest';
import type { Invocation, TellerCore } from '../../src/core/index.js';
import { harness, type Harness } from './harness.js';

const ZH_DM = /正在投票/;
const EN_DM = /Voting in .* is open/;

function dmTo(h: Harness, member: string): string {
  const dm = h.store.state.outbox.find(
    (m) => m.destination.kind === 'dm' && m.destination.memberId === member && m.purpose === 'ballot',
  );
  return dm?.body.text ?? '';
}

/** a Discord-like organisation up to nominations: `extra` on every invocation, `profiles` with the roll add */
async function toVoting(
  core: TellerCore,
  extra: Partial<Invocation> & { actor?: Invocation['actor'] },
  roll: string,
  profiles: Invocation['profiles'] = [],
) {
  const say = async (member: string, text: string, more: Partial<Invocation> = {}) => {
    const r = await core.dispatch({
      platform: 'discord',
      platformOrgId: 'G1',
      channelId: 'C1',
      command: '',
      args: { text },
      ...extra,
      ...more,
      actor: { ...extra.actor, memberId: member },
    });
    if (r.kind !== 'ok') throw new Error(`${text}: ${r.reply.body.text}`);
    return r.reply.body.text;
  };
  await say('olga', 'create AGM');
  await say('olga', 'configure 1 seconders=0');
  await say('olga', 'contest add 1 Chair 1 plurality');
  await say('olga', `roll add 1 ${roll}`, { profiles });
  await say('olga', 'nominations open 1');
  await say('olga', 'nominate 1 Chair @olga');
  return say;
}

describe('the language of a first DM', () => {
  it('is the organisation language the organisers chose, for a member Teller knows nothing about', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    expect(await h.ok('olga', 'language zh-Hans')).toMatch(/简体中文/);
    await h.ok('olga', 'configure 1 seconders=0');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'roll add 1 @olga @alice @bob');
    await h.ok('olga', 'nominations open 1');
    await h.ok('olga', 'nominate 1 Chair @olga');
    await h.run('bob', 'nominations list 1', { locale: 'en-GB' });
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 1');
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    expect(dmTo(h, 'alice')).toMatch(ZH_DM);
    // a member whose own language is known keeps it
    expect(dmTo(h, 'bob')).toMatch(EN_DM);
  });

  it('shows the current language, and takes the choice in any case', async () => {
    const h = harness();
    expect(await h.ok('olga', 'language')).toMatch(/English .*platform's default/);
    await h.ok('olga', 'language ZH-HANS');
    // olga's own language is unknown (the console does not say), so she now reads Chinese too
    expect(await h.ok('olga', 'language')).toMatch(/简体中文（由组织者选定）/);
    const bad = await h.run('olga', 'language fr');
    expect(bad.kind).toBe('invalid');
    expect(bad.reply.body.text).toMatch(/language.*en, zh-Hans/);
  });

  it("is the member's own locale when the platform described them as they were named", async () => {
    const h = harness();
    const say = await toVoting(
      h.core,
      { actor: { memberId: 'olga', locale: 'en-US' } },
      '<@olga> <@carol> <@dan>',
      [
        { memberId: 'carol', displayName: 'Carol Chen', locale: 'zh-CN' },
        { memberId: 'dan', displayName: 'Dan', locale: 'en-US' },
      ],
    );
    await say('olga', 'nominations close 1');
    await say('olga', 'review approve 1 1');
    await say('olga', 'candidates publish 1');
    await say('olga', 'voting open 1');
    expect(dmTo(h, 'carol')).toMatch(ZH_DM);
    expect(dmTo(h, 'dan')).toMatch(EN_DM);
    expect(h.store.state.members.find((m) => m.memberId === 'carol')?.displayName).toBe('Carol Chen');
  });

  it("is the platform's organisation locale (a Discord server's preferred locale) when no one chose one", async () => {
    const h = harness();
    // the organiser's own client is English; the server prefers Chinese
    const say = await toVoting(
      h.core,
      { actor: { memberId: 'olga', locale: 'en-US', orgLocale: 'zh-CN' } },
      '<@olga> <@erin>',
    );
    await say('olga', 'nominations close 1');
    await say('olga', 'review approve 1 1');
    await say('olga', 'candidates publish 1');
    expect(await say('olga', 'voting open 1')).not.toMatch(/[\u4e00-\u9fff]/);
    expect(dmTo(h, 'erin')).toMatch(ZH_DM);
  });

  it('prefers the organisers’ choice to the platform default', async () => {
    const h = harness();
    const say = await toVoting(
      h.core,
      { actor: { memberId: 'olga', locale: 'zh-CN', orgLocale: 'zh-CN' } },
      '<@olga> <@erin>',
    );
    await say('olga', 'language en');
    await say('olga', 'nominations close 1');
    await say('olga', 'review approve 1 1');
    await say('olga', 'candidates publish 1');
    await say('olga', 'voting open 1');
    expect(dmTo(h, 'erin')).toMatch(EN_DM);
  });
});
