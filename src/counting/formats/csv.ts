// CSV ranked ballots: one ballot per line, candidate names in preference order (read and written).
//
// The format, exactly:
//  - Cells are separated by commas. A cell may be quoted with double quotes (a quote inside is written
//    ""), so names may contain commas: "Mavodones, Nicholas M. Jr.". Spaces around a cell are ignored.
//  - The first non-empty line may be a header: it is one when its first cell is `weight` or `count` (then every ballot
//    line starts with a weight column), or `rank 1` / `rank_1` / `rank1` / `choice 1` / `preference 1`
//    (no weight column), and is not the name of a given candidate. The other header cells are ignored.
//  - Each rank cell, first preference first:
//      Name          one candidate
//      Name1|Name2   two or more candidates at one rank: an overvote
//      (empty)       a skipped rank
//      #overvote     an overvote whose candidates are unknown (as if every candidate were marked)
//      #uwi          an undeclared write-in (also #write-in): counted for the candidate flagged
//                    `writeIn`, which is added as "Undeclared Write-ins" when none is given
//  - The weight is a number >= 0 (3 = three identical ballots; 0.5 = a half-weight ballot).
//  - Empty lines are ignored. A blank ballot is a line of commas only (after its weight, if any).
//  - A candidate list may come before the first ballot, as a line of its own:
//      # candidates: Ann, Bob, "Mavodones, Nicholas M. Jr."
//    (cells as on a ballot line; `#` and `candidates` in any case, spaces optional). Then every name
//    on a ballot must be one of them, and a name that is not is an error naming its line: a typo no
//    longer becomes a candidate of its own. Candidates no ballot ranks still stand.
//  - With `candidates` (the argument), the same; a list in the file must then name the same candidates
//    in the same order. Without either, the candidates are the names in order of first appearance.
//  - With `maxRankings`, a mark beyond that rank is an error (as RCTab treats CSV cast vote records).
// Errors are CsvFormatError (a TallyInputError) naming the line.
import { TallyInputError, type CandidateInput, type RankingBallot } from '../types.js';

export class CsvFormatError extends TallyInputError {
  constructor(
    readonly line: number,
    detail: string,
    code: string,
  ) {
    super(`line ${line}: ${detail}`, code);
    this.name = 'CsvFormatError';
  }
}

export interface CsvBallots {
  candidates: CandidateInput[];
  ballots: RankingBallot[];
  /** the line of the file's `# candidates:` list, when it has one */
  candidateListLine?: number;
}

const CANDIDATE_LIST = /^\s*#\s*candidates\s*:/i;

/** Edit distance, for "did you mean": small strings only. */
function distance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++)
      row.push(Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[y.length];
}

function closest(name: string, names: readonly string[]): string | undefined {
  const folded = names.find((n) => n.toLowerCase() === name.toLowerCase());
  if (folded !== undefined) return folded;
  if (name.length > 40) return undefined;
  let best: string | undefined;
  let bestD = Math.min(2, Math.floor([...name].length / 2));
  for (const n of names) {
    const d = distance(name, n);
    if (d <= bestD && (best === undefined || d < bestD)) {
      best = n;
      bestD = d;
    }
  }
  return best;
}

export interface CsvReadOptions {
  /** force the leading weight column on or off (default: as the header says, else off) */
  weightColumn?: boolean;
  maxRankings?: number;
}

export const WRITE_IN_NAME = 'Undeclared Write-ins';
const WRITE_IN_CELLS = new Set(['#uwi', '#write-in']);
const OVERVOTE_CELL = '#overvote';

/** Splits one line into cells, honouring double quotes. */
export function splitCsvLine(text: string, line: number): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    let cell = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length)
          throw new CsvFormatError(line, 'a quoted cell is not closed', 'counting.csv.unclosed_quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      if (i < text.length && text[i] !== ',') {
        throw new CsvFormatError(line, 'text after a closing quote', 'counting.csv.text_after_quote');
      }
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      cell = text.slice(i, end).trim();
      if (cell.includes('"'))
        throw new CsvFormatError(line, 'a quote inside an unquoted cell', 'counting.csv.stray_quote');
      i = end;
    }
    cells.push(cell);
    if (i >= text.length) return cells;
    i++; // the comma
  }
}

