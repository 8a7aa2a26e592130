// The feedback survey (issue 14): only members who took part are asked, once each; each answers once;
// answers stay sealed until certification and are then counted into the report; and nothing the memory
// store holds links a member to an answer.
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/core/reports/report.types.js';
import { harness, type Harness } from './harness.js';
import { announcedIrv, VOTERS } from './report-scenario.js';

const invited = (h: Harness) =>
  h.store.state.outbox
    .filter((m) => m.purpose === 'survey')
    .map((m) => (m.destination.kind === 'dm' ? m.destination.memberId : m.destination.channelId))
    .sort();

async function reportData(h: Harness): Promise<ReportData> {
  const r = await h.run('olga', 'result report 1 format=json');
  const f = r.reply.body.files?.[0];
  return JSON.parse(f && 'data' in f ? String(f.data) : '{}') as ReportData;
}

/** Every value anywhere in the memory store, as text, with the name of the table it is in. */
function everyValue(h: Harness): { table: string; row: string }[] {
  return Object.entries(h.store.state).flatMap(([table, rows]) =>
    (Array.isArray(rows) ? rows : Object.values(rows)).map((row) => ({ table, row: JSON.stringify(row) })),
  );
}

const ANSWERS: [string, number, number, string?][] = [
  ['alice', 5, 4, 'Well run'],
  ['bob', 4, 5],
  ['carol', 2, 3, 'Notice came too late'],
  ['dave', 4, 4],
];

