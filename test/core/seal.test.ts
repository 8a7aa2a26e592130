// The seal after close (ARCHITECTURE §2): a purge that cannot complete is not reported as done, a
// durable job retries it and tells the organisers, and one secret per election is enforced.
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';

const dms = (h: ReturnType<typeof harness>, member: string) =>
  h.store.state.outbox
    .filter((m) => m.destination.kind === 'dm' && m.destination.memberId === member)
    .map((m) => m.body.text);

describe('sealing the ballot box', () => {
  it('reports a close whose purge failed as not sealed, retries it as a job, alerts, then tells the organisers', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('alice', 'cast 1 1 1');
    h.store.purgeFails = true;
    const closed = await h.run('olga', 'voting close 1');
    expect(closed.kind).toBe('domain-error');
    expect(closed.reply.body.text).toMatch(/seal is NOT complete/);
    // voting did close: no more ballots, and the election says it is still sealing
    expect((await h.run('bob', 'cast 1 1 2')).kind).toBe('domain-error');
    expect(await h.ok('olga', 'show 1')).toMatch(/sealing/);
    expect(h.store.state.jobs).toMatchObject([{ kind: 'seal', status: 'pending' }]);

    // five failed runs, backing off; the fifth tells the organisers once
    for (let i = 0; i < 5; i++) {
      h.clock.advance(60 * 60_000);
      expect(await h.core.runJobs()).toBe(1);
    }
    expect(h.store.state.jobs[0]).toMatchObject({ status: 'pending', attempts: 5 });
    expect(dms(h, 'olga').filter((t) => /cannot finish sealing/.test(t))).toHaveLength(1);
    expect(h.store.purged).toBe(0);

    h.store.purgeFails = false;
    h.clock.advance(60 * 60_000);
    expect(await h.core.runJobs()).toBe(1);
    expect(h.store.purged).toBe(1);
    expect(h.store.state.jobs[0]).toMatchObject({ status: 'done' });
    expect(await h.ok('olga', 'show 1')).not.toMatch(/sealing/);
    expect(dms(h, 'olga').filter((t) => /seal of election 1 .* is now complete/.test(t))).toHaveLength(1);
    expect(h.store.state.audit.filter((a) => a.event === 'ballots.sealed')).toHaveLength(1);
    // nothing left to do: the job does not run again, and the command says so
    h.clock.advance(60 * 60_000);
    expect(await h.core.runJobs()).toBe(0);
    expect(await h.ok('olga', 'voting seal 1')).toMatch(/already sealed/);
  });

  it('lets an organiser run the purge again, and says when it worked', async () => {
    const h = harness();
    await electionInVoting(h);
    h.store.purgeFails = true;
    await h.run('olga', 'voting close 1');
    expect((await h.run('olga', 'voting seal 1')).reply.body.text).toMatch(/seal is NOT complete/);
    h.store.purgeFails = false;
    expect(await h.ok('olga', 'voting seal 1')).toMatch(/is sealed/);
    expect(h.store.state.jobs[0]).toMatchObject({ status: 'done' });
    expect((await h.run('alice', 'voting seal 1')).kind).toBe('forbidden');
  });

  it('seals at once when the purge succeeds, and the seal job then has nothing to do', async () => {
    const h = harness();
    await electionInVoting(h);
    expect(await h.ok('olga', 'voting close 1')).toMatch(/closed/);
    expect(h.store.purged).toBe(1);
    expect(h.store.state.jobs[0]).toMatchObject({ kind: 'seal', status: 'done' });
    expect(await h.ok('olga', 'show 1')).not.toMatch(/sealing/);
    // no DM for a seal the organiser already saw succeed
    expect(dms(h, 'olga').filter((t) => /now complete/.test(t))).toEqual([]);
  });

  it('refuses members the teller-only follow-up commands, typed or by id', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('olga', 'voting close 1');
    expect((await h.run('olga', 'ballots sealed 1 yes')).kind).toBe('forbidden');
    const byId = await h.core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: { memberId: 'teller' },
      command: 'notices.alert',
      args: { election: 1, about: 'seal_failing' },
    });
    expect(byId.kind).toBe('forbidden');
  });
});