function isHeader(first: string, known: Map<string, number> | undefined): 'weight' | 'ranks' | false {
  if (known?.has(first)) return false;
  const cell = first.toLowerCase();
  if (cell === 'weight' || cell === 'count') return 'weight';
  if (/^(rank|choice|preference)[ _]?1$/.test(cell)) return 'ranks';
  return false;
}

export function readCsvBallots(
  text: string,
  candidates?: readonly (CandidateInput | string)[],
  options: CsvReadOptions = {},
): CsvBallots {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const listed = readCandidateList(lines);
  const list: CandidateInput[] = (candidates ?? listed?.names ?? []).map((c) =>
    typeof c === 'string' ? { name: c } : { ...c },
  );
  const index = new Map<string, number>();
  list.forEach((c, i) => {
    if (index.has(c.name))
      throw new TallyInputError(`candidate "${c.name}" is listed twice`, 'counting.csv.duplicate_candidate');
    index.set(c.name, i);
  });
  if (candidates && listed) {
    const given = list.map((c) => c.name);
    if (given.length !== listed.names.length || given.some((n, i) => n !== listed.names[i])) {
      throw new CsvFormatError(
        listed.line,
        `the candidate list differs from the candidates given (${given.join(', ')})`,
        'counting.csv.candidate_list_differs',
      );
    }
  }
  const fixed = candidates !== undefined || listed !== undefined;
  let writeIn = list.findIndex((c) => c.writeIn);

  const lookup = (name: string, line: number): number => {
    if (WRITE_IN_CELLS.has(name.toLowerCase())) {
      if (writeIn < 0) {
        writeIn = list.length;
        list.push({ name: WRITE_IN_NAME, writeIn: true });
        index.set(WRITE_IN_NAME, writeIn);
      }
      return writeIn;
    }
    const found = index.get(name);
    if (found !== undefined) return found;
    if (fixed) {
      const near = closest(name, [...index.keys()]);
      const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
      const where =
        candidates === undefined && listed
          ? `"${name}" is not in the candidate list on line ${listed.line}`
          : `unknown candidate "${name}"`;
      throw new CsvFormatError(line, `${where}${hint}`, 'counting.csv.unknown_candidate');
    }
    list.push({ name });
    index.set(name, list.length - 1);
    return list.length - 1;
  };

  let weighted = options.weightColumn ?? false;
  const ballots: RankingBallot[] = [];
  const overvotes: { ballot: RankingBallot; rank: number }[] = [];
  // the header row, if any, is the first non-empty line other than the candidate list
  const headerLine = lines.findIndex((l, k) => l.trim() !== '' && k + 1 !== listed?.line) + 1;
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '' || line === listed?.line) return;
    const cells = splitCsvLine(raw, line);
    if (line === headerLine) {
      const header = isHeader(cells[0], fixed ? index : undefined);
      if (header) {
        if (options.weightColumn === undefined) weighted = header === 'weight';
        return;
      }
    }
    let weight = 1;
    let rankCells = cells;
    if (weighted) {
      const w = cells[0];
      weight = Number(w);
      if (w === '' || !Number.isFinite(weight) || weight < 0) {
        throw new CsvFormatError(
          line,
          `the weight "${w}" is not a number of 0 or more`,
          'counting.csv.bad_weight',
        );
      }
      rankCells = cells.slice(1);
    }
    let lastMarked = 0;
    const ranks: (number | number[])[] = rankCells.map((cell, r) => {
      if (cell === '') return [];
      lastMarked = r + 1;
      if (cell.toLowerCase() === OVERVOTE_CELL) return [-1]; // filled in once every candidate is known
      if (!cell.includes('|')) return lookup(cell, line);
      const parts = cell.split('|').map((p) => p.trim());
      if (parts.some((p) => p === '')) {
        throw new CsvFormatError(
          line,
          `rank ${r + 1} has an empty name in "${cell}"`,
          'counting.csv.empty_name',
        );
      }
      return parts.map((p) => lookup(p, line));
    });
    if (options.maxRankings !== undefined && lastMarked > options.maxRankings) {
      throw new CsvFormatError(
        line,
        `rank ${lastMarked} is marked but at most ${options.maxRankings} rankings are allowed`,
        'counting.csv.too_many_rankings',
      );
    }
    ranks.length = lastMarked; // trailing blanks are not skipped ranks
    const ballot: RankingBallot =
      weight === 1 ? { kind: 'ranking', ranks } : { kind: 'ranking', weight, ranks };
    ranks.forEach((r, i) => {
      if (Array.isArray(r) && r.length === 1 && r[0] === -1) overvotes.push({ ballot, rank: i });
    });
    ballots.push(ballot);
  });
  if (overvotes.length > 0) {
    const everyone = list.map((_, i) => i);
    for (const { ballot, rank } of overvotes) (ballot.ranks as (number | number[])[])[rank] = everyone;
  }
  return { candidates: list, ballots, ...(listed ? { candidateListLine: listed.line } : {}) };
}

