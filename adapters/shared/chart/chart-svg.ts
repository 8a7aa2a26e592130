// ChartData -> SVG, drawn once for every platform (ARCHITECTURE §5). Horizontal bars throughout: they
// leave room for long candidate names in any script, which vertical bars with rotated labels do not.
//  - bars:   one bar per candidate (plurality, approval, score ...), with an optional quota/threshold line
//  - rounds: one bar per round inside each candidate's group (IRV, STV), light to dark by round
//  - matrix: the pairwise table (Condorcet methods); a cell is green when its row beats its column

import type { ChartData } from '../../../src/core/index.js';
import { textWidthEm, truncateEm } from '../render/text-width.js';
import { escapeXml, formatValue, line, mix, niceStep, rect, text } from './svg.js';

export interface ChartSvgOptions {
  /** the chart's title, already translated (core.translate(locale, chart.title.key, chart.title.params)) */
  title: string;
  /** label of the horizontal line (quota / threshold), translated */
  lineLabel?: string;
  /** font-family list; the renderer passes the fonts it found */
  fontFamilies?: readonly string[];
}

const WIDTH = 800;
const PAD = 24;
const LABEL_SIZE = 14;
const TITLE_SIZE = 20;
const MAX_LABEL_EM = 18;
const COLORS = {
  bar: '#2f6fb0',
  first: '#a9c8e8',
  last: '#1d4f85',
  line: '#c0392b',
  grid: '#d8dee4',
  muted: '#57606a',
};

export function chartToSvg(chart: ChartData, options: ChartSvgOptions): string {
  const body = chart.kind === 'matrix' ? matrix(chart) : bars(chart, options.lineLabel);
  // a small matrix gets a narrow image rather than a wide empty margin; the title decides the minimum
  const titleWidth = 2 * PAD + textWidthEm(options.title) * TITLE_SIZE;
  const width = Math.ceil(Math.min(Math.max(body.width, titleWidth, 480), Math.max(WIDTH, body.width)));
  const height = PAD + TITLE_SIZE + 16 + body.height + PAD;
  const families = (options.fontFamilies ?? ['sans-serif'])
    .map((f) => (f.includes(' ') ? `'${f}'` : f))
    .join(', ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(families)}">`,
    rect(0, 0, width, height, '#ffffff'),
    text(PAD, PAD + TITLE_SIZE, truncateEm(options.title, (width - 2 * PAD) / TITLE_SIZE), {
      size: TITLE_SIZE,
      weight: 'bold',
    }),
    `<g transform="translate(0 ${PAD + TITLE_SIZE + 16})">`,
    body.svg,
    '</g>',
    '</svg>',
  ].join('\n');
}

interface Body {
  svg: string;
  width: number;
  height: number;
}

function labelColumn(labels: readonly string[]): { labels: string[]; width: number } {
  const cut = labels.map((l) => truncateEm(l, MAX_LABEL_EM));
  const widest = Math.max(0, ...cut.map(textWidthEm));
  return { labels: cut, width: Math.ceil(widest * LABEL_SIZE) + 12 };
}

