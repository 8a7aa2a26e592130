import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';

describe('dispatch: arguments, roles, phases, failures', () => {
  it('names the field and the expected form when an argument is wrong, and writes nothing', async () => {
    const h = harness();
    await h.ok('olga', 'create "Club AGM"');
    const before = h.store.rowCounts();
    const r = await h.run('olga', 'contest add 1 Chair many plurality');
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.issues.map((i) => i.field)).toEqual(['seats']);
    expect(r.reply.body.text).toContain('Usage: /election contest add <election> <name> <seats> [<method>]');
    expect(h.store.rowCounts()).toEqual(before);
  });

  it('rejects an unknown counting method with the allowed ones', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const r = await h.run('olga', 'contest add 1 Chair 1 dictator');
    expect(r.kind).toBe('invalid');
    expect(r.reply.body.text).toMatch(/method: .*plurality/);
  });

  it('answers an unknown command with help', async () => {
    const h = harness();
    const r = await h.run('olga', 'frobnicate 3');
    expect(r.kind).toBe('unknown');
    expect(r.reply.body.text).toContain('/election create <title>');
  });

  it('refuses organiser commands to other members', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const r = await h.run('mallory', 'contest add 1 Chair 1 plurality');
    expect(r.kind).toBe('forbidden');
    expect(r.reply.body.text).toMatch(/Only the election's organisers/);
  });

  it('says what phase the election is in and what is allowed now', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const r = await h.run('olga', 'voting open 1');
    expect(r).toMatchObject({ kind: 'domain-error', code: 'election.wrong_phase' });
    expect(r.reply.body.text).toContain('draft');
    expect(r.reply.body.text).toContain('/election nominations open');
    expect(r.reply.body.text).not.toContain('/election voting close');
  });

  it('turns an internal failure into a short reference and rolls back', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const before = h.store.rowCounts();
    const original = h.store.transaction.bind(h.store);
    h.store.transaction = (fn) =>
      original(async (tx) => {
        tx.contests.insert = async () => {
          throw new Error('disk on fire');
        };
        return fn(tx);
      });
    const r = await h.run('olga', 'contest add 1 Chair 1 plurality');
    expect(r.kind).toBe('failed');
    if (r.kind !== 'failed') return;
    expect(r.reply.body.text).toContain(`(ref ${r.ref})`);
    expect(r.reply.body.text).not.toContain('disk on fire');
    expect(h.errors.join('\n')).toContain(r.ref);
    expect(h.store.rowCounts()).toEqual(before);
  });

  it('runs a retried request once and gives the same answer', async () => {
    const h = harness();
    await electionInVoting(h);
    const first = await h.run('alice', 'cast 1 1 1', { idempotencyKey: 'req-1' });
    const again = await h.run('alice', 'cast 1 1 1', { idempotencyKey: 'req-1' });
    expect(again).toEqual(first);
    expect(h.store.state.audit.filter((a) => a.event === 'ballot.cast')).toHaveLength(1);
  });

  it('replies in Simplified Chinese for a zh-CN member', async () => {
    const h = harness();
    const r = await h.run('li', 'create 分会选举', { locale: 'zh-CN' });
    expect(r.kind).toBe('ok');
    expect(r.reply.body.text).toContain('已创建选举 1');
  });

  it('lists what the caller may do in the current phase', async () => {
    const h = harness();
    await electionInVoting(h);
    const organiser = await h.ok('olga', 'help 1');
    expect(organiser).toContain('/election voting close');
    const voter = await h.ok('alice', 'help 1');
    expect(voter).toContain('/election vote');
    expect(voter).not.toContain('/election voting close');
  });
});

describe('cancelling while voting is open', () => {
  it('destroys the links exactly as a close does', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('olga', 'cancel 1 the branch merged');
    expect(h.store.state.salts).toEqual({});
    // stronger than wiping links: the uncounted ballots are gone with them
    expect(h.store.state.castBallots).toEqual([]);
    expect(h.store.state.ballots).toEqual([]);
    expect(h.store.state.receipts.every((r) => r.link === null)).toBe(true);
    expect(h.store.purged).toBe(1);
  });
});

describe('roles and rules', () => {
  it('does not let a scrutineer stand, nor a candidate scrutinise', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'roll add 1 @alice @bob @sam');
    await h.ok('olga', 'scrutineer add 1 @sam');
    await h.ok('olga', 'nominations open 1');
    expect(await h.run('sam', 'nominate 1 Chair')).toMatchObject({
      kind: 'domain-error',
      code: 'role.scrutineer_is_candidate',
    });
    await h.ok('alice', 'nominate 1 Chair');
    expect(await h.run('olga', 'scrutineer add 1 @alice')).toMatchObject({
      kind: 'domain-error',
      code: 'role.scrutineer_is_candidate',
    });
  });

  it('needs seconders on the roll who are not the nominee or proposer', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    await h.ok('olga', 'configure 1 seconders=2');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'roll add 1 @alice @bob @carol');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Chair @bob');
    expect(await h.run('bob', 'second 1 1')).toMatchObject({ code: 'nomination.second_self' });
    expect(await h.run('alice', 'second 1 1')).toMatchObject({ code: 'nomination.second_own' });
    expect(await h.run('zed', 'second 1 1')).toMatchObject({ code: 'nomination.seconder_not_on_roll' });
    await h.ok('carol', 'second 1 1');
    expect(await h.run('bob', 'accept 1 1')).toMatchObject({ code: 'nomination.still_seconding' });
    expect(h.store.state.nominations[0].status).toBe('seconding');
  });

  it('freezes the roll when voting opens', async () => {
    const h = harness();
    await electionInVoting(h);
    expect(await h.run('olga', 'roll add 1 @zoe')).toMatchObject({
      kind: 'domain-error',
      code: 'election.wrong_phase',
    });
  });

  it('imports a roll with weights and refuses a bad line without writing anything', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    const bad = await h.run('olga', 'roll import 1 @a 2, @b, not a member!');
    expect(bad).toMatchObject({ kind: 'domain-error', code: 'roll.import_bad_line' });
    expect(h.store.state.roll).toHaveLength(0);
    await h.ok('olga', 'roll import 1 @a 2, @b, @c:3');
    expect(h.store.state.roll.map((r) => [r.memberId, r.weight]).sort()).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 3],
    ]);
  });
});
