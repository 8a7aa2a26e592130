import { describe, expect, it } from 'vitest';
import {
  displayColumns,
  escapeDiscordMarkdown,
  progressText,
  truncateColumns,
  type ProgressReport,
} from '../../../adapters/shared/index.js';
import delivery from '../../../src/i18n/catalogs/delivery.js';

describe('member-written text', () => {
  it('escapes Discord markdown and defuses mass mentions', () => {
    expect(escapeDiscordMarkdown('**bold** _x_ `code` @everyone <@123>')).toBe(
      '\\*\\*bold\\*\\* \\_x\\_ \\`code\\` @\u200beveryone <@123>',
    );
    expect(escapeDiscordMarkdown('# title\n- item\n> quote')).toBe('\\# title\n\\- item\n\\> quote');
  });
});

describe('text width', () => {
  it('truncates by display width without splitting characters', () => {
    expect(truncateColumns('欧阳娜娜娜', 6)).toBe('欧阳…');
    expect(displayColumns(truncateColumns('abcdefghij', 6))).toBe(6);
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
