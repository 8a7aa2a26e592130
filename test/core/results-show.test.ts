// `/election results` (issue 13): the announced results again, to whoever asks and to them alone, laid
// out as the announcement was; refused before the announcement, whoever asks.
import { describe, expect, it } from 'vitest';
import { chartsOf, type Field, type MessageBody } from '../../src/core/index.js';
import { electionInVoting, harness, presetElectionInReview, type Harness } from './harness.js';

const DAY = 86_400_000;
const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus'];

async function shown(h: Harness, member: string, text: string): Promise<MessageBody> {
  const r = await h.run(member, text);
  expect(r.kind, `${text}: ${r.reply.body.text}`).toBe('ok');
  expect(r.reply.visibility).toBe('only-you');
  return r.reply.body;
}

async function refused(h: Harness, member: string, text: string): Promise<string> {
  const r = await h.run(member, text);
  expect(r.kind, `${text}: ${r.reply.body.text}`).toBe('domain-error');
  expect(r.reply.visibility).toBe('only-you');
  return r.reply.body.text;
}

const posted = (h: Harness) => h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
const labels = (fields: Field[] | undefined) => (fields ?? []).map((f) => f.label);
/** the contests a body shows, by the label of each contest's first field ("Chair — Turnout") */
const contestsIn = (body: MessageBody) =>
  labels(body.fields)
    .filter((l) => l.includes(' — '))
    .map((l) => l.split(' — ')[0]);

