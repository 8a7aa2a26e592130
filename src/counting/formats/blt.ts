// The BLT ballot format (Hill, Wichmann & Woodall 1987) with the extensions in common use:
// `#` comments (OpenSTV), `-N` and `[withdrawn N]` for withdrawn candidates, `[tie …]` tie order,
// `[nick …]` nicknames, `[undeclared …]` write-ins, `[droop k=v …]` options, `=` for equal ranking,
// `-` for a skipped rank, `(id)` ballot ids, and decimal weights. Newlines are ordinary white space,
// so the reader works on tokens that remember their line, to name the line of any error.
//
// Droop also reads up to two quoted strings after the title as the file's source and comment. That
// makes a header that declares too few candidates unreadable: with "2 1" and names "Ann" "Bob" "Cy"
// "Title", Cy would become the title and "Title" the source, and the count would run without Cy. So
// by default any quoted string after the title is refused, naming the header and the strings left
// over; `sourceAndComment: true` reads them Droop's way (for files known to carry them).

import type { CandidateInput, RankingBallot } from '../types.js';
import { TallyInputError } from '../types.js';

export interface BltElection {
  title: string;
  seats: number;
  candidates: CandidateInput[];
  ballots: RankingBallot[];
  /** candidate indices, earliest first: `[tie …]`, for `options.tieOrder` */
  tieOrder?: number[];
  /** `[droop …]` options and any further quoted strings after the title (`source`, `comment`) */
  options?: Record<string, string>;
}

export interface BltReadOptions {
  /** Read quoted strings after the title as `source` and `comment` (Droop's extension) instead of
   *  refusing them as names the header did not declare. Default false. */
  sourceAndComment?: boolean;
}

/** Code of the error for quoted strings after the title (see the note at the top of this file). */
export const BLT_UNDECLARED_NAMES = 'counting.blt.undeclared_names';

interface Token {
  text: string;
  line: number;
  quoted: boolean;
}

function fail(line: number, message: string, code = 'counting.blt.malformed'): never {
  throw new TallyInputError(`BLT line ${line}: ${message}`, code);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const src = text.replace(/^\uFEFF/, '');
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\n') {
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      i++;
    } else if (ch === '#') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (ch === '"') {
      const end = src.indexOf('"', i + 1);
      const nl = src.indexOf('\n', i + 1);
      if (end < 0 || (nl >= 0 && nl < end)) fail(line, 'a quoted string is not closed on its line');
      tokens.push({ text: src.slice(i + 1, end), line, quoted: true });
      i = end + 1;
    } else if (ch === '[' || ch === ']') {
      tokens.push({ text: ch, line, quoted: false });
      i++;
    } else {
      let j = i;
      while (j < src.length && !/[\s"#[\]]/.test(src[j])) j++;
      tokens.push({ text: src.slice(i, j), line, quoted: false });
      i = j;
    }
  }
  return tokens;
}

const INT = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

