// The summary report's PDF (issue 14), printed by adapters/shared and read back with pdf.js: the figures
// of a real counted election (test/core/report-scenario.ts works them out) are there, in English and in
// Chinese, in the packaged Noto Sans SC.
import { describe, expect, it } from 'vitest';
import { pdfFaces, printPdf } from '../../../adapters/shared/report/print-pdf.js';
import type { PrintDocument } from '../../../src/core/index.js';
import { harness } from '../../core/harness.js';
import { announcedIrv, fileObjections } from '../../core/report-scenario.js';
import { pdfText } from '../../fakes/pdf-text.js';

async function reportDocument(locale: string): Promise<PrintDocument> {
  const h = harness();
  await announcedIrv(h);
  await fileObjections(h);
  for (const [who, s, e, c] of [
    ['alice', 5, 4, 'Well run'],
    ['bob', 4, 5, '投票很方便'],
    ['carol', 2, 3, 'Notice came too late'],
  ] as const)
    await h.ok(who, `survey 1 ${s} ${e} ${c}`);
  await h.ok('olga', 'certify 1 override="members agreed"');
  const r = await h.run('olga', 'result report 1 format=pdf', { locale });
  const file = r.reply.body.files?.[0];
  if (!file?.document) throw new Error('no document');
  return file.document;
}

describe('the report as PDF', () => {
  it('embeds the packaged CJK font, not a standard one without Chinese', () => {
    expect(Buffer.isBuffer(pdfFaces().regular)).toBe(true);
  });

  it('prints the figures in English', async () => {
    const bytes = await printPdf(await reportDocument('en'));
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(bytes);
    expect(text).toContain('Summary report: election 1, Branch committee');
    // the round table: first preferences 4, 3, 2; Carol's two ballots split between Alice and Bob
    expect(text).toContain('Alice 4 5 elected');
    expect(text).toContain('Bob 3 4');
    expect(text).toContain('Carol 2 0');
    expect(text).toContain('From Carol: Alice +1, Bob +1.');
    // turnout 9 of 10
    expect(text).toContain('1 Secretary 10 10 9 9 90%');
    expect(text).toContain('Sam confirmed the count: “Seals intact, figures reconciled”');
    expect(text).toContain('O-2 (objector not named)');
    // satisfaction 5, 4, 2: median 4; ease 4, 5, 3: median 4
    expect(text).toContain('Median 4 4');
    expect(text).toContain('投票很方便');
    expect(text).toContain('1 /');
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('prints the figures in Chinese', async () => {
    const { text } = await pdfText(await printPdf(await reportDocument('zh-Hans')));
    expect(text).toContain('选举总结报告：第 1 号选举“Branch committee”');
    expect(text).toContain('Alice 4 5 当选');
    expect(text).toContain('候选人 第 1 轮计票 第 2 轮计票 结果');
    expect(text).toContain('监督情况及结论');
    expect(text).toContain('应到');
    expect(text).toContain('实到');
    expect(text).toContain('中位数 4 4');
    // a narrow column wraps the reference's note onto a second line
    expect(text).toMatch(/O-2（不具 ?名）/);
  });
});