function bars(chart: ChartData, lineLabel: string | undefined): Body {
  const series = chart.kind === 'rounds' ? chart.series : chart.series.slice(0, 1);
  const rounds = Math.max(1, series.length);
  const { labels, width: labelWidth } = labelColumn(chart.labels);
  const barHeight = chart.kind === 'rounds' ? Math.max(4, Math.min(16, Math.floor(64 / rounds))) : 22;
  const groupHeight = rounds * barHeight + (chart.kind === 'rounds' ? 14 : 10);
  const out: string[] = [];

  let top = 0;
  if (chart.kind === 'rounds' && series.length > 1)
    top = legend(
      series.map((s) => s.name),
      out,
    );

  const x0 = PAD + labelWidth;
  const x1 = WIDTH - PAD - 64;
  const all = series.flatMap((s) => s.values).filter(Number.isFinite);
  const max = Math.max(1e-9, ...all, chart.line ?? 0);
  const step = niceStep(max);
  const axisMax = Math.ceil(max / step) * step;
  const x = (v: number) => x0 + (Math.max(0, v) / axisMax) * (x1 - x0);
  const plotHeight = labels.length * groupHeight;

  for (let tick = 0; tick <= axisMax + step / 1e6; tick += step) {
    out.push(line(x(tick), top, x(tick), top + plotHeight, COLORS.grid));
    out.push(
      text(x(tick), top + plotHeight + 16, formatValue(tick), {
        size: 11,
        anchor: 'middle',
        fill: COLORS.muted,
      }),
    );
  }
  labels.forEach((label, i) => {
    const gy = top + i * groupHeight;
    out.push(
      text(x0 - 8, gy + (rounds * barHeight) / 2 + LABEL_SIZE * 0.35, label, {
        size: LABEL_SIZE,
        anchor: 'end',
      }),
    );
    series.forEach((s, k) => {
      const v = s.values[i];
      if (v === undefined || !Number.isFinite(v)) return;
      const color = rounds > 1 ? mix(COLORS.first, COLORS.last, k / (rounds - 1)) : COLORS.bar;
      const by = gy + k * barHeight;
      out.push(rect(x0, by + 1, x(v) - x0, barHeight - 2, color));
      if (barHeight >= 10 && v > 0)
        out.push(
          text(x(v) + 4, by + barHeight / 2 + 4, formatValue(v), {
            size: Math.min(12, barHeight),
            fill: COLORS.muted,
          }),
        );
    });
  });
  out.push(line(x0, top, x0, top + plotHeight, COLORS.muted));
  if (chart.line !== undefined && Number.isFinite(chart.line)) {
    const lx = x(chart.line);
    out.push(
      line(lx, top - 4, lx, top + plotHeight, COLORS.line, ' stroke-width="2" stroke-dasharray="6 4"'),
    );
    const caption = lineLabel ? `${lineLabel} ${formatValue(chart.line)}` : formatValue(chart.line);
    out.push(
      text(lx, top + plotHeight + 32, caption, {
        size: 12,
        anchor: 'middle',
        fill: COLORS.line,
        weight: 'bold',
      }),
    );
  }
  const height = top + plotHeight + (chart.line !== undefined ? 40 : 24);
  return { svg: out.join('\n'), width: WIDTH, height };
}

/** a wrapping legend of round names; returns the height it used */
function legend(names: readonly string[], out: string[]): number {
  let cx = PAD;
  let cy = 0;
  names.forEach((name, k) => {
    const w = 14 + 6 + textWidthEm(name) * 12 + 16;
    if (cx + w > WIDTH - PAD && cx > PAD) {
      cx = PAD;
      cy += 20;
    }
    out.push(
      rect(cx, cy + 2, 14, 14, mix(COLORS.first, COLORS.last, names.length > 1 ? k / (names.length - 1) : 1)),
    );
    out.push(text(cx + 20, cy + 14, name, { size: 12, fill: COLORS.muted }));
    cx += w;
  });
  return cy + 30;
}

function matrix(chart: ChartData): Body {
  const n = chart.labels.length;
  const numbered = chart.labels.map((l, i) => `${i + 1}. ${l}`);
  const { labels, width: labelWidth } = labelColumn(numbered);
  const cell = Math.max(36, Math.min(64, Math.floor((WIDTH - 2 * PAD - labelWidth) / Math.max(1, n))));
  const x0 = PAD + labelWidth;
  const header = 24;
  const value = (row: number, col: number) => chart.series[row]?.values[col];
  const out: string[] = [];
  for (let col = 0; col < n; col++)
    out.push(
      text(x0 + col * cell + cell / 2, 16, String(col + 1), {
        size: 13,
        anchor: 'middle',
        weight: 'bold',
        fill: COLORS.muted,
      }),
    );
  for (let row = 0; row < n; row++) {
    const y = header + row * cell;
    out.push(text(x0 - 8, y + cell / 2 + 5, labels[row], { size: LABEL_SIZE, anchor: 'end' }));
    for (let col = 0; col < n; col++) {
      const cx = x0 + col * cell;
      const v = value(row, col);
      const mirror = value(col, row);
      const fill =
        row === col || v === undefined
          ? '#f0f2f4'
          : mirror === undefined || v === mirror
            ? '#f6f8fa'
            : v > mirror
              ? '#cdebd3'
              : '#f6d5d2';
      out.push(rect(cx, y, cell, cell, fill, ' stroke="#ffffff" stroke-width="2"'));
      const content = row === col || v === undefined ? '–' : formatValue(v);
      out.push(text(cx + cell / 2, y + cell / 2 + 5, content, { size: 13, anchor: 'middle' }));
    }
  }
  return { svg: out.join('\n'), width: x0 + n * cell + PAD, height: header + n * cell + 8 };
}
