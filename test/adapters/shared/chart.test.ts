import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chartFonts,
  chartToSvg,
  FONT_PACKAGES,
  missingGlyphs,
  renderChart,
} from '../../../adapters/shared/index.js';
import type { ChartData } from '../../../src/core/index.js';

// Extra font files for machines where the CJK font package is not installed yet (colon separated).
const extraFonts = (process.env.TELLER_CHART_FONTS ?? '').split(':').filter(Boolean);

const names = ['张伟', '王芳', 'Alice Smith', '李娜 (Lina)', '欧阳堃', 'Zoë Øvergård', 'Дмитрий'];
const bars: ChartData = {
  kind: 'bars',
  title: { key: 'counting.chart.first_preferences' },
  labels: names,
  series: [{ name: 'votes', values: [120, 95, 80, 60.5, 33, 20, 12] }],
  line: 70,
};

function rects(svg: string, fill: string): { x: number; y: number; width: number }[] {
  return [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" fill="([^"]+)"/g)]
    .filter((m) => m[4] === fill)
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]) }));
}

describe('chart SVG', () => {
  it('draws one bar per candidate, proportional to the votes, with every name and the quota line', () => {
    const svg = chartToSvg(bars, { title: '2026 理事会选举', lineLabel: 'Quota' });
    const drawn = rects(svg, '#2f6fb0');
    expect(drawn).toHaveLength(7);
    const values = bars.series[0].values;
    for (let i = 1; i < drawn.length; i++) {
      expect(drawn[i].y).toBeGreaterThan(drawn[i - 1].y);
      expect(drawn[i].width / drawn[0].width).toBeCloseTo(values[i] / values[0], 1);
    }
    for (const name of names) expect(svg).toContain(`>${name}<`);
    expect(svg).toContain('>2026 理事会选举<');
    expect(svg).toContain('>Quota 70<');
    expect(svg).toContain('>60.5<');
    const quota = svg.match(/<line x1="([\d.]+)"[^>]*stroke="#c0392b"/);
    expect(quota).not.toBeNull();
    // the quota line sits where a 70-vote bar would end
    expect(Number(quota![1])).toBeCloseTo(drawn[0].x + (drawn[0].width * 70) / 120, 0);
  });

  it('escapes names, so a member cannot break or script the image', () => {
    const svg = chartToSvg({ ...bars, labels: ['<b>&"x"</b>', 'bad\u0007name'] }, { title: 'T & <T>' });
    expect(svg).toContain('&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;');
    expect(svg).toContain('>badname<');
    expect(svg).toContain('>T &amp; &lt;T&gt;<');
    expect(svg).not.toContain('<b>');
  });

  it('cuts very long names with an ellipsis instead of running into the bars', () => {
    const long = 'A very long candidate name that goes on and on and on and on';
    const svg = chartToSvg(
      { ...bars, labels: [long, 'B'], series: [{ name: 'v', values: [1, 2] }] },
      { title: 't' },
    );
    expect(svg).not.toContain(long);
    expect(svg).toMatch(/>A very long candidate[^<]*…</);
  });

  it('draws rounds light to dark with a legend, skipping candidates no longer counted', () => {
    const rounds: ChartData = {
      kind: 'rounds',
      title: { key: 'counting.chart.rounds' },
      labels: ['甲', '乙', '丙'],
      series: [
        { name: '第1轮', values: [40, 35, 25] },
        { name: '第2轮', values: [55, 45, 0] },
      ],
      line: 50.01,
    };
    const svg = chartToSvg(rounds, { title: '轮次' });
    expect(svg).toContain('>第1轮<');
    expect(svg).toContain('>第2轮<');
    const first = rects(svg, '#a9c8e8');
    const last = rects(svg, '#1d4f85');
    // legend swatch + three round-1 bars; legend swatch + two non-zero round-2 bars (and the zero)
    expect(first.length).toBe(1 + 3);
    expect(last.filter((r) => r.width > 0).length).toBe(1 + 2);
    expect(svg).toContain('>50.01<');
  });

  it('draws the pairwise matrix, green where the row beats the column', () => {
    const matrix: ChartData = {
      kind: 'matrix',
      title: { key: 'counting.chart.pairwise' },
      labels: ['张伟', 'Bo', 'Cy'],
      series: [
        { name: '张伟', values: [0, 6, 3] },
        { name: 'Bo', values: [4, 0, 5] },
        { name: 'Cy', values: [7, 5, 0] },
      ],
    };
    const svg = chartToSvg(matrix, { title: 'Pairwise' });
    expect(svg).toContain('>1. 张伟<');
    const cells = (fill: string) => (svg.match(new RegExp(`fill="${fill}" stroke`, 'g')) ?? []).length;
    expect(cells('#cdebd3')).toBe(2); // 张伟 over Bo, Cy over 张伟
    expect(cells('#f6d5d2')).toBe(2);
    expect(cells('#f6f8fa')).toBe(2); // Bo–Cy tie both ways
    expect(cells('#f0f2f4')).toBe(3); // the diagonal
  });
});

describe('chart PNG', () => {
  it('renders a PNG at twice the SVG size', async () => {
    const chart = await renderChart(bars, { title: 'Board election', fontFiles: extraFonts });
    expect(chart.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const svgWidth = Number(chart.svg.match(/<svg [^>]*width="(\d+)"/)![1]);
    expect(chart.width).toBe(svgWidth * 2);
    expect(chart.height).toBeGreaterThan(300);
  }, 120_000);

  it('draws Chinese candidate names with real glyphs, not boxes, from fonts npm installs', async () => {
    const fonts = chartFonts(extraFonts);
    const hint = `no CJK font found: add ${FONT_PACKAGES[0].name} to package.json (or set TELLER_CHART_FONTS)`;
    expect(fonts.files.length, hint).toBeGreaterThan(0);
    // system fonts off: the packaged font alone must cover the names, as on a fresh machine
    const missing = missingGlyphs(`${names.join('')}2026 理事会选举 第1轮 门槛`, {
      fontFiles: extraFonts,
      systemFonts: false,
    });
    expect(missing, hint).toEqual([]);
    // a code point no font has is reported, so the check above can fail
    expect(missingGlyphs('\ue001', { fontFiles: extraFonts, systemFonts: false })).toEqual(['\ue001']);

    const chart = await renderChart(bars, {
      title: '2026 理事会选举',
      lineLabel: '门槛',
      fontFiles: extraFonts,
      systemFonts: false,
    });
    const dir = join(tmpdir(), 'teller-chart-test');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'bars-zh.png'), chart.png);
  }, 120_000);
});
