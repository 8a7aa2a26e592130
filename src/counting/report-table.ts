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

/** First column left-aligned, the others right-aligned, two spaces apart; widths in code points. */
export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? '')].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
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
