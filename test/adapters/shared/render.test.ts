import { describe, expect, it } from 'vitest';
import {
  chartTable,
  chunkText,
  displayColumns,
  escapeDiscordMarkdown,
  escapeSlackText,
  fieldLines,
  formatReceipt,
  formatTable,
  mentionedMembers,
  normaliseReceipt,
  progressText,
  renderMentions,
  truncateColumns,
  type ProgressReport,
} from '../../../adapters/shared/index.js';
import delivery from '../../../src/i18n/catalogs/delivery.js';

describe('mentions', () => {
  it('keeps platform mention tokens and prints names on the console', () => {
    const text = 'Nominated <@U1> (seconded by <@U2|bob>) in <#C9>';
    expect(renderMentions(text, 'slack')).toBe(text);
    expect(renderMentions(text, 'discord')).toBe('Nominated <@U1> (seconded by <@U2>) in <#C9>');
    expect(
      renderMentions(
        text,
        'console',
        new Map([
          ['U1', 'alice'],
          ['C9', 'general'],
        ]),
      ),
    ).toBe('Nominated @alice (seconded by @U2) in #general');
    expect(mentionedMembers(`${text} <@U1>`)).toEqual(['U1', 'U2']);
  });

  it('escapes Slack control characters in member text but not the mentions', () => {
    expect(escapeSlackText('R&D <script> for <@U1> in <#C2>')).toBe(
      'R&amp;D &lt;script&gt; for <@U1> in <#C2>',
    );
  });

  it('escapes Discord markdown and defuses mass mentions', () => {
    expect(escapeDiscordMarkdown('**bold** _x_ `code` @everyone <@123>')).toBe(
      '\\*\\*bold\\*\\* \\_x\\_ \\`code\\` @\u200beveryone <@123>',
    );
    expect(escapeDiscordMarkdown('# title\n- item\n> quote')).toBe('\\# title\n\\- item\n\\> quote');
  });
});

describe('receipts', () => {
  it('groups the code in fours and reads it back however it was typed', () => {
    expect(formatReceipt('k7qx9mrt2pld')).toBe('K7QX-9MRT-2PLD');
    expect(formatReceipt('K7QX-9MRT-2PL')).toBe('K7QX-9MRT-2PL');
    expect(normaliseReceipt(' k7qx 9mrt-2pld ')).toBe('K7QX9MRT2PLD');
  });
});

describe('text tables', () => {
  it('aligns columns by display width, Chinese characters counting two', () => {
    const table = formatTable(
      [
        ['Candidate', 'Votes'],
        ['张伟', '120'],
        ['Alice', '9'],
      ],
      { align: ['left', 'right'] },
    );
    const lines = table.split('\n');
    expect(lines).toEqual(['Candidate  Votes', '─────────  ─────', '张伟         120', 'Alice          9']);
    expect(new Set(lines.map(displayColumns))).toEqual(new Set([16]));
  });

  it('shows a chart’s rounds as a table', () => {
    const table = chartTable(
      {
        kind: 'rounds',
        title: { key: 't' },
        labels: ['甲', 'Bo'],
        series: [
          { name: 'R1', values: [10, 7.5] },
          { name: 'R2', values: [12, 0] },
        ],
      },
      'Candidate',
    );
    expect(table.split('\n')).toEqual([
      'Candidate   R1  R2',
      '─────────  ───  ──',
      '甲          10  12',
      'Bo         7.5   0',
    ]);
  });

  it('truncates by display width without splitting characters', () => {
    expect(truncateColumns('欧阳娜娜娜', 6)).toBe('欧阳…');
    expect(displayColumns(truncateColumns('abcdefghij', 6))).toBe(6);
  });

  it('writes fields with the platform’s bold', () => {
    expect(fieldLines([{ label: 'Seats', value: '3' }], (s) => `*${s}*`)).toBe('*Seats*: 3');
  });

  it('splits long text at line breaks under the limit, and never loses text', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(i)}`);
    const chunks = chunkText(lines.join('\n'), 200);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(200);
    expect(chunks.join('\n')).toBe(lines.join('\n'));
    const emoji = '😀'.repeat(150);
    const pieces = chunkText(emoji, 101);
    expect(pieces.join('')).toBe(emoji);
    for (const p of pieces) expect(p).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});

describe('progress text', () => {
  const translate = (
    locale: string | undefined,
    key: string,
    params: Record<string, string | number> = {},
  ) => {
    const messages: Record<string, string> = locale === 'zh-Hans' ? delivery['zh-Hans'] : delivery.en;
    const template = messages[key];
    return template === undefined ? key : template.replace(/\{(\w+)\}/g, (_, n: string) => String(params[n]));
  };
  const report: ProgressReport = {
    electionId: 'e1',
    purpose: 'ballot',
    platformOrgId: 'T1',
    counts: { pending: 5_700, sending: 82, sent: 4_210, failed: 0, unreachable: 8 },
    total: 10_000,
    done: false,
  };

  it('tells the organiser how far the fan-out is, in their language', () => {
    expect(progressText(report, translate, 'en')).toBe(
      'Ballot messages: 4,210 of 10,000 delivered · 5,782 still to send · 8 could not be reached (direct messages closed or member gone)',
    );
    expect(
      progressText(
        { ...report, counts: { ...report.counts, pending: 0, sending: 0, sent: 9_992 }, done: true },
        translate,
        'zh-Hans',
      ),
    ).toBe('选票私信：已送达 9,992 / 10,000 · 8 位成员无法送达（已关闭私信或已离开） · 全部完成。');
    expect(progressText({ ...report, purpose: 'mystery' }, translate, 'en')).toMatch(/^Messages: /);
  });

  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(delivery['zh-Hans']).sort()).toEqual(Object.keys(delivery.en).sort());
    for (const [key, en] of Object.entries(delivery.en)) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(delivery['zh-Hans'][key as keyof typeof delivery.en]), key).toEqual(names(en));
    }
  });
});
