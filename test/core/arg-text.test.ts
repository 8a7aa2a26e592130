// Text arguments that cannot be stored or shown: NUL (PostgreSQL text cannot hold it), other control
// characters, half a UTF-16 pair. Refused as invalid input naming the field, in the member's language,
// whether typed or sent as named arguments (buttons, modals, Discord options), and nothing is written.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/core/app/registry.js';
import type { DispatchResult } from '../../src/core/index.js';
import { harness, type Harness } from './harness.js';

const NUL = '\u0000';

function expectRefused(r: DispatchResult, field: string, text: RegExp): void {
  expect(r.kind, r.reply.body.text).toBe('invalid');
  if (r.kind !== 'invalid') return;
  expect(r.issues.map((i) => i.field)).toContain(field);
  expect(r.issues.find((i) => i.field === field)?.message).toMatch(text);
  expect(r.reply.body.text).toMatch(text);
  // the reply must not carry the character back either
  expect(r.reply.body.text).not.toContain(NUL);
}

/** what a button, a modal or a Discord option sends: the command id and named values */
function named(h: Harness, member: string, command: string, args: Record<string, unknown>, locale?: string) {
  return h.core.dispatch({
    platform: 'discord',
    platformOrgId: 'g1',
    actor: { memberId: member, ...(locale ? { locale } : {}) },
    channelId: 'c1',
    command,
    args,
  });
}

describe('text arguments that cannot be stored', () => {
  it('typed: a NUL in a quoted title names the field and writes nothing', async () => {
    const h = harness();
    const before = h.store.rowCounts();
    const r = await h.run('olga', `create "Branch${NUL}committee"`);
    expectRefused(r, 'title', /control character \(U\+0000\)/);
    expect(h.store.rowCounts()).toEqual(before);
  });

  it("in the member's language", async () => {
    const h = harness();
    const r = await h.run('olga', `create "支部${NUL}委员会"`, { locale: 'zh-CN' });
    expectRefused(r, 'title', /控制字符（U\+0000）/);
    expect(r.reply.body.text).not.toMatch(/control character/);
  });

  it('named arguments from a modal: the statement, with the organisation untouched', async () => {
    const h = harness();
    await named(h, 'olga', 'election.create', { title: 'AGM' });
    await named(h, 'olga', 'election.contest.add', {
      election: 1,
      name: 'Chair',
      seats: 1,
      method: 'plurality',
    });
    await named(h, 'olga', 'roll.add', { election: 1, members: ['amy', 'ben'] });
    expect((await named(h, 'olga', 'nominations.open', { election: 1 })).kind).toBe('ok');
    const before = h.store.rowCounts();
    const r = await named(
      h,
      'amy',
      'nomination.create',
      { election: 1, contest: 'Chair', statement: `I will serve${NUL}` },
      'en-GB',
    );
    expectRefused(r, 'statement', /control character \(U\+0000\)/);
    expect(h.store.rowCounts()).toEqual(before);
    // the same statement with ordinary line breaks and a tab is fine
    const ok = await named(h, 'amy', 'nomination.create', {
      election: 1,
      contest: 'Chair',
      statement: 'Ten years as a rep.\n\n\tThank you.',
    });
    expect(ok.kind, ok.reply.body.text).toBe('ok');
    expect(h.store.state.nominations.at(-1)?.statement).toBe('Ten years as a rep.\n\n\tThank you.');
  });

  it('other controls: escape in free text, a line break in a one-word argument, half a surrogate pair', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    expectRefused(
      await named(h, 'olga', 'election.create', { title: 'AGM \u001b[31mred' }),
      'title',
      /U\+001B/,
    );
    expectRefused(await named(h, 'olga', 'election.create', { title: 'AGM \u0085' }), 'title', /U\+0085/);
    expectRefused(await h.run('olga', 'contest add 1 "Vice\nChair" 1 plurality'), 'name', /U\+000A/);
    expectRefused(
      await named(h, 'olga', 'election.create', { title: 'AGM \ud83d' }),
      'title',
      /broken character/,
    );
    // a whole pair (an emoji) is an ordinary character
    expect((await named(h, 'olga', 'election.create', { title: 'AGM 🗳️' })).kind).toBe('ok');
  });

  it('every text-like argument of every command refuses NUL, through its own schema', () => {
    const checked: string[] = [];
    for (const def of COMMANDS) {
      for (const spec of def.spec.args) {
        if (!['text', 'word', 'contest'].includes(spec.kind)) continue;
        const parsed = def.schema.safeParse({ [spec.name]: `x${NUL}y` });
        expect(parsed.success).toBe(false);
        const issue = parsed.error?.issues.find((i) => i.path[0] === spec.name);
        expect(issue?.message, `${def.spec.id} ${spec.name}`).toBe('arg.control_character');
        checked.push(`${def.spec.id}.${spec.name}`);
      }
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'election.create.title',
        'nomination.create.statement',
        'nomination.reject.reason',
        'election.contest.add.name',
      ]),
    );
  });
});