/** election 1 with two contests, Chair (alice 3, bob 2) and Treasurer (carol 4, dave 1), counted and confirmed by sam */
async function twoContests(h: Harness): Promise<void> {
  const voters = ['alice', 'bob', 'carol', 'dave', 'erin'];
  await h.ok('olga', 'create "Branch committee"');
  await h.ok('olga', 'scrutineer add 1 @sam');
  await h.ok('olga', 'contest add 1 Chair 1 plurality');
  await h.ok('olga', 'contest add 1 Treasurer 1 plurality');
  await h.ok('olga', `roll add 1 ${voters.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'nominations open 1');
  for (const [i, [who, contest]] of [
    ['alice', 'Chair'],
    ['bob', 'Chair'],
    ['carol', 'Treasurer'],
    ['dave', 'Treasurer'],
  ].entries()) {
    await h.ok(who, `nominate 1 ${contest}`);
    await h.ok('erin', `second 1 ${i + 1}`);
  }
  await h.ok('olga', 'nominations close 1');
  for (const n of [1, 2, 3, 4]) await h.ok('olga', `review approve 1 ${n}`);
  await h.ok('olga', 'candidates publish 1');
  await h.ok('olga', 'voting open 1');
  const votes = [
    ['alice', '1', '1'],
    ['bob', '1', '1'],
    ['carol', '1', '1'],
    ['dave', '2', '1'],
    ['erin', '2', '2'],
  ];
  for (const [v, chair, treasurer] of votes) {
    await h.ok(v, `cast 1 1 ${chair}`);
    await h.ok(v, `cast 1 2 ${treasurer}`);
  }
  await h.ok('olga', 'voting close 1');
  await h.ok('olga', 'count 1');
  await h.ok('sam', 'count confirm 1');
}

describe('/election results', () => {
  it('is refused before the results are announced, whoever asks, and says so', async () => {
    const h = harness();
    await electionInVoting(h);
    expect(await refused(h, 'alice', 'results 1')).toBe(
      'The results of election 1 are not announced yet (it is at: voting open). They can be shown once the organisers announce them.',
    );
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    // counted is not announced: not even the organiser who ran the count sees it here
    for (const member of ['olga', 'alice'])
      expect(await refused(h, member, 'results 1')).toMatch(
        /^The results of election 1 are not announced yet/,
      );
    expect(await refused(h, 'alice', 'results 1')).not.toMatch(/\d+ ✓|Elected/);
  });

  it('shows anyone in the organisation the announcement again, to them alone, figure for figure', async () => {
    const h = harness();
    await twoContests(h);
    await h.ok('olga', 'announce 1');
    const announced = posted(h);
    // a voter, an organiser, and a member who is on no roll at all
    for (const member of ['alice', 'olga', 'zed']) {
      const body = await shown(h, member, 'results 1');
      expect(body.title).toBe(announced.title);
      expect(body.fields).toEqual(announced.fields);
      expect(chartsOf(body)).toEqual(chartsOf(announced));
      expect(body.text).toMatch(
        /^The results of election 1 as announced Sun 1 Mar 09:00 UTC\. The election is now: results announced\.\n/,
      );
      expect(body.text).toContain('Count confirmed by <@sam>.');
    }
    // nothing was posted for anyone else to see
    expect(h.store.state.outbox.filter((m) => m.purpose === 'results')).toHaveLength(1);
  });

  it('shows one contest, by number or by name', async () => {
    const h = harness();
    await twoContests(h);
    await h.ok('olga', 'announce 1');
    const byName = await shown(h, 'bob', 'results 1 treasurer');
    expect(contestsIn(byName)).toEqual(['Treasurer']);
    expect(byName.fields!.find((f) => f.label === 'Votes')!.value).toBe('Carol: 4 ✓\nDave: 1');
    expect(chartsOf(byName)).toHaveLength(1);
    expect(await shown(h, 'bob', 'results 1 2')).toEqual(byName);
    expect(contestsIn(await shown(h, 'bob', 'results 1 Chair'))).toEqual(['Chair']);
    expect(await refused(h, 'bob', 'results 1 Secretary')).toMatch(/Secretary/);
  });

  it('shows a contest over its rounds, or one round of it, and names the rounds there are', async () => {
    const h = harness();
    await presetElectionInReview(h, 'roberts', 'President 1', ['alice', 'bob', 'carol'], VOTERS);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    const ballot = async (contest: number, votes: string[]) => {
      for (const [i, v] of VOTERS.entries()) await h.ok(v, `cast 1 ${contest} ${votes[i]}`);
      await h.ok('olga', 'voting close 1');
      await h.ok('olga', 'count 1');
    };
    await ballot(1, ['1', '2', '3', '1', '1', '2', '3']);
    await h.ok('olga', 'voting round 1');
    await ballot(2, ['1', '2', '3', '1', '1', '2', '2']);
    await h.ok('olga', 'voting round 1');
    await ballot(3, ['1', '2', '1', '1', '1', '2', '2']);
    await h.ok('olga', 'announce 1');

    const all = await shown(h, 'gus', 'results 1 President');
    expect(contestsIn(all)).toEqual(['President', 'President (2)', 'President (3)']);
    expect(all.fields).toEqual(posted(h).fields);
    // the latest round is the one drawn
    expect(chartsOf(all)).toHaveLength(1);
    // any round's name finds the contest it continues
    expect(await shown(h, 'gus', 'results 1 3')).toEqual(all);

    const second = await shown(h, 'gus', 'results 1 President 2');
    expect(contestsIn(second)).toEqual(['President (2)']);
    expect(second.fields!.find((f) => f.label === 'Votes')!.value).toBe('Alice: 3\nBob: 3\nCarol: 1');
    expect(chartsOf(second)[0].series[0].values).toEqual([3, 3, 1]);
    expect(second.fields!.find((f) => f.label === 'Elected')!.value).toBe('nobody');
    expect(contestsIn(await shown(h, 'gus', 'results 1 round=3'))).toEqual(['President (3)']);
    expect(await refused(h, 'gus', 'results 1 President 4')).toBe(
      'President has no round 4; its rounds: 1, 2, 3.',
    );
    expect(await refused(h, 'gus', 'results 1 round=5')).toBe(
      'Election 1 has no round 5; its rounds: 1, 2, 3.',
    );
  });

  it('is refused again while a further round after the announcement is not announced', async () => {
    const h = harness();
    await presetElectionInReview(h, 'roberts', 'President 1', ['alice', 'bob'], VOTERS);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    for (const [i, v] of VOTERS.slice(0, 6).entries()) await h.ok(v, `cast 1 1 ${i % 2 ? 2 : 1}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    expect(contestsIn(await shown(h, 'fay', 'results 1'))).toEqual(['President']);
    await h.ok('olga', 'voting round 1');
    expect(await refused(h, 'fay', 'results 1')).toBe(
      'Election 1 is holding a further round (it is at: voting open). Its results can be shown again once that round is announced.',
    );
  });

  it('stays open to all after certification, after archiving on an approved request (issue 14); a cancelled election has none', async () => {
    const h = harness();
    await twoContests(h);
    await h.ok('olga', 'announce 1');
    h.clock.advance(3 * DAY);
    await h.ok('olga', 'certify 1');
    expect((await shown(h, 'zed', 'results 1')).text).toContain('The election is now: certified.');
    await h.ok('olga', 'archive 1');
    expect(await refused(h, 'zed', 'results 1')).toMatch(
      /^Election 1 is archived: its records open only on an approved request/,
    );
    await h.ok('zed', 'archive request 1 "the branch history"');
    await h.ok('olga', 'archive answer 1 R-1 approve');
    const archived = await shown(h, 'zed', 'results 1');
    expect(archived.text).toContain('The election is now: archived.');
    expect(archived.fields).toEqual(posted(h).fields);

    const g = harness();
    await electionInVoting(g);
    await g.ok('olga', 'cancel 1 "wrong roll"');
    expect(await refused(g, 'alice', 'results 1')).toBe(
      'Election 1 was cancelled: it has no announced results to show.',
    );
  });

  it('answers in the reader language', async () => {
    const h = harness();
    await twoContests(h);
    await h.ok('olga', 'announce 1');
    const r = await h.run('carol', 'results 1', { locale: 'zh-CN' });
    expect(r.kind).toBe('ok');
    expect(r.reply.body.text).toMatch(/^选举 1 于 .+ 公布的结果。选举现处于"结果已公布"阶段。/);
    expect(labels(r.reply.body.fields)).toContain('当选');
  });
});