describe('the feedback survey', () => {
  it('asks only the members who took part, once each, in their language', async () => {
    const h = harness();
    await announcedIrv(h);
    // nine voted; zoe (on the roll, no vote), olga (organiser) and sam (scrutineer) did not
    expect(invited(h)).toEqual([...VOTERS].sort());
    const dm = h.store.state.outbox.find((m) => m.purpose === 'survey')!;
    expect(dm.body.text).toContain('/survey 1 <satisfaction> <ease> [comment]');
    expect(dm.body.actions).toEqual([
      { label: 'Answer the survey', command: 'report.survey', args: { election: '1' } },
    ]);
    // the audit chain says how many were asked, never who
    const asked = h.store.state.audit.filter((a) => a.event === 'survey.invited');
    expect(asked.map((a) => a.data)).toEqual([{ members: 9 }]);
    expect(JSON.stringify(asked)).not.toMatch(/alice|ivy/);
  });

  it('asks those who first took part in a later round at its announcement, and nobody twice', async () => {
    const h = harness();
    const voters = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus'];
    await h.ok('olga', 'create "Branch committee" preset=roberts');
    await h.ok('olga', 'configure 1 survey=yes');
    await h.ok('olga', 'contest add 1 President 1');
    await h.ok('olga', `roll add 1 ${voters.map((v) => `@${v}`).join(' ')}`);
    await h.ok('olga', 'nominations open 1');
    for (const [i, c] of ['alice', 'bob', 'carol'].entries()) {
      await h.ok(c, 'nominate 1 1');
      await h.ok('dave', `second 1 ${i + 1}`);
    }
    await h.ok('olga', 'nominations close 1');
    for (const n of [1, 2, 3]) await h.ok('olga', `review approve 1 ${n}`);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    // ballot 1: 3, 2, 1 of 6 (gus does not vote): no majority of 4, a re-vote (R4)
    for (const [v, c] of Object.entries({ alice: 1, dave: 1, erin: 1, bob: 2, fay: 2, carol: 3 }))
      await h.ok(v, `cast 1 1 ${c}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    expect(invited(h)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'fay']);
    await h.ok('olga', 'voting round 1');
    // ballot 2: everyone, gus too: alice 5 of 7
    for (const [v, c] of Object.entries({ alice: 1, dave: 1, erin: 1, carol: 1, gus: 1, bob: 2, fay: 2 }))
      await h.ok(v, `cast 1 2 ${c}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    // the survey stays open through the further round: a first-round voter answers during it
    await h.ok('alice', 'survey 1 4 4');
    await h.ok('olga', 'announce 1');
    // gus is asked now; nobody is asked a second time
    expect(invited(h)).toEqual([...voters].sort());
    expect(
      h.store.state.audit.filter((a) => a.event === 'survey.invited').map((a) => a.data.members),
    ).toEqual([6, 1]);
    await h.ok('gus', 'survey 1 3 5');
    expect((await reportData(h)).survey).toMatchObject({ state: 'open', invited: 7, answered: 2 });
  });

  it('asks nobody when the election did not ask for a survey', async () => {
    const h = harness();
    await announcedIrv(h, { survey: false });
    expect(invited(h)).toEqual([]);
    expect((await h.run('alice', 'survey 1 4 4')).reply.body.text).toBe('Election 1 has no survey open.');
    expect((await reportData(h)).survey.state).toBe('off');
  });

  it('takes one answer from each member who took part, and none from anyone else', async () => {
    const h = harness();
    await announcedIrv(h);
    expect(await h.ok('alice', 'survey 1 5 4 Well run')).toBe(
      'Thank you: your answer to the survey of election 1 is in, without your name. It cannot be changed.',
    );
    const again = await h.run('alice', 'survey 1 1 1 changed my mind');
    expect(again.reply.body.text).toBe('You have already answered the survey of election 1.');
    for (const who of ['zoe', 'olga'])
      expect((await h.run(who, 'survey 1 3 3')).reply.body.text).toBe(
        'Only members who voted in election 1 can answer its survey.',
      );
    expect((await h.run('bob', 'survey 1 6 3')).kind).toBe('invalid');
    expect(h.store.state.surveySealed).toHaveLength(1);
    expect(h.store.state.surveyRespondents).toEqual([
      { electionId: h.store.state.elections[0]!.id, memberId: 'alice' },
    ]);
  });

  it('keeps answers sealed until certification, then counts them into the report', async () => {
    const h = harness();
    await announcedIrv(h);
    for (const [who, s, e, c] of ANSWERS) await h.ok(who, `survey 1 ${s} ${e}${c ? ` ${c}` : ''}`);
    const open = await reportData(h);
    expect(open.survey).toMatchObject({ state: 'open', invited: 9, answered: 4, shown: false, comments: [] });
    // while open, nothing the store holds reads as an answer: ciphertexts only
    expect(everyValue(h).filter((v) => /Well run|too late/.test(v.row))).toEqual([]);
    await h.ok('olga', 'certify 1 override="members agreed"');
    expect((await h.run('erin', 'survey 1 4 4')).reply.body.text).toBe(
      'The survey of election 1 has closed.',
    );
    const closed = (await reportData(h)).survey;
    // satisfaction 5, 4, 2, 4: one 2, two 4s, one 5; sorted 2 4 4 5, median (4 + 4) / 2 = 4
    // ease 4, 5, 3, 4: one 3, two 4s, one 5; sorted 3 4 4 5, median 4
    expect(closed).toEqual({
      state: 'closed',
      invited: 9,
      answered: 4,
      shown: true,
      satisfaction: { counts: [0, 1, 0, 2, 1], median: 4 },
      ease: { counts: [0, 0, 1, 2, 1], median: 4 },
      comments: ['Notice came too late', 'Well run'],
    });
    // the ciphertexts and the salt are gone; the purge ran after the commit
    expect(h.store.state.surveySealed).toEqual([]);
    expect(h.store.state.surveySecrets).toEqual({});
    expect(h.store.purged).toBeGreaterThan(0);
  });

  it('withholds the figures while fewer than three answered', async () => {
    const h = harness();
    await announcedIrv(h);
    await h.ok('alice', 'survey 1 5 5 Only me');
    await h.ok('bob', 'survey 1 1 1');
    await h.ok('olga', 'certify 1 override="members agreed"');
    const s = (await reportData(h)).survey;
    expect(s).toMatchObject({ state: 'closed', answered: 2, shown: false, satisfaction: null, comments: [] });
    const md = await h.run('olga', 'result report 1 format=markdown');
    const f = md.reply.body.files![0];
    expect('data' in f && String(f.data)).toContain('Fewer than 3 answered: the figures are withheld');
  });

  it('takes nothing, and closes nothing, in a process with another server secret', async () => {
    const h = harness();
    await announcedIrv(h);
    await h.ok('alice', 'survey 1 5 5');
    const other = harness({ store: h.store, clock: h.clock, secret: 'another-server-secret' });
    const refused = await other.run('bob', 'survey 1 4 4');
    expect(refused.reply.body.text).toMatch(/^Your answer was NOT recorded/);
    expect(h.store.state.surveyRespondents.map((r) => r.memberId)).toEqual(['alice']);
    // deleting the salt would lose alice's answer for good: the certification waits
    const certify = await other.run('olga', 'certify 1 override="members agreed"');
    expect(certify.kind).toBe('domain-error');
    expect(h.store.state.elections[0]!.phase).toBe('announced');
    expect(h.store.state.surveySealed).toHaveLength(1);
    await h.ok('olga', 'certify 1 override="members agreed"');
    expect(h.store.state.surveyAnswers.map((a) => a.satisfaction)).toEqual([5]);
  });

  it('leaves nothing in the memory store that links a member to an answer', async () => {
    const h = harness();
    await announcedIrv(h);
    for (const [who, s, e, c] of ANSWERS) await h.ok(who, `survey 1 ${s} ${e}${c ? ` ${c}` : ''}`);
    const sealedIds = h.store.state.surveySealed.map((x) => x.id);
    expect(sealedIds).toHaveLength(4);
    await h.ok('olga', 'certify 1 override="members agreed"');
    const answers = h.store.state.surveyAnswers;
    // written at the close under fresh random ids: nothing of the sealed rows carries over
    expect(answers.filter((a) => sealedIds.includes(a.id))).toEqual([]);
    expect(answers).toHaveLength(4);
    // an answer row holds no member, no time and nothing but its random id, the election and the answer
    for (const a of answers)
      expect(Object.keys(a).sort()).toEqual(['comment', 'ease', 'electionId', 'id', 'satisfaction']);
    // a respondent row holds the member and the election, and nothing of any answer
    for (const r of h.store.state.surveyRespondents)
      expect(Object.keys(r).sort()).toEqual(['electionId', 'memberId']);
    // no value anywhere holds an answer's id or comment except the answer itself, and no row outside the
    // answers names both a respondent and anything of an answer
    const values = everyValue(h);
    for (const a of answers) {
      const holders = values.filter((v) => v.row.includes(a.id) || (a.comment && v.row.includes(a.comment)));
      expect(holders.map((v) => v.table)).toEqual(['surveyAnswers']);
    }
    // nor do the rows keep the order the members answered in: answers are in id order, respondents in name order
    expect(answers.map((a) => a.id)).toEqual([...answers.map((a) => a.id)].sort());
    expect(h.store.state.surveyRespondents.map((r) => r.memberId)).toEqual(['alice', 'bob', 'carol', 'dave']);
    expect(values.filter((v) => v.table === 'surveySealed')).toEqual([]);
  });
});
