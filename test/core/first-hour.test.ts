// Small things a new organiser met in the first hour, each as it was seen.
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';

describe('the first hour', () => {
  it('says who was already on the roll when members are added again', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    expect(await h.ok('olga', 'roll add 1 @alice @bob')).toMatch(/^2 member\(s\) added/);
    expect(await h.ok('olga', 'roll add 1 @alice @carol')).toMatch(/1 member\(s\) added .*; 1 already on it/);
  });

  it('tells an ineligible member why they cannot nominate, not that they are off the roll', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'roll add 1 @alice @bob');
    await h.ok('olga', 'roll status 1 @bob ineligible "dues unpaid"');
    await h.ok('olga', 'nominations open 1');
    const r = await h.run('bob', 'nominate 1 Chair @alice');
    expect(r.reply.body.text).toMatch(/marked ineligible \(dues unpaid\)/);
    expect((await h.run('zed', 'nominate 1 Chair @alice')).reply.body.text).toMatch(
      /Only members on the roll can nominate/,
    );
  });

  it('with no seconders needed, does not ask for seconders', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    await h.ok('olga', 'configure 1 seconders=0');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'roll add 1 @alice @bob');
    await h.ok('olga', 'nominations open 1');
    await h.ok('alice', 'nominate 1 Chair @bob');
    const notice = h.store.state.outbox
      .filter((m) => m.dedupeKey.endsWith(':nomination:1'))
      .map((m) => m.body.text)
      .join('');
    expect(notice).toMatch(/No seconders are needed/);
    expect(notice).not.toMatch(/Seconders needed: 0|Second it with/);
  });

  it('in weighted elections says ballots and votes apart, and warns once', async () => {
    const h = harness();
    await h.ok('olga', 'create AGM');
    await h.ok('olga', 'contest add 1 Chair 1 plurality');
    await h.ok('olga', 'contest add 1 Treasurer 1 plurality');
    await h.ok('olga', 'roll add 1 @alice @bob @carol');
    await h.ok('olga', 'roll add 1 @dave weight=5');
    await h.ok('olga', 'nominations open 1');
    for (const [n, c, s] of [
      ['alice', 'Chair', 'carol'],
      ['bob', 'Chair', 'dave'],
      ['carol', 'Treasurer', 'alice'],
      ['dave', 'Treasurer', 'bob'],
    ]) {
      await h.ok(n!, `nominate 1 ${c} @${n}`);
      await h.ok(s!, `second 1 ${h.store.state.nominations.length}`);
    }
    await h.ok('olga', 'nominations close 1');
    for (let i = 1; i <= 4; i++) await h.ok('olga', `review approve 1 ${i}`);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    for (const v of ['alice', 'bob', 'carol', 'dave']) {
      await h.ok(v, 'cast 1 1 1');
      await h.ok(v, 'cast 1 2 1');
    }
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
    const text = (body.fields ?? []).map((f) => `${f.label}: ${f.value}`).join('\n');
    expect(text).toMatch(/valid 4 ballots carrying 8 votes/);
    expect(text.match(/Votes were weighted/g)).toHaveLength(1);
  });

  it('shows the phase, the settings, the roles and, once announced, who was elected', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('olga', 'scrutineer add 1 @sam');
    const during = await h.ok('olga', 'show 1');
    expect(during).toMatch(/voting open/i);
    expect(during).toMatch(/Settings: seconders per nomination 1 · self-nomination yes · objection days 3/);
    expect(during).toMatch(/Scrutineers: <@sam>/);
    expect(during).not.toMatch(/Elected/);
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('sam', 'count confirm 1');
    await h.ok('olga', 'announce 1');
    expect(await h.ok('bob', 'show 1')).toMatch(/Elected: 1\. Secretary: Alice/);
  });
});
