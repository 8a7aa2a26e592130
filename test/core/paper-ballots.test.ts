// Paper and mail ballots beside online ones (issue 13): a mixed election counted by hand, per channel.
import { describe, expect, it } from 'vitest';
import { harness, refusal as refused, type Harness } from './harness.js';

const DAY = 86_400_000;
const range = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i + 1}`);
const at = (ids: string[]) => ids.map((m) => `@${m}`).join(' ');

const ONLINE = ['alice', 'bob', 'carol', ...range('o', 7)];
const PAPER = range('p', 30);
const MAIL = range('m', 10);

/** Election 1, Chair by plurality among alice, bob and carol, with two scrutineers; voting open. */
async function mixedElection(h: Harness): Promise<void> {
  await h.ok('olga', 'create "Branch committee"');
  await h.ok('olga', 'contest add 1 Chair 1 plurality');
  await h.ok('olga', `roll add 1 ${at([...ONLINE, ...PAPER, ...MAIL, 'xena'])}`);
  await h.ok('olga', 'scrutineer add 1 @sam');
  await h.ok('olga', 'scrutineer add 1 @tess');
  // the organisers mark the branch that meets in person; a retiree asks for her own ballot by mail
  await h.ok('olga', `roll channel 1 paper ${at([...PAPER, 'xena'])}`);
  for (const m of MAIL) await h.ok(m, 'roll channel 1 mail');
  expect(await refused(h, 'm1', 'roll channel 1 paper @m2')).toBe(
    'Only the organisers choose how other members vote; you can ask for yourself.',
  );
  await h.ok('olga', 'nominations open 1');
  for (const c of ['alice', 'bob', 'carol']) {
    await h.ok(c, 'nominate 1 1');
    await h.ok('o1', `second 1 ${['alice', 'bob', 'carol'].indexOf(c) + 1}`);
  }
  await h.ok('olga', 'nominations close 1');
  for (const n of [1, 2, 3]) await h.ok('olga', `review approve 1 ${n}`);
  await h.ok('olga', 'candidates publish 1');
  await h.ok('olga', 'schedule 1 voting-close=7d');
  await h.ok('olga', 'voting open 1');
}

function announced(h: Harness): string {
  const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
  return [body.text, ...(body.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n');
}

describe('a mixed election: online, paper and mail', () => {
  it('counts every channel, reconciles each, and waits for two scrutineers', async () => {
    const h = harness();
    await mixedElection(h);
    expect(await h.ok('olga', `paper issue 1 ${at([...PAPER, 'xena'])}`)).toBe(
      'Recorded: 31 ballot(s) issued for round 1 of election 1.',
    );
    await h.ok('olga', `paper issue 1 ${at(MAIL)}`);

    // online, by hand: alice 6 (alice, o1–o4, xena), bob 3 (bob, o5, o6), carol 2 (carol, o7)
    for (const v of ['alice', 'o1', 'o2', 'o3', 'o4']) await h.ok(v, 'cast 1 1 1');
    for (const v of ['bob', 'o5', 'o6']) await h.ok(v, 'cast 1 1 2');
    for (const v of ['carol', 'o7']) await h.ok(v, 'cast 1 1 3');
    // xena was given a paper ballot, and voted online first: that is the ballot that counts
    await h.ok('xena', 'cast 1 1 1');
    expect(await refused(h, 'sam', 'paper return 1 @xena')).toBe(
      '<@xena> has already voted online in this round, and that ballot counts: do not put this one in the box.',
    );

    // the paper voters hand theirs in at the box; nine mail envelopes come on time, one after the close
    await h.ok('sam', `paper return 1 ${at(PAPER)}`);
    h.clock.advance(2 * DAY);
    const onTime = new Date(h.clock.now().getTime() - DAY).toISOString().slice(0, 10);
    await h.ok('tess', `paper return 1 ${at(MAIL.slice(0, 9))} received=${onTime}`);
    // whichever came first counts: m1's envelope is in, so m1 cannot vote online as well
    expect(await refused(h, 'm1', 'cast 1 1 2')).toBe(
      'Your ballot in this round came by mail first, and that is the one that counts: you cannot also vote online.',
    );
    expect(await refused(h, 'olga', 'paper return 1 @m2')).toBe(
      'The ballot of <@m2> is recorded as returned already.',
    );
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting close 1');
    h.clock.advance(DAY);
    expect(await h.ok('tess', 'paper return 1 @m10')).toBe(
      'Recorded: 0 ballot(s) returned in round 1 of election 1.\nReceived after voting closed, logged and not counted: <@m10>.',
    );

    // three paper batches of ten; the second is disputed, then settled by the organisers
    await h.ok('sam', 'paper batch 1 1 "6*1; 3*2; invalid:unreadable"');
    expect(await refused(h, 'sam', 'paper confirm 1 1')).toBe(
      'You entered batch 1: another scrutineer must check it.',
    );
    await h.ok('tess', 'paper confirm 1 1');
    const second = await h.ok('tess', 'paper batch 1 1 "4*1; 4*3; blank; invalid:identifying-mark"');
    expect(second).toContain('10 ballot(s): valid 9 (of which blank 1), invalid identifying mark 1.');
    await h.ok('sam', 'paper dispute 1 2 "the pile has 11 sheets"');
    await h.ok('sam', 'paper batch 1 1 "5*2; 3*3; 2*1"');
    await h.ok('tess', 'paper confirm 1 3');
    await h.ok('tess', 'paper batch 1 1 "4*1; 4*2; invalid:over-marked" channel=mail');
    await h.ok('sam', 'paper confirm 1 4');
    expect(await refused(h, 'olga', 'count 1')).toBe(
      'Every batch must be confirmed (or settled) before the count: 2 (disputed).',
    );
    await h.ok('olga', 'paper settle 1 2 accept "recounted: the eleventh sheet was a spare, unused"');
    expect(h.store.state.paperBallots.every((b) => !('memberId' in b))).toBe(true);

    // the count: hidden from the organiser who ran it; the scrutineers see it first, privately
    const counted = await h.run('olga', 'count 1');
    expect(counted.reply.body.text).toContain(
      'it stays hidden from everyone else until 2 of them confirm it',
    );
    expect(counted.reply.body.fields).toBeUndefined();
    const privately = h.store.state.outbox.filter((m) => m.dedupeKey.includes('confirm-ask'));
    expect(privately.map((m) => (m.destination as { memberId: string }).memberId).sort()).toEqual([
      'sam',
      'tess',
    ]);
    expect(privately[0].body.fields?.length).toBeGreaterThan(0);

    expect(await refused(h, 'olga', 'announce 1')).toBe(
      'The count has 0 of the 2 scrutineers’ confirmations it needs before the results are announced (C12).',
    );
    await h.ok('sam', 'count confirm 1 "boxes sealed and opened in public; figures agree"');
    expect(await refused(h, 'olga', 'announce 1')).toMatch(/has 1 of the 2/);
    await h.ok('tess', 'count confirm 1');
    await h.ok('olga', 'announce 1');

    // by hand. Online 11: alice 6, bob 3, carol 2. Paper 30: alice 6+4+2 = 12, bob 3+5 = 8,
    // carol 4+3 = 7, blank 1, invalid 2 (unreadable, identifying mark). Mail 9: alice 4, bob 4, invalid 1.
    const stored = h.store.state.results[0];
    expect(stored.result.rounds[0].counts).toEqual([22, 15, 9]);
    expect(stored.result.ballots).toMatchObject({ cast: 50, valid: 47, blank: 1, invalid: 3 });
    expect(stored.result.winners).toEqual([0]);
    // issued: online 11 (the 10 with no paper ballot, and xena, who voted online), paper 31, mail 10
    expect(stored.channels).toEqual([
      {
        channel: 'online',
        issued: 11,
        returned: 11,
        valid: 11,
        blank: 0,
        invalid: 0,
        invalidBy: {},
        late: 0,
      },
      {
        channel: 'paper',
        issued: 31,
        returned: 30,
        valid: 28,
        blank: 1,
        invalid: 2,
        invalidBy: { unreadable: 1, 'identifying-mark': 1 },
        late: 0,
      },
      {
        channel: 'mail',
        issued: 10,
        returned: 9,
        valid: 8,
        blank: 0,
        invalid: 1,
        invalidBy: { 'over-marked': 1 },
        late: 1,
      },
    ]);
    const text = announced(h);
    expect(text).toContain('online: issued 11, returned 11; valid 11 (of which blank 0), invalid 0');
    expect(text).toContain(
      'on paper: issued 31, returned 30; valid 28 (of which blank 1), invalid 2 (unreadable 1; identifying mark 1)',
    );
    expect(text).toContain(
      'by mail: issued 10, returned 9; valid 8 (of which blank 0), invalid 1 (over-marked 1); 1 received late, not counted',
    );
    expect(text).toContain('Turnout: eligible 51, ballots issued 52, cast 50 (98%)');
    expect(text).toContain('Scrutineers’ conclusion:');
    expect(text).toContain('<@sam> confirmed the count: boxes sealed and opened in public; figures agree');
    expect(text).toContain('<@tess> confirmed the count.');
    // the disputed batch, its note and its settlement are on the audit chain
    const events = h.store.state.audit.map((a) => a.event);
    expect(events).toContain('paper.batch_disputed');
    expect(events).toContain('paper.batch_settled');
  });
});

/** Election 1 under `preset`, Members 1 between alice and bob, 7 voters of whom 3 get paper ballots. */
async function paperRound(h: Harness, preset?: string): Promise<void> {
  const voters = ['alice', 'bob', 'carol', 'dave', 'p1', 'p2', 'p3'];
  await h.ok('olga', `create "Branch committee"${preset ? ` preset=${preset}` : ''}`);
  await h.ok('olga', `contest add 1 Members 1${preset ? '' : ' approve-oppose'}`);
  await h.ok('olga', `roll add 1 ${at(voters)}`);
  await h.ok('olga', 'nominations open 1');
  await h.ok('alice', 'nominate 1 1');
  await h.ok('bob', 'second 1 1');
  await h.ok('bob', 'nominate 1 1');
  await h.ok('alice', 'second 1 2');
  await h.ok('olga', 'nominations close 1');
  await h.ok('olga', 'review approve 1 1');
  await h.ok('olga', 'review approve 1 2');
  await h.ok('olga', 'candidates publish 1');
  h.clock.advance(5 * DAY);
  await h.ok('olga', 'voting open 1');
  await h.ok('olga', 'paper issue 1 @p1 @p2 @p3');
  for (const v of ['alice', 'bob', 'carol', 'dave']) await h.ok(v, 'cast 1 1 1:+,2:-');
  await h.ok('olga', 'paper return 1 @p1 @p2 @p3');
  await h.ok('olga', 'voting close 1');
  await h.ok('olga', 'scrutineer add 1 @sam');
  await h.ok('olga', 'scrutineer add 1 @tess');
}

describe('reconciliation (C2)', () => {
  it('voids a cn-org round in which more ballots came back than were issued', async () => {
    const h = harness();
    await paperRound(h, 'cn-org');
    // 3 paper ballots issued, 4 in the box
    await h.ok('sam', 'paper batch 1 1 "4*1:+,2:-"');
    await h.ok('tess', 'paper confirm 1 1');
    await h.ok('olga', 'count 1');
    const stored = h.store.state.results[0];
    expect(stored.channels?.find((c) => c.channel === 'paper')).toMatchObject({ issued: 3, returned: 4 });
    expect(stored.result.winners).toEqual([]);
    expect(stored.result.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
    expect(stored.result.rulings?.[0]).toEqual({
      key: 'ruling.reconciliation_void',
      params: { channel: 'paper', returned: 4, issued: 3, rule: 'C2' },
    });
  });

  it('flags it, and voids nothing, where the rules do not say so', async () => {
    const h = harness();
    await paperRound(h);
    await h.ok('sam', 'paper batch 1 1 "4*1:+,2:-"');
    await h.ok('tess', 'paper confirm 1 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    expect(result.winners).toEqual([0]);
    expect(result.rulings).toEqual([
      { key: 'ruling.reconciliation_flag', params: { channel: 'paper', returned: 4, issued: 3 } },
    ]);
  });
});

describe('the scrutineers’ confirmations (C12)', () => {
  it('a dispute stops the announcement until the organisers resolve it; a recount asks again', async () => {
    const h = harness();
    await paperRound(h);
    await h.ok('sam', 'paper batch 1 1 "3*1:+,2:-"');
    await h.ok('tess', 'paper confirm 1 1');
    await h.ok('olga', 'count 1');
    await h.ok('sam', 'count confirm 1');
    await h.ok('tess', 'count dispute 1 "batch 1 was counted before the box was opened in public"');
    expect(await refused(h, 'olga', 'announce 1')).toBe(
      '<@tess> disputed the count (batch 1 was counted before the box was opened in public): the organisers recount or resolve it before announcing.',
    );
    // a recount is a new count: the confirmation of the old one no longer stands
    await h.ok('olga', 'count recount 1 "the box opened again in public"');
    expect(await refused(h, 'olga', 'announce 1')).toMatch(/has 0 of the 2/);
    await h.ok('sam', 'count confirm 1');
    await h.ok('tess', 'count dispute 1 "one sheet torn"');
    await h.ok('olga', 'count resolve 1 "the torn sheet is the spare; checked with both scrutineers"');
    await h.ok('tess', 'count confirm 1');
    await h.ok('olga', 'announce 1');
    const text = announced(h);
    expect(text).toContain(
      '<@tess> disputed the count: one sheet torn. Resolved by the organisers: the torn sheet is the spare; checked with both scrutineers',
    );
    const events = h.store.state.audit.map((a) => a.event);
    expect(events.filter((e) => e === 'count.disputed')).toHaveLength(2);
    expect(events).toContain('count.recounted');
    expect(events).toContain('count.resolved');
  });

  it('needs as many confirmations as the election says, and no more scrutineers than it has', async () => {
    const h = harness();
    await h.ok('olga', 'create "Board"');
    await h.ok('olga', 'configure 1 confirmations=3');
    const e = h.store.state.elections[0];
    expect(e.settings.confirmations).toBe(3);
  });
});

describe('the announcement as an official notice, in Chinese', () => {
  it('gives the rules, the dates, each channel and the conclusion as a 选举结果公告 does', async () => {
    const h = harness();
    await paperRound(h, 'cn-org');
    await h.ok('sam', 'paper batch 1 1 "2*1:+,2:-; invalid:not-official"');
    await h.ok('tess', 'paper confirm 1 1');
    await h.ok('olga', 'count 1');
    await h.ok('sam', 'count confirm 1 "开箱、唱票、计票均公开进行"');
    await h.ok('tess', 'count confirm 1');
    h.clock.advance(DAY);
    expect((await h.run('olga', 'announce 1', { locale: 'zh-CN' })).kind).toBe('ok');
    const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
    const text = [body.text, ...(body.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join('\n');
    expect(text).toMatch(
      /^第 1 号选举“Branch committee”选举结果公告。适用规则：中国组织选举规则（C1–C15）。投票开始于 .+，结束于 .+。/,
    );
    // by hand: online 4 issued 4 returned 4; paper 3 issued, 3 returned, 2 valid and 1 not official
    expect(text).toContain('网上：发出 4 张，收回 4 张；有效 4 张（其中空白 0 张），无效 0 张');
    expect(text).toContain(
      '纸质：发出 3 张，收回 3 张；有效 2 张（其中空白 0 张），无效 1 张（非正式选票 1）',
    );
    expect(text).toContain(
      '监督情况及结论：\n<@sam> 确认计票：开箱、唱票、计票均公开进行\n<@tess> 确认计票。',
    );
  });
});
