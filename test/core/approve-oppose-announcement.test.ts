// A whole approve / oppose / abstain election, and the announcement it ends in, read as a 选举结果公告:
// 应到, 实到 and 投票人数, ballots issued and returned, valid and invalid by reason (C3), the threshold and
// its base (C5), for / against / abstain and share per candidate, highest first (C6), who is elected
// (the C14 record). Checked against a count by hand, in English and in Simplified Chinese.
import { describe, expect, it } from 'vitest';
import { tally } from '../../src/counting/index.js';
import type { StoredResult } from '../../src/core/results/result.types.js';
import type { Contest } from '../../src/core/shared/election.types.js';
import { announcement } from '../../src/core/results/result.view.js';
import { translator } from '../../src/i18n/index.js';
import { harness, type Harness } from './harness.js';

// ann, bo and cy stand; ivy is on the roll and does not vote
const ROLL = ['ann', 'bo', 'cy', 'di', 'ed', 'flo', 'gil', 'hal', 'ivy'];

async function committee(h: Harness, options = '') {
  await h.ok('olga', 'create "Branch committee"');
  await h.ok('olga', `contest add 1 Committee 2 approve-oppose ${options}`.trim());
  await h.ok('olga', `roll add 1 ${ROLL.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'configure 1 seconders=0');
  await h.ok('olga', 'nominations open 1');
  for (const c of ['ann', 'bo', 'cy']) await h.ok(c, 'nominate 1 1');
  await h.ok('olga', 'nominations close 1');
  for (const n of [1, 2, 3]) await h.ok('olga', `review approve 1 ${n}`);
  await h.ok('olga', 'candidates publish 1');
  await h.ok('olga', 'voting open 1');
  // candidate 1 = Ann, 2 = Bo, 3 = Cy (nomination order)
  const ballots: [string, string][] = [
    ['ann', '1:+,2:+,3:-'],
    ['bo', '1:+,2:+'],
    ['cy', '1:+,3:+,2:-'],
    ['di', '1:-,2:+'],
    ['ed', 'blank'],
    // three approvals for two seats, more choices than seats (C3): taken when cast, as a paper ballot
    // would be, and set aside as invalid at the count
    ['flo', '1:+,2:+,3:+'],
    ['gil', '2:-,3:-'],
    ['hal', '1:+'],
  ];
  for (const [voter, choice] of ballots) await h.ok(voter, `cast 1 1 ${choice}`);
  await h.ok('olga', 'voting close 1');
}

const lines = (body: { text: string; fields?: { label: string; value: string }[] }) =>
  [body.text, ...(body.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n');

describe('an approve / oppose / abstain election, announced', () => {
  it('counts the over-marked ballot as invalid and announces the whole record in English', async () => {
    const h = harness();
    await committee(h);
    // By hand, over the 7 valid ballots (Flo's is spoilt, Ed's blank abstains on all, Ivy did not vote):
    //   Ann for Ann, Bo, Cy, Hal = 4; against Di = 1; abstain Ed, Gil = 2; 4/7 = 57.14%
    //   Bo  for Ann, Bo, Di = 3;      against Cy, Gil = 2; abstain Ed, Hal = 2; 3/7 = 42.86%
    //   Cy  for Cy = 1;               against Ann, Gil = 2; abstain Bo, Di, Ed, Hal = 4; 1/7 = 14.29%
    // More than 50% of 7 = more than 3.5: Ann only; one seat left for a further round.
    const counted = await h.ok('olga', 'count 1');
    const r = h.store.state.results[0].result;
    expect(r.options.maxMarks).toBe(2);
    expect(r.ballots).toMatchObject({
      cast: 8,
      valid: 7,
      blank: 1,
      invalid: 1,
      invalidBy: { 'over-marked': 1 },
    });
    expect(r.opinions).toMatchObject({ for: [4, 3, 1], against: [1, 2, 2], abstain: [2, 2, 4] });
    expect(counted).toContain('Elected: Ann');

    await h.ok('olga', 'announce 1');
    const notices = h.store.state.outbox.filter((m) => m.purpose === 'results');
    expect(notices).toHaveLength(1);
    const text = lines(notices[0].body);
    expect(text).toContain(
      'Committee — Voters: entitled to vote 9; present 8; took part (ballots cast) 8, 88.9% of those entitled; ballots issued 9, returned 8',
    );
    expect(text).toContain(
      'Ballots: valid 7 (of which blank 1), invalid 1; invalid by reason: more than 2 approval(s) (rule C3): 1',
    );
    expect(text).toContain(
      'Threshold (rule C5): more than 50% of the valid ballots (7), that is more than 3.5 for',
    );
    expect(text).toContain(
      [
        'For / against / abstain, and the share of the base: Ann: for 4, against 1, abstain 2; 57.14% — elected',
        'Bo: for 3, against 2, abstain 2; 42.86% — below the threshold',
        'Cy: for 1, against 2, abstain 4; 14.29% — below the threshold',
      ].join('\n'),
    );
    expect(text).toContain('Elected: Ann');
    expect(text).toContain('1 seat(s) unfilled; candidates for a further round: Bo, Cy');
  });

  it('reads the same record in Simplified Chinese, for a reader whose language is Chinese', async () => {
    const h = harness();
    await committee(h);
    await h.ok('olga', 'count 1');
    const announced = await h.run('olga', 'announce 1', { locale: 'zh-CN' });
    expect(announced.kind).toBe('ok');
    const notice = h.store.state.outbox.filter((m) => m.purpose === 'results')[0].body;
    expect(notice.title).toBe('选举结果：Branch committee');
    const text = lines(notice);
    expect(text).toContain(
      'Committee — 应到与实到: 应到 9 人，实到 8 人，投票人数 8 人（占应到人数的 88.9%）；发出选票 9 张，收回 8 张',
    );
    expect(text).toContain(
      '选票: 有效票 7 张（其中空白票 1 张），无效票 1 张；无效票按原因：赞成人数多于 2 人（规则 C3）1 张',
    );
    expect(text).toContain('当选票数（规则 C5）: 赞成票超过有效票数（7）的 50%，即超过 3.5 票');
    expect(text).toContain(
      [
        '得票情况（赞成 / 反对 / 弃权，赞成票所占比例）: Ann：赞成 4 票，反对 1 票，弃权 2 票；赞成票占 57.14%——当选',
        'Bo：赞成 3 票，反对 2 票，弃权 2 票；赞成票占 42.86%——未达当选票数',
        'Cy：赞成 1 票，反对 2 票，弃权 4 票；赞成票占 14.29%——未达当选票数',
      ].join('\n'),
    );
    expect(text).toContain('当选: Ann');
    expect(text).not.toMatch(/for \d|Threshold|entitled/);
  });

  it('is the reader who picks the language: the same stored result in either', async () => {
    const h = harness();
    await committee(h);
    await h.ok('olga', 'count 1');
    const contests = h.store.state.contests;
    const results = h.store.state.results;
    const en = lines(announcement(translator('en'), 'X', contests, results, false, []));
    const zh = lines(announcement(translator('zh-Hans'), 'X', contests, results, false, []));
    expect(en).toContain('Ann: for 4, against 1, abstain 2; 57.14% — elected');
    expect(zh).toContain('Ann：赞成 4 票，反对 1 票，弃权 2 票；赞成票占 57.14%——当选');
  });

  it('the contest’s max-marks can allow more approvals; exactly half is still not enough (C3, C5)', async () => {
    const h = harness();
    await committee(h, 'max-marks=3');
    await h.ok('olga', 'count 1');
    // Flo's ballot now counts: 8 valid; Ann 5, Bo 4 (exactly half), Cy 2; more than 4 needed
    await h.ok('olga', 'announce 1');
    const text = lines(h.store.state.outbox.filter((m) => m.purpose === 'results')[0].body);
    expect(text).toContain('Ballots: valid 8 (of which blank 1), invalid 0');
    expect(text).not.toContain('invalid by reason');
    expect(text).toContain('more than 50% of the valid ballots (8), that is more than 4 for');
    expect(text).toContain('Ann: for 5, against 1, abstain 2; 62.5% — elected');
    expect(text).toContain('Bo: for 4, against 2, abstain 2; 50% — below the threshold');
    expect(text).toContain('Elected: Ann');
  });

  it('with weights the figures are weights, the ballots line gives the valid weight, and ties say so', () => {
    // weights 2.5 + 1.5 + 2: valid weight 6, more than 3 needed; Ann and Bo both 4 for one seat,
    // a tie over the threshold the organisers settle
    const result = tally({
      method: 'approve-oppose',
      seats: 1,
      candidates: [{ name: 'Ann' }, { name: 'Bo' }],
      ballots: [
        { kind: 'opinions', approve: [0, 1], oppose: [], weight: 2.5 },
        { kind: 'opinions', approve: [0], oppose: [1], weight: 1.5 },
        { kind: 'opinions', approve: [1], oppose: [0], weight: 1.5 },
        { kind: 'opinions', approve: [], oppose: [], weight: 0.5 },
      ],
      options: { maxMarks: 2, tieBreak: 'organiser' },
    });
    const contest = { id: 'c1', name: 'Chair' } as Contest;
    const stored: StoredResult = {
      electionId: 'e1',
      contestId: 'c1',
      round: 1,
      result,
      eligible: 5,
      issued: 5,
      createdAt: '2026-03-01T09:00:00Z',
    };
    const text = lines(announcement(translator('en'), 'X', [contest], [stored], true, []));
    expect(text).toContain('Ballots: valid 4 (of which blank 1), invalid 0; valid weight 6');
    expect(text).toContain('more than 50% of the valid ballots (6), that is more than 3 for');
    expect(text).toContain('Ann: for 4, against 1.5, abstain 0.5; 66.67% — over the threshold, not elected');
    expect(text).toContain('Bo: for 4, against 1.5, abstain 0.5; 66.67% — over the threshold, not elected');
    expect(text).toContain('Elected: nobody');
    expect(text).toContain('a re-vote among Ann, Bo for 1 seat(s)');
  });

  it('a result stored before opinions were recorded is shown as before, approvals only', () => {
    const result = tally({
      method: 'approve-oppose',
      seats: 1,
      candidates: [{ name: 'Ann' }, { name: 'Bo' }],
      ballots: [{ kind: 'opinions', approve: [0], oppose: [1] }],
    });
    const { opinions: _o, threshold: _t, ...old } = result;
    const stored = { contestId: 'c1', result: old, eligible: 1, issued: 1 } as StoredResult;
    const text = lines(
      announcement(translator('en'), 'X', [{ id: 'c1', name: 'Chair' } as Contest], [stored], false, []),
    );
    expect(text).toContain('Ann: 1 ✓');
    expect(text).not.toContain('Threshold');
  });

  it('lists every reason ballots were set aside for, in both languages (ballots from a file or a recount)', () => {
    const result = tally({
      method: 'approve-oppose',
      seats: 1,
      candidates: [{ name: 'Ann' }, { name: 'Bo' }],
      ballots: [
        { kind: 'opinions', approve: [5], oppose: [] },
        { kind: 'opinions', approve: [0], oppose: [0] },
        { kind: 'opinions', approve: [0, 1], oppose: [] },
        { kind: 'opinions', approve: [0, 1], oppose: [] },
        { kind: 'opinions', approve: [], oppose: [] },
        { kind: 'opinions', approve: [0], oppose: [] },
      ],
      options: { maxMarks: 1, allowBlank: false },
    });
    const stored = { contestId: 'c1', result, eligible: 6, issued: 6 } as StoredResult;
    const contests = [{ id: 'c1', name: 'Chair' } as Contest];
    const en = lines(announcement(translator('en'), 'X', contests, [stored], false, []));
    expect(en).toContain(
      'Ballots: valid 1 (of which blank 0), invalid 5; invalid by reason: naming someone not on the ballot: 1; ' +
        'approving and opposing the same candidate: 1; more than 1 approval(s) (rule C3): 2; ' +
        'blank, which this contest does not accept: 1',
    );
    const zh = lines(announcement(translator('zh-Hans'), 'X', contests, [stored], false, []));
    expect(zh).toContain(
      '选票: 有效票 1 张（其中空白票 0 张），无效票 5 张；无效票按原因：选了选票上没有的人 1 张；' +
        '对同一候选人既赞成又反对 1 张；赞成人数多于 1 人（规则 C3）2 张；不接受的空白票 1 张',
    );
  });
});
