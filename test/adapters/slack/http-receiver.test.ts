import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandPayload, startHttp, waitFor, type Harness } from './harness.js';
import { ok } from '../../fakes/slack/fake-core.js';

let h: Harness;
beforeEach(async () => {
  h = await startHttp();
  h.fake.users.set('U1', { id: 'U1', locale: 'zh-CN', is_admin: true, real_name: 'Alice' });
});
afterEach(async () => h.stop());

describe('Slack HTTP receiver', () => {
  it('dispatches /election text with the actor from the signed payload and acks with the reply', async () => {
    h.core.handler = () => ok('Added 2 voters', 'channel');
    const res = await h.command('/election', 'roll add 3 <@U7> <@U8>');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toBe('Added 2 voters');
    expect(h.core.invocations).toHaveLength(1);
    const inv = h.core.invocations[0];
    expect(inv).toMatchObject({
      platform: 'slack',
      platformOrgId: 'T1',
      channelId: 'C1',
      command: '',
      args: { text: 'roll add 3 <@U7> <@U8>' },
      actor: { memberId: 'U1', locale: 'zh-CN', displayName: 'Alice' },
    });
    // Slack has no "may create elections" setting: the workspace-admin flag is not passed on
    expect(inv.actor.isAdmin).toBeUndefined();
    expect(inv.idempotencyKey).toMatch(/^slack:T1:/);
  });

  it('maps the /vote and /nominate shortcuts to their commands', async () => {
    h.core.handler = () => ok('noted');
    await h.command('/nominate', '3 1 <@U5>');
    await h.command('/vote', '3');
    expect(h.core.invocations.map((i) => [i.command, i.args])).toEqual([
      ['nomination.create', { text: '3 1 <@U5>' }],
      ['ballot.get', { text: '3' }],
    ]);
  });

  it('shows every non-ok result to the member only, with the core text', async () => {
    const cases = [
      {
        kind: 'invalid' as const,
        issues: [{ field: 'election', message: 'no such election' }],
        reply: { visibility: 'only-you' as const, body: { text: 'Election 9 does not exist' } },
      },
      {
        kind: 'forbidden' as const,
        reply: { visibility: 'only-you' as const, body: { text: 'Only organisers may do that' } },
      },
      {
        kind: 'domain-error' as const,
        code: 'ballot.not_on_roll',
        reply: { visibility: 'only-you' as const, body: { text: 'You are not on the roll' } },
      },
      {
        kind: 'failed' as const,
        ref: 'ab12cd',
        reply: { visibility: 'only-you' as const, body: { text: 'Something went wrong (ref ab12cd)' } },
      },
    ];
    for (const result of cases) {
      h.core.handler = () => result;
      const body = (await (await h.command('/election', 'x')).json()) as {
        response_type: string;
        text: string;
      };
      expect(body).toMatchObject({ response_type: 'ephemeral', text: result.reply.body.text });
    }
  });

  it('rejects a bad signature with 401 and dispatches nothing', async () => {
    const body = new URLSearchParams(commandPayload(h.fake, '/election', 'open 3')).toString();
    const res = await h.post(body, { secret: 'wrong-secret' });
    expect(res.status).toBe(401);
    expect(h.core.invocations).toHaveLength(0);
  });

  it('rejects a stale timestamp with 401 even when correctly signed', async () => {
    const body = new URLSearchParams(commandPayload(h.fake, '/election', 'open 3')).toString();
    const res = await h.post(body, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(h.core.invocations).toHaveLength(0);
  });

  it('gives a retried delivery (X-Slack-Retry-Num) the same idempotency key, so the core runs it once', async () => {
    const body = new URLSearchParams(commandPayload(h.fake, '/nominate', '3 1 <@U5>')).toString();
    await h.post(body);
    await h.post(body, { retryNum: 1 });
    const other = new URLSearchParams(commandPayload(h.fake, '/nominate', '3 1 <@U5>')).toString();
    await h.post(other);
    const keys = h.core.invocations.map((i) => i.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('treats a bare /election as help', async () => {
    h.core.handler = () => ({
      kind: 'unknown',
      reply: { visibility: 'only-you', body: { text: 'You can: vote, nominate' } },
    });
    const body = (await (await h.command('/election', '')).json()) as { text: string };
    expect(h.core.invocations[0].args).toEqual({ text: 'help' });
    expect(body.text).toBe('You can: vote, nominate');
  });

  it('answers late work through response_url after an empty ack', async () => {
    // the harness gives handlers 500 ms before acking; this one takes longer
    h.core.handler = () =>
      new Promise((resolve) => setTimeout(() => resolve(ok('slow but done', 'channel')), 800));
    const res = await h.command('/election', 'count 3');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await waitFor(() => h.fake.responses.length > 0, 2000);
    expect(h.fake.responses[0].body).toMatchObject({ response_type: 'in_channel', text: 'slow but done' });
  });
});
