// Text layouts both platforms can show: aligned tables for a code block (results rounds as text, an
// accessible companion to the chart image), label/value lines for fields, and splitting long text at
// line boundaries under a platform's length limit (Slack section 3000, Discord embed description 4096).

import type { ChartData, Field } from '../../../src/core/index.js';
import { formatValue } from '../chart/svg.js';
import { displayColumns, padColumns, truncateColumns } from './text-width.js';

export interface TableOptions {
  /** per column; numbers usually right */
  align?: readonly ('left' | 'right')[];
  /** widest a cell may be, in columns; longer cells end with … */
  maxColumnWidth?: number;
}

/** rows (the first one the header) as aligned monospace text, wide characters counted as two columns */
export function formatTable(rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  if (rows.length === 0) return '';
  const max = options.maxColumnWidth ?? 24;
  const cells = rows.map((row) => row.map((cell) => truncateColumns(cell.replace(/\s+/g, ' '), max)));
  const columns = Math.max(...cells.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) =>
    Math.max(...cells.map((r) => displayColumns(r[c] ?? ''))),
  );
  const lines = cells.map((row) =>
    widths
      .map((w, c) => padColumns(row[c] ?? '', w, options.align?.[c] ?? 'left'))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '─'.repeat(w)).join('  '));
  return lines.join('\n');
}

/** a chart's figures as a table: one row per label, one column per series (round) */
export function chartTable(chart: ChartData, labelHeader: string): string {
  const header = [labelHeader, ...chart.series.map((s) => s.name)];
  const rows = chart.labels.map((label, i) => [
    label,
    ...chart.series.map((s) => (Number.isFinite(s.values[i]) ? formatValue(s.values[i]) : '')),
  ]);
  return formatTable([header, ...rows], { align: ['left', ...chart.series.map(() => 'right' as const)] });
}

/** fields as "label: value" lines, with the platform's bold (Slack `*x*`, Discord `**x**`) */
export function fieldLines(fields: readonly Field[], bold: (label: string) => string): string {
  return fields.map((f) => `${bold(f.label)}: ${f.value}`).join('\n');
}

/** split text into pieces of at most `max` characters, at line breaks where possible */
export function chunkText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > max ? splitLong(line, max) : [line];
    for (const piece of pieces) {
      const candidate = current === '' ? piece : `${current}\n${piece}`;
      if (candidate.length <= max) current = candidate;
      else {
        if (current !== '') chunks.push(current);
        current = piece;
      }
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

function splitLong(line: string, max: number): string[] {
  const out: string[] = [];
  const chars = [...line];
  // by code points, so a surrogate pair (emoji, CJK Extension B) is never cut in half
  let piece = '';
  for (const ch of chars) {
    if (piece.length + ch.length > max) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}
