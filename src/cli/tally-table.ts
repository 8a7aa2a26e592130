// The human-readable report of `teller tally`: the explanation lines and a round-by-round table. The
// table and the round lines are the counting library's (src/counting/report-table.ts), which the
// announcement of a contest shows too; here they are worded in English, with explanations translated.

import type { CountResult, Explanation, MethodId } from '../counting/index.js';
import {
  alignColumns,
  formatNumber,
  formattedParams,
  roundSteps,
  roundTable,
} from '../counting/report-table.js';
import { catalogFor, normaliseLocale } from '../i18n/index.js';

export { formatNumber };

/** Like i18n's translate, but numbers are printed without float noise (0.1 + 0.2 shows as 0.3). */
export function lineText(locale: string | undefined, line: Explanation): string {
  const template = catalogFor(normaliseLocale(locale))[line.key] ?? catalogFor('en')[line.key] ?? line.key;
  const params = formattedParams(line);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

const TABLE_LABELS = { round: (n: number) => `R${n}`, quota: '(quota)', exhausted: '(exhausted)' };

export function renderReport(result: CountResult, title: string | undefined, locale?: string): string {
  const out: string[] = [];
  const names = result.candidates;
  out.push(
    `${title ? `${title}: ` : ''}${result.method}, ${result.seats} seat(s), ${names.length} candidate(s)`,
  );
  out.push('');
  for (const line of result.explanation) out.push(lineText(locale, line));
  out.push('');

  out.push(...roundTable(result, TABLE_LABELS));
  out.push('');

  const steps = roundSteps(result, {
    heading: (r, elected, eliminated) => {
      const parts: string[] = [];
      if (elected.length) parts.push(`elected ${elected.join(', ')}`);
      if (eliminated.length) parts.push(`eliminated ${eliminated.join(', ')}`);
      return `Round ${r.number}${parts.length ? `: ${parts.join('; ')}` : ''}`;
    },
    line: (line) => lineText(locale, line),
  });
  out.push(...steps.flat());

  if (result.pairwise) {
    out.push('');
    out.push('Pairwise (row preferred to column):');
    const rows2 = [['', ...names.map((_, i) => `#${i + 1}`)]];
    result.pairwise.forEach((row, a) =>
      rows2.push([`#${a + 1} ${names[a]}`, ...row.map((v, b) => (a === b ? '-' : formatNumber(v)))]),
    );
    out.push(...alignColumns(rows2));
  }
  out.push('');
  out.push(`Winners: ${result.winners.length ? result.winners.map((c) => names[c]).join(', ') : '(none)'}`);
  if (result.furtherRound)
    out.push(
      lineText(locale, {
        key: `counting.methods.further_${result.furtherRound.kind}`,
        params: furtherParams(result),
      }),
    );
  return `${out.join('\n')}\n`;
}

function furtherParams(result: CountResult): Record<string, string | number> {
  const f = result.furtherRound!;
  const names = f.candidates.map((c) => result.candidates[c]).join(', ');
  return f.kind === 'runoff' ? { names } : { names, seats: f.seats };
}

/** What was not counted, and why: a file with candidates and no ballots (or ballots of weight 0 only). */
export interface EmptyCount {
  method: MethodId;
  seats: number;
  candidates: readonly string[];
  /** ballot lines in the file, all of weight 0 */
  lines: number;
}

export function emptyCountLine(count: EmptyCount): Explanation {
  return count.lines === 0
    ? { key: 'counting.methods.tally_no_ballots' }
    : { key: 'counting.methods.tally_no_weight', params: { lines: count.lines } };
}

/**
 * No ballots is said as such: counted anyway, every count was 0 and the winner was drawn by lot
 * ("Ann wins after 2 rounds"). The report still accounts for the ballots, here none (RULES R9, L15).
 */
export function renderEmptyCount(count: EmptyCount, title: string | undefined, locale?: string): string {
  return [
    `${title ? `${title}: ` : ''}${count.method}, ${count.seats} seat(s), ${count.candidates.length} candidate(s): ${count.candidates.join(', ')}`,
    '',
    lineText(locale, emptyCountLine(count)),
    '',
    'Winners: (none)',
    '',
  ].join('\n');
}

export function emptyCountJson(count: EmptyCount, locale?: string): Record<string, unknown> {
  return {
    method: count.method,
    seats: count.seats,
    candidates: count.candidates,
    winners: [],
    rounds: [],
    ties: [],
    ballots: { cast: 0, valid: 0, blank: 0, invalid: 0, validWeight: 0 },
    noBallots: true,
    explanation: [lineText(locale, emptyCountLine(count))],
  };
}