describe('one server secret per election', () => {
  it('refuses casts and the close from a process whose secret derives another key, and never doubles a ballot', async () => {
    const h = harness();
    await electionInVoting(h);
    const other = harness({ store: h.store, clock: h.clock, secret: 'a-different-server-secret' });
    const first = await h.run('alice', 'cast 1 1 1');
    expect(first.reply.body.text).not.toMatch(/replaces/);
    const receipt = first.reply.body.fields?.[0]?.value;
    const refused = await other.run('alice', 'cast 1 1 2');
    expect(refused).toMatchObject({ kind: 'domain-error', code: 'ballot.key_mismatch' });
    expect(other.errors.join('\n')).toMatch(/different server secret/);
    expect((await other.run('bob', 'cast 1 1 2')).kind).toBe('domain-error');
    const again = await h.run('alice', 'cast 1 1 2');
    expect(again.reply.body.text).toMatch(/replaces/);
    expect(again.reply.body.fields?.[0]?.value).toBe(receipt);
    expect(await other.run('olga', 'voting close 1')).toMatchObject({
      kind: 'domain-error',
      code: 'ballot.key_mismatch',
    });
    await h.ok('olga', 'voting close 1');
    expect(h.store.state.ballots).toHaveLength(1);
    expect(h.store.state.receipts).toHaveLength(1);
    expect(h.store.state.participation.filter((p) => p.memberId === 'alice')).toHaveLength(1);
    expect(h.store.state.participation.filter((p) => p.memberId === 'bob')).toHaveLength(0);
  });
});

describe('stored replies to platform retries', () => {
  it('are purged at close, and after a day in general', async () => {
    const h = harness();
    await electionInVoting(h);
    const cast = await h.run('alice', 'cast 1 1 1', { idempotencyKey: 'slack-retry-1' });
    expect(cast.kind).toBe('ok');
    await h.run('olga', 'list', { idempotencyKey: 'slack-retry-2' });
    expect(Object.keys(h.store.state.requests)).toHaveLength(2);
    const receipt = cast.reply.body.fields?.[0]?.value ?? '';
    expect(JSON.stringify(h.store.state.requests)).toContain(receipt);
    await h.ok('olga', 'voting close 1');
    expect(JSON.stringify(h.store.state.requests)).not.toContain(receipt);
    expect(Object.keys(h.store.state.requests)).toEqual(['console:console:slack-retry-2']);
    h.clock.advance(25 * 60 * 60_000);
    await h.core.runJobs();
    expect(h.store.state.requests).toEqual({});
  });
});

describe('published ballots in weighted elections', () => {
  it('withholds per-ballot lists unless an organiser chose to publish them, and then prints every weight', async () => {
    const h = harness();
    const voters = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus', 'hal', 'ida', 'jon'];
    await electionInVoting(h, 'plurality', 1, voters);
    for (const v of voters.slice(0, 5)) h.store.state.roll.find((r) => r.memberId === v)!.weight = 3;
    for (const [i, v] of voters.entries()) await h.ok(v, `cast 1 1 ${i % 2 === 0 ? 2 : 1}`);
    await h.ok('olga', 'voting close 1');
    const hidden = await h.ok('frank', 'voting ballots 1');
    expect(hidden).toMatch(/Not published: this election is weighted/);
    expect(hidden).not.toMatch(/×/);
    expect((await h.run('alice', 'voting ballots publish 1 confirm=yes')).kind).toBe('forbidden');
    expect(await h.ok('olga', 'voting ballots publish 1')).toMatch(/weighted\. Publishing every ballot/);
    expect(await h.ok('frank', 'voting ballots 1')).toMatch(/Not published/);
    await h.ok('olga', 'voting ballots publish 1 confirm=yes');
    const shown = await h.ok('frank', 'voting ballots 1');
    // both weights are shared by five ballots, so each ballot hides among five and is shown with its weight
    expect(shown.match(/(^|: )[12] ×3$/gm)).toHaveLength(5);
    expect(shown.match(/(^|: )[12] ×1$/gm)).toHaveLength(5);
    expect(h.store.state.audit.filter((a) => a.event === 'ballots.published_weighted')).toHaveLength(1);
  });

  it('refuses to publish while any weight is rare: the totals minus the listed ballots would give it back', async () => {
    const h = harness();
    const voters = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus', 'hal'];
    await electionInVoting(h, 'plurality', 1, voters);
    h.store.state.roll.find((r) => r.memberId === 'alice')!.weight = 7;
    for (const v of voters) await h.ok(v, `cast 1 1 ${v === 'alice' ? 2 : 1}`);
    await h.ok('olga', 'voting close 1');
    const refused = await h.run('olga', 'voting ballots publish 1 confirm=yes');
    expect(refused.kind).toBe('domain-error');
    expect(refused.reply.body.text).toMatch(
      /cannot be published: 1 ballot\(s\) carry a weight that fewer than 5/,
    );
    // even a setting written by an older version does not list them
    const e = h.store.state.elections[0]!;
    e.settings = { ...e.settings, publishWeightedBallots: true };
    const shown = await h.ok('frank', 'voting ballots 1');
    expect(shown).toMatch(/Not published/);
    expect(shown).not.toMatch(/×|^1$/m);
    expect(h.store.state.audit.filter((a) => a.event === 'ballots.published_weighted')).toHaveLength(0);
  });
});
