// The round-by-round report of a count, as text: the table of votes per candidate at each round (with
// the quota and the exhausted weight) and what each round did. `teller tally` prints it, and so does
// the announcement of a contest counted over several rounds, so a member can check one against the
// other figure by figure. Wording comes from the caller (the CLI's English, the reader's catalog):
// this library may import nothing outside src/counting.

import type { CountResult, Explanation, Round } from './types.js';

/** Numbers without float noise: 0.1 + 0.2 shows as 0.3, and a whole number has no decimals. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  if (!Number.isFinite(v)) return String(v);
  return v.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
}

/** An explanation's parameters with every number written as formatNumber writes it. */
export function formattedParams(line: Explanation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(line.params ?? {}))
    out[k] = typeof v === 'number' ? formatNumber(v) : v;
  return out;
}

/**
 * East Asian Wide and Fullwidth ranges (Unicode UAX #11) that names use: a terminal or a chat code
 * block gives each of these characters two columns, so a table of Chinese names lines up only if they
 * count twice.
 */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

/** the columns a monospace font gives the text; combining marks and zero-width characters take none */
export function columnsOf(text: string): number {
  let columns = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f))
      continue;
    columns += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return columns;
}

const pad = (cell: string, width: number, left: boolean) => {
  const fill = ' '.repeat(Math.max(0, width - columnsOf(cell)));
  return left ? cell + fill : fill + cell;
};

/** First column left-aligned, the others right-aligned, two spaces apart, in monospace columns. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => columnsOf(r[i] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, i) => pad(cell, widths[i], i === 0))
      .join('  ')
      .trimEnd(),
  );
}

export interface RoundTableLabels {
  /** the column heading of a round ("R3") */
  round(number: number): string;
  quota: string;
  exhausted: string;
}

export interface RoundTableOptions {
  /** names to show instead of the result's own (a written-in member marked as such) */
  names?: readonly string[];
  /** the rounds to show, by position in result.rounds: [from, to) */
  slice?: [number, number];
}

/** The table's cells: a heading row, one row per candidate, then the quota (where any) and exhausted. */
export function roundTableRows(
  result: CountResult,
  labels: RoundTableLabels,
  options: RoundTableOptions = {},
): string[][] {
  const rounds = options.slice ? result.rounds.slice(...options.slice) : result.rounds;
  const names = options.names ?? result.candidates;
  const rows = [['', ...rounds.map((r) => labels.round(r.number))]];
  names.forEach((name, c) => rows.push([name, ...rounds.map((r) => formatNumber(r.counts[c] ?? 0))]));
  // every round of the count says whether a quota applied, not only the rounds shown
  if (result.rounds.some((r) => r.quota !== undefined))
    rows.push([labels.quota, ...rounds.map((r) => (r.quota === undefined ? '' : formatNumber(r.quota)))]);
  rows.push([labels.exhausted, ...rounds.map((r) => formatNumber(r.exhausted))]);
  return rows;
}

export function roundTable(
  result: CountResult,
  labels: RoundTableLabels,
  options: RoundTableOptions = {},
): string[] {
  return alignColumns(roundTableRows(result, labels, options));
}

export interface RoundStepWords {
  /** the line that opens a round: its number, and whom it elected and eliminated (names, maybe none) */
  heading(round: Round, elected: string[], eliminated: string[]): string;
  /** one of the round's explanations, in the reader's words */
  line(line: Explanation): string;
}

/**
 * What each round did: a heading naming the elected and eliminated, then the round's explanations
 * (transfers, exclusions, elections), indented. A count with a pairwise matrix shows its pair lines
 * as the matrix instead, so they are left out here.
 */
export function roundSteps(
  result: CountResult,
  words: RoundStepWords,
  names: readonly string[] = result.candidates,
): string[][] {
  return result.rounds.map((r) => [
    words.heading(
      r,
      r.elected.map((c) => names[c]),
      r.eliminated.map((c) => names[c]),
    ),
    ...r.explanation
      .filter((line) => !(result.pairwise && line.key === 'counting.methods.pair'))
      .map((line) => `  ${words.line(line)}`),
  ]);
}
