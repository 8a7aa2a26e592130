// The summary report (issue 14) of a real counted election (test/core/report-scenario.ts, where every
// figure below is worked out by hand), in each format, in English and Chinese.
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../src/core/reports/report.types.js';
import type { PrintDocument, ReplyFile } from '../../src/core/index.js';
import { harness, type Harness } from './harness.js';
import { announcedIrv, fileObjections } from './report-scenario.js';

async function report(h: Harness, text: string, locale?: string): Promise<ReplyFile> {
  const r = await h.run('olga', text, locale ? { locale } : {});
  if (r.kind !== 'ok') throw new Error(`${text}: ${r.reply.body.text}`);
  const file = r.reply.body.files?.[0];
  if (!file) throw new Error(`${text}: no file`);
  return file;
}
const text = (f: ReplyFile) => ('data' in f && typeof f.data === 'string' ? f.data : '');

describe('the summary report', () => {
  it('gives the figures of every count round, with the transfer, as the count made them', async () => {
    const h = harness();
    await announcedIrv(h);
    const file = await report(h, 'result report 1 format=json');
    expect(file).toMatchObject({ name: 'election-1-report.json', mime: 'application/json' });
    const data = JSON.parse(text(file)) as ReportData;
    expect(data.format).toBe('teller-report/1');
    expect(data.election).toMatchObject({ number: 1, title: 'Branch committee', phase: 'announced' });
    // ten on the roll, all eligible; nine voted (zoe did not)
    expect(data.roll).toEqual({ entries: 10, eligible: 10, weighted: false, voted: 9 });
    expect(data.groups).toBeNull();
    expect(data.rounds).toHaveLength(1);
    const c = data.rounds[0].contests[0];
    expect(c).toMatchObject({ name: 'Secretary', method: 'irv', seats: 1, eligible: 10, cast: 9, valid: 9 });
    // 9 of 10: 90%
    expect(c.turnout).toBe(90);
    expect(c.candidates).toEqual(['Alice', 'Bob', 'Carol']);
    // count 1: first preferences 4, 3, 2; count 2: Carol's two ballots split, one to each
    expect(c.rounds.map((r) => r.counts)).toEqual([
      [4, 3, 2],
      [5, 4, 0],
    ]);
    expect(c.rounds[0].eliminated).toEqual(['Carol']);
    expect(c.rounds[0].transfers).toEqual([{ from: 'Carol', to: { Alice: 1, Bob: 1 }, exhausted: 0 }]);
    // more than half of 9 continuing votes: 5, in both counts
    expect(c.rounds.map((r) => r.quota)).toEqual([5, 5]);
    expect(c.rounds[1].elected).toEqual(['Alice']);
    expect(data.elected).toEqual([{ contest: 'Secretary', round: 1, names: ['Alice'] }]);
    expect(data.scrutiny).toMatchObject({
      needed: 1,
      confirmed: [{ member: { id: 'sam', name: 'Sam' }, observation: 'Seals intact, figures reconciled' }],
      disputes: [],
    });
    // the head is the chain's last entry: producing the report wrote nothing
    const log = h.store.state.audit;
    expect(data.audit).toEqual({ entries: log.length, head: log.at(-1)!.hash });
    await report(h, 'result report 1 format=json');
    expect(h.store.state.audit).toHaveLength(log.length);
  });

  it('lists the objections and appeals the objections module records, with their outcomes', async () => {
    const h = harness();
    await announcedIrv(h);
    await fileObjections(h);
    const data = JSON.parse(text(await report(h, 'result report 1 format=json'))) as ReportData;
    expect(data.objections).toEqual([
      expect.objectContaining({
        ref: 'O-1',
        public: true,
        about: 'the count of Carol',
        investigator: { id: 'sam', name: 'Sam' },
        outcome: 'dismissed',
        effect: 'none',
        reason: 'recount matched',
        appeal: expect.objectContaining({ outcome: 'dismissed', reason: 'no new facts' }),
      }),
      expect.objectContaining({ ref: 'O-2', public: false, outcome: null, appeal: null }),
    ]);
    const md = text(await report(h, 'result report 1 format=markdown'));
    expect(md).toContain(
      '| O-1 | Sun 1 Mar 09:00 UTC | period: result · the count of Carol | dismissed, no change to the result: recount matched | dismissed: no new facts |',
    );
    expect(md).toContain('| O-2 (objector not named) |');
    const zh = text(await report(h, 'result report 1 format=markdown', 'zh-Hans'));
    expect(zh).toContain('驳回，不影响结果：recount matched');
    expect(zh).toContain('O-2（不具名）');
  });

  it('reads the objections module’s own record: filed, assigned, decided, appealed, decided again', async () => {
    const h = harness();
    await announcedIrv(h);
    await h.ok('olga', 'org appeal-panel @pat @quinn');
    await h.ok('frank', 'objection file 1 Secretary "Carol’s ballots were miscounted" name=yes');
    await h.ok('olga', 'objection assign 1 O-1 @quinn');
    await h.ok('quinn', 'objection findings 1 O-1 "Recounted the 9 ballots with both scrutineers"');
    await h.ok('quinn', 'objection decide 1 O-1 dismissed "The recount matched"');
    await h.ok('frank', 'objection appeal 1 O-1 "The recount was not observed"');
    await h.ok('pat', 'objection appeal decide 1 O-1 dismissed "Sam observed it"');
    const data = JSON.parse(text(await report(h, 'result report 1 format=json'))) as ReportData;
    expect(data.objections).toEqual([
      expect.objectContaining({
        ref: 'O-1',
        period: 'result',
        public: true,
        about: 'Secretary',
        investigator: { id: 'quinn', name: 'Quinn' },
        outcome: 'dismissed',
        effect: 'none',
        reason: 'The recount matched',
        appeal: expect.objectContaining({ outcome: 'dismissed', reason: 'Sam observed it', effect: 'none' }),
      }),
    ]);
  });

  it('writes Markdown with the round table, in the reader’s language', async () => {
    const h = harness();
    await announcedIrv(h);
    await h.ok('olga', 'certify 1 override="the members met and agreed"');
    const md = text(await report(h, 'result report 1 format=markdown'));
    expect(md).toMatch(/^# Summary report: election 1, Branch committee\n/);
    expect(md).toContain('| Candidate | Count 1 | Count 2 | Outcome |');
    expect(md).toContain('| Alice | 4 | 5 | elected |');
    expect(md).toContain('| Bob | 3 | 4 |  |');
    expect(md).toContain('| Carol | 2 | 0 |  |');
    expect(md).toContain('Carol is eliminated with 2 votes. From Carol: Alice +1, Bob +1.');
    expect(md).toContain('| 1 | Secretary | 10 | 10 | 9 | 9 | 90% |');
    expect(md).toContain('Sam confirmed the count: “Seals intact, figures reconciled”');
    // the certification was made early, with a reason: the override is on record
    expect(md).toContain(
      'Result certified (public notice ends) — overridden by Olga: the members met and agreed',
    );
    expect(md).toContain('Teller keeps no member groups');
    const zh = text(await report(h, 'result report 1 format=markdown', 'zh-Hans'));
    expect(zh).toMatch(/^# 选举总结报告：第 1 号选举“Branch committee”\n/);
    expect(zh).toContain('| 候选人 | 第 1 轮计票 | 第 2 轮计票 | 结果 |');
    expect(zh).toContain('| Alice | 4 | 5 | 当选 |');
    expect(zh).toContain('| 1 | Secretary | 10 | 10 | 9 | 9 | 90% |');
    expect(zh).toContain('- **名册：**名册 10 人，其中有选举权 10 人');
  });

  it('prints as a document for the PDF, and names a single round when asked for one', async () => {
    const h = harness();
    await announcedIrv(h);
    const file = await report(h, 'result report 1 1 format=pdf');
    expect(file.name).toBe('election-1-report-round-1.pdf');
    expect(file.mime).toBe('application/pdf');
    const doc = (file as { document: PrintDocument }).document;
    expect(doc.subtitle).toMatch(/^Round 1 · produced/);
    expect(doc.blocks).toContainEqual({
      kind: 'table',
      head: ['Candidate', 'Count 1', 'Count 2', 'Outcome'],
      rows: [
        ['Alice', '4', '5', 'elected'],
        ['Bob', '3', '4', ''],
        ['Carol', '2', '0', ''],
        ['Needed to be elected', '5', '5', ''],
      ],
      numeric: [false, true, true, false],
    });
    const none = await h.run('olga', 'result report 1 2');
    expect(none.kind).toBe('domain-error');
    expect(none.reply.body.text).toContain('its rounds are 1');
  });

  it('fits a chat message within every platform’s limits, pointing to the files', async () => {
    const h = harness();
    await announcedIrv(h);
    await fileObjections(h);
    const r = await h.run('olga', 'result report 1');
    expect(r.kind).toBe('ok');
    const body = r.reply.body;
    expect(r.reply.visibility).toBe('only-you');
    expect(body.title).toBe('Summary report: election 1, Branch committee');
    expect(body.text).toContain('/election result report 1 format=pdf');
    const fields = body.fields ?? [];
    const value = (label: string) => fields.find((f) => f.label === label)?.value ?? '';
    expect(value('Roll and turnout')).toContain('Round 1, Secretary: 9 of 10 voted (90%)');
    expect(value('Round 1: Secretary')).toContain('Elected: Alice');
    expect(value('Scrutineers’ conclusion')).toContain('<@sam> confirmed the count');
    expect(value('Objections and appeals')).toContain(
      'O-1: dismissed (no change to the result); appeal: dismissed',
    );
    // Discord: 25 fields of at most 1024 characters, 6000 in all
    expect(fields.length).toBeLessThanOrEqual(25);
    expect(fields.every((f) => f.value.length <= 1024 && f.label.length <= 256)).toBe(true);
    const total = [body.title ?? '', body.text, ...fields.flatMap((f) => [f.label, f.value])].join('').length;
    expect(total).toBeLessThanOrEqual(6000);
  });

  it('once archived, opens only on an approved request, as every view of the records does', async () => {
    const h = harness();
    await announcedIrv(h);
    await h.ok('olga', 'certify 1 override="members agreed"');
    await h.ok('olga', 'archive 1');
    const refused = await h.run('olga', 'result report 1');
    expect(refused.kind).toBe('domain-error');
    if (refused.kind === 'domain-error') expect(refused.code).toBe('records.request_first');
  });

  it('is for organisers and scrutineers, once the result is announced', async () => {
    const h = harness();
    await announcedIrv(h);
    expect((await h.run('alice', 'result report 1')).kind).toBe('forbidden');
    expect((await h.run('sam', 'result report 1')).kind).toBe('ok');
    const early = harness();
    await early.ok('olga', 'create "Early"');
    const refused = await early.run('olga', 'result report 1');
    expect(refused.kind).toBe('domain-error');
    if (refused.kind === 'domain-error') expect(refused.code).toBe('election.wrong_phase');
  });
});
