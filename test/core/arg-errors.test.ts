// A badly formed command is answered like Teller, not like a validator: a sentence in the member's
// language naming the argument as the README spells it and saying what it expects.
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';

describe('argument errors', () => {
  it("name the argument as typed and say what it expects, never zod's words", async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const notNumber = await h.run('olga', 'show abc');
    expect(notNumber.kind).toBe('invalid');
    expect(notNumber.reply.body.text).toContain('election: give an election number, such as 3.');
    const huge = await h.run('olga', 'show 99999999999999999999');
    expect(huge.reply.body.text).toContain('election: give an election number, such as 3.');
    const negative = await h.run('olga', 'configure 1 objection-days=-1');
    expect(negative.reply.body.text).toContain('objection-days: give a whole number from 0 to 60.');
    const choice = await h.run('olga', 'configure 1 self-nomination=maybe');
    expect(choice.reply.body.text).toContain('self-nomination: give one of yes, no.');
    const missing = await h.run('olga', 'contest add 1 Chair');
    expect(missing.reply.body.text).toMatch(/seats: missing; give a whole number from 1 to \d+\./);
    for (const r of [notNumber, huge, negative, choice, missing]) {
      expect(r.reply.body.text).not.toMatch(
        /Invalid input|Too (big|small)|expected (int|number|string)|9007199254740991|objectionDays|selfNomination/,
      );
    }
    // usage lines use the README's spelling too
    expect(negative.reply.body.text).toContain('[objection-days=N]');
  });

  it("are in the member's language", async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const r = await h.run('olga', 'configure 1 objection-days=-1', { locale: 'zh-CN' });
    expect(r.reply.body.text).toContain('objection-days：请提供0 到 60 之间的整数。');
    expect(r.reply.body.text).not.toMatch(/[A-Za-z]{4,} (a|the|to|be) /);
  });

  it('answer a bare /election with help, and a bare /vote with the elections open to the member', async () => {
    const h = harness();
    const bare = await h.run('olga', '');
    expect(bare.kind).toBe('ok');
    expect(bare.reply.body.text).not.toMatch(/don't know/);
    expect(bare.reply.body.text).toContain('/election create');
    await electionInVoting(h);
    const vote = await h.core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: 'alice' },
      command: 'ballot.get',
      args: {},
    });
    expect(vote.kind).toBe('ok');
    expect(vote.reply.body.actions?.map((a) => a.args)).toEqual([{ election: '1' }]);
    const outsider = await h.core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: 'zed' },
      command: 'ballot.get',
      args: {},
    });
    expect(outsider.reply.body.text).toMatch(/No election is open for you/);
  });

  it('take an empty choice as the blank ballot the README promises', async () => {
    const h = harness();
    await electionInVoting(h);
    const blank = await h.run('alice', 'cast 1 1 ""');
    expect(blank.kind).toBe('ok');
    await h.ok('olga', 'voting close 1');
    expect(h.store.state.ballots.map((b) => b.content)).toEqual(['']);
  });
});