export function readBlt(text: string, readOptions: BltReadOptions = {}): BltElection {
  const tokens = tokenize(text);
  let at = 0;
  const lastLine = tokens.length > 0 ? tokens[tokens.length - 1].line : 1;
  const next = (what: string): Token => {
    if (at >= tokens.length) fail(lastLine, `the file ends where ${what} was expected`);
    return tokens[at++];
  };
  const peek = (): Token | undefined => tokens[at];

  const nTok = next('the number of candidates');
  const headerLine = nTok.line;
  if (nTok.quoted || !INT.test(nTok.text) || Number(nTok.text) < 1)
    fail(nTok.line, `expected the number of candidates, found "${nTok.text}"`);
  const n = Number(nTok.text);
  const sTok = next('the number of seats');
  if (sTok.quoted || !INT.test(sTok.text) || Number(sTok.text) < 1)
    fail(sTok.line, `expected the number of seats, found "${sTok.text}"`);
  const seats = Number(sTok.text);

  const withdrawn = new Set<number>();
  const undeclared = new Set<number>();
  const nick = new Map<string, number>();
  const options: Record<string, string> = {};
  let tieOrder: number[] | undefined;

  const candidateRef = (tok: Token): number => {
    if (nick.has(tok.text)) return nick.get(tok.text)!;
    if (!INT.test(tok.text)) fail(tok.line, `"${tok.text}" is not a candidate number or nickname`);
    const c = Number(tok.text);
    if (c < 1 || c > n) fail(tok.line, `candidate ${c} is out of range 1..${n}`);
    return c - 1;
  };

  // header: withdrawn candidates (-N) and [option …] lines, before the first ballot
  for (;;) {
    const t = peek();
    if (!t) fail(lastLine, 'the file ends before the ballots');
    if (!t.quoted && /^-\d+$/.test(t.text)) {
      at++;
      const c = Number(t.text.slice(1));
      if (c < 1 || c > n) fail(t.line, `withdrawn candidate ${c} is out of range 1..${n}`);
      if (withdrawn.has(c - 1)) fail(t.line, `candidate ${c} is withdrawn twice`);
      withdrawn.add(c - 1);
    } else if (!t.quoted && t.text === '[') {
      at++;
      const name = next('an option name');
      const args: Token[] = [];
      for (let a = next('"]"'); a.text !== ']' || a.quoted; a = next('"]"')) args.push(a);
      switch (name.text) {
        case 'nick':
          if (args.length !== n)
            fail(name.line, `[nick] must give one nickname for each of the ${n} candidates`);
          args.forEach((a, c) => {
            if (nick.has(a.text)) fail(a.line, `duplicate nickname "${a.text}"`);
            nick.set(a.text, c);
          });
          break;
        case 'tie': {
          const order = args.map(candidateRef);
          if (order.length !== n || new Set(order).size !== n)
            fail(name.line, '[tie] must list each candidate exactly once');
          tieOrder = order;
          break;
        }
        case 'withdrawn':
        case 'undeclared':
          for (const a of args) {
            const c = candidateRef(a);
            const set = name.text === 'withdrawn' ? withdrawn : undeclared;
            if (set.has(c)) fail(a.line, `candidate ${c + 1} is listed twice in [${name.text}]`);
            set.add(c);
          }
          break;
        case 'droop':
          for (const a of args) {
            const eq = a.text.indexOf('=');
            if (eq > 0) options[a.text.slice(0, eq)] = a.text.slice(eq + 1);
            else options[a.text] = 'true';
          }
          break;
        default:
          fail(name.line, `unknown option [${name.text}]`);
      }
    } else break;
  }

  const ballots: RankingBallot[] = [];
  for (;;) {
    const t = next('a ballot line or the closing 0');
    if (t.quoted) fail(t.line, `expected a ballot weight, found a quoted string "${t.text}"`);
    let weight = 1;
    if (/^\(.*\)$/.test(t.text)) {
      // OpenSTV ballot id: one ballot; the id is not kept (ids could link ballots to people)
    } else {
      if (!DECIMAL.test(t.text)) fail(t.line, `expected a ballot weight, found "${t.text}"`);
      weight = Number(t.text);
      if (weight === 0) break;
    }
    const ranks: (number | number[])[] = [];
    for (;;) {
      const r = next('the 0 that ends a ballot');
      if (r.quoted) fail(r.line, `ballot is not ended by 0 before "${r.text}"`);
      if (r.text === '0') break;
      if (r.text === '-') {
        ranks.push([]);
        continue;
      }
      const parts = r.text.split('=');
      if (parts.some((p) => p === '')) fail(r.line, `malformed equal ranking "${r.text}"`);
      // a candidate ranked twice is kept: the contest's duplicate rule decides what it means
      const cs = parts.map((p) => candidateRef({ ...r, text: p }));
      ranks.push(cs.length === 1 ? cs[0] : cs);
    }
    ballots.push(weight === 1 ? { kind: 'ranking', ranks } : { kind: 'ranking', weight, ranks });
  }

  const candidates: CandidateInput[] = [];
  for (let c = 0; c < n; c++) {
    const t = next(`the name of candidate ${c + 1}`);
    if (!t.quoted) fail(t.line, `expected the quoted name of candidate ${c + 1}, found "${t.text}"`);
    candidates.push({
      name: t.text,
      ...(withdrawn.has(c) ? { withdrawn: true } : {}),
      ...(undeclared.has(c) ? { writeIn: true } : {}),
    });
  }
  const titleTok = next('the quoted title');
  if (!titleTok.quoted) fail(titleTok.line, `expected the quoted election title, found "${titleTok.text}"`);
  // free text after the title (Wichmann's files carry first-preference tables) ends the file
  const after: Token[] = [];
  while (at < tokens.length && tokens[at].quoted) after.push(tokens[at++]);
  if (after.length > 0 && !readOptions.sourceAndComment) {
    const shown = after.slice(0, 3).map((t) => `"${t.text}" on line ${t.line}`);
    const more = after.length > 3 ? ` and ${after.length - 3} more` : '';
    fail(
      headerLine,
      `the header declares ${n} candidate${n === 1 ? '' : 's'}, so "${titleTok.text}" on line ${titleTok.line} would be the title ` +
        `and ${shown.join(', ')}${more} ${after.length === 1 ? 'is' : 'are'} left over. ` +
        `If there are ${n + after.length} candidates, declare ${n + after.length} on line ${headerLine}`,
      BLT_UNDECLARED_NAMES,
    );
  }
  const extra = ['source', 'comment'];
  for (const [k, t] of after.entries()) options[extra[k] ?? `extra${k}`] = t.text;
  return {
    title: titleTok.text,
    seats,
    candidates,
    ballots,
    ...(tieOrder ? { tieOrder } : {}),
    ...(Object.keys(options).length > 0 ? { options } : {}),
  };
}