/** The `# candidates:` line: before any ballot, at most once, names unique and not empty. */
function readCandidateList(lines: readonly string[]): { line: number; names: string[] } | undefined {
  let found: { line: number; names: string[] } | undefined;
  let firstBallot = 0;
  let nonEmpty = 0;
  for (const [k, raw] of lines.entries()) {
    const line = k + 1;
    if (raw.trim() === '') continue;
    if (!CANDIDATE_LIST.test(raw)) {
      // the first non-empty line may be a header row; whatever follows it is a ballot
      nonEmpty++;
      if (nonEmpty === 2 || (nonEmpty === 1 && !isHeader(splitCsvLine(raw, line)[0], undefined)))
        firstBallot ||= line;
      continue;
    }
    if (found)
      throw new CsvFormatError(
        line,
        `a second candidate list (the first is on line ${found.line})`,
        'counting.csv.candidate_list_twice',
      );
    if (firstBallot)
      throw new CsvFormatError(
        line,
        `the candidate list must come before the first ballot, on line ${firstBallot}`,
        'counting.csv.candidate_list_late',
      );
    const names = splitCsvLine(raw.replace(CANDIDATE_LIST, ''), line);
    if (names.length === 1 && names[0] === '')
      throw new CsvFormatError(
        line,
        'the candidate list names no candidate',
        'counting.csv.candidate_list_empty',
      );
    const seen = new Set<string>();
    for (const [i, name] of names.entries()) {
      if (name === '')
        throw new CsvFormatError(
          line,
          `name ${i + 1} of the candidate list is empty`,
          'counting.csv.candidate_list_empty_name',
        );
      if (seen.has(name))
        throw new CsvFormatError(
          line,
          `"${name}" is twice in the candidate list`,
          'counting.csv.duplicate_candidate',
        );
      seen.add(name);
    }
    found = { line, names };
  }
  return found;
}

const quoteCell = (name: string) => (/[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);

/**
 * Writes ballots in the format above, header included (with a weight column when any weight is not 1),
 * so that readCsvBallots(text, candidates) gives the same ballots back (trailing skipped ranks aside,
 * which carry no meaning). Names that cannot be read back unchanged are refused.
 */
export function writeCsvBallots(
  candidates: readonly CandidateInput[],
  ballots: Iterable<RankingBallot>,
): string {
  for (const c of candidates) {
    if (
      c.name === '' ||
      c.name !== c.name.trim() ||
      c.name.includes('|') ||
      c.name.startsWith('#') ||
      /[\r\n]/.test(c.name)
    ) {
      throw new TallyInputError(
        `candidate name "${c.name}" cannot be written to CSV`,
        'counting.csv.unwritable_name',
      );
    }
  }
  const list = [...ballots];
  const weighted = list.some((b) => (b.weight ?? 1) !== 1);
  const width = Math.max(1, ...list.map((b) => b.ranks.length));
  const header = [
    ...(weighted ? ['weight'] : []),
    ...Array.from({ length: width }, (_, i) => `rank ${i + 1}`),
  ];
  const name = (c: number) => {
    const candidate = candidates[c];
    if (!candidate) throw new TallyInputError(`unknown candidate ${c}`, 'counting.unknown_candidate');
    return candidate.name;
  };
  const lines = list.map((b) => {
    // the reader unquotes a cell before splitting an overvote, so the whole cell is quoted
    const cells = b.ranks.map((r) => quoteCell(typeof r === 'number' ? name(r) : r.map(name).join('|')));
    if (cells.length === 0 || cells.every((x) => x === '')) cells.push('', ''); // a blank ballot: commas only
    return [...(weighted ? [String(b.weight ?? 1)] : []), ...cells].join(',');
  });
  return `${[header.join(','), ...lines].join('\n')}\n`;
}
