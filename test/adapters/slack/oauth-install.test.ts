import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttp, waitFor, type Harness } from './harness.js';
import { ok } from '../../fakes/slack/fake-core.js';

let h: Harness;
beforeEach(async () => {
  h = await startHttp({
    botToken: undefined,
    clientId: '111.222',
    clientSecret: 'client-secret',
    stateSecret: 'state-secret',
  });
});
afterEach(async () => h.stop());

describe('Slack OAuth multi-workspace install', () => {
  it('installs a workspace into the platform state store and then serves it with its own token', async () => {
    const base = h.url.replace('/slack/events', '');
    const install = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    expect(install.status).toBe(302);
    const location = new URL(install.headers.get('location')!);
    expect(location.searchParams.get('client_id')).toBe('111.222');
    expect(location.searchParams.get('scope')).toContain('commands');
    const state = location.searchParams.get('state')!;
    const cookie = install.headers.get('set-cookie')!.split(';')[0];

    const done = await fetch(`${base}/slack/oauth_redirect?code=abc&state=${encodeURIComponent(state)}`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(done.status).toBe(200);
    expect(h.fake.callsOf('oauth.v2.access')[0].params).toMatchObject({ code: 'abc', client_id: '111.222' });
    const stored = (await h.platformState.get('slack', 'installation', 'team:T2')) as {
      bot: { token: string };
    };
    expect(stored.bot.token).toBe('xoxb-installed-abc');

    h.core.handler = () => ok('hello second team');
    const res = await h.command('/election', 'help', { team_id: 'T2', team_domain: 'second' });
    expect(res.status).toBe(200);
    expect(h.core.invocations[0].platformOrgId).toBe('T2');
    await waitFor(() => h.fake.callsOf('users.info').length > 0);
    expect(h.fake.callsOf('users.info')[0].token).toBe('xoxb-installed-abc');
  });

  it('refuses an install callback whose state was not issued here', async () => {
    const base = h.url.replace('/slack/events', '');
    const res = await fetch(`${base}/slack/oauth_redirect?code=abc&state=forged`, { redirect: 'manual' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(h.fake.callsOf('oauth.v2.access')).toHaveLength(0);
    expect(h.platformState.data.size).toBe(0);
  });
});