function quote(s: string, what: string): string {
  if (s.includes('"') || /[\r\n]/.test(s)) {
    throw new TallyInputError(
      `${what} "${s}" cannot be written to BLT: it contains a double quote or a line break`,
      'counting.blt.unwritable',
    );
  }
  return `"${s}"`;
}

/** Writes BLT that `readBlt` (and Droop/OpenSTV) read back; withdrawn as `-N`, equal ranks with `=`. */
export function writeBlt(election: BltElection): string {
  const n = election.candidates.length;
  const out: string[] = [`${n} ${election.seats}`];
  const withdrawn = election.candidates.flatMap((c, i) => (c.withdrawn ? [`-${i + 1}`] : []));
  if (withdrawn.length > 0) out.push(withdrawn.join(' '));
  const undeclared = election.candidates.flatMap((c, i) => (c.writeIn ? [`${i + 1}`] : []));
  if (undeclared.length > 0) out.push(`[undeclared ${undeclared.join(' ')}]`);
  if (election.tieOrder) out.push(`[tie ${election.tieOrder.map((c) => c + 1).join(' ')}]`);
  const { source, comment, ...droop } = election.options ?? {};
  const droopArgs = Object.entries(droop).filter(([k]) => !/^extra\d+$/.test(k));
  if (droopArgs.length > 0) {
    for (const [k, v] of droopArgs) {
      if (/[\s\]="#]/.test(k) || /[\s\]"#]/.test(v))
        throw new TallyInputError(`option ${k}=${v} cannot be written to BLT`, 'counting.blt.unwritable');
    }
    out.push(`[droop ${droopArgs.map(([k, v]) => (v === 'true' ? k : `${k}=${v}`)).join(' ')}]`);
  }
  for (const b of election.ballots) {
    const w = b.weight ?? 1;
    if (!Number.isFinite(w) || w <= 0 || !DECIMAL.test(String(w)))
      throw new TallyInputError(`ballot weight ${w} cannot be written to BLT`, 'counting.blt.unwritable');
    const ranks = b.ranks.map((r) => {
      const cs = typeof r === 'number' ? [r] : [...r];
      if (cs.length === 0) return '-';
      for (const c of cs) {
        if (!Number.isInteger(c) || c < 0 || c >= n)
          throw new TallyInputError(`unknown candidate ${c}`, 'counting.unknown_candidate');
      }
      return cs.map((c) => c + 1).join('=');
    });
    out.push(`${w} ${ranks.join(' ')}${ranks.length > 0 ? ' ' : ''}0`);
  }
  out.push('0');
  for (const c of election.candidates) out.push(quote(c.name, 'candidate name'));
  out.push(quote(election.title, 'title'));
  // the comment is the second string after the title, so a comment alone needs an empty source before it
  if (source !== undefined || comment !== undefined) out.push(quote(source ?? '', 'source'));
  if (comment !== undefined) out.push(quote(comment, 'comment'));
  return `${out.join('\n')}\n`;
}
