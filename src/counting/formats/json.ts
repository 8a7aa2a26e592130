// Teller's JSON ballot file, and the JSON summary of a result (`teller tally --json`).
//
// Ballot file, exactly:
//   {
//     "title": "AGM 2026",                      optional
//     "method": "schulze",                      optional: the default method for `teller tally`
//     "seats": 1,                               optional (default 1)
//     "candidates": ["Ana", {"name": "Ben", "withdrawn": true}, {"name": "Other", "writeIn": true}],
//     "options": { ... MethodOptions ... },     optional: tie rule, seed, thresholds, criteria ...
//     "ballots": [ one object per ballot, each with an optional "weight" (a number >= 0, default 1):
//       {"ranks": ["Ana", ["Ben", "Cai"], [], "Dee"]}   ranking: first preference first; an array is
//                                                       several candidates at one rank, [] a skipped rank
//       {"marks": ["Ana", "Cai"]}                       plurality, block, approval, two-round
//       {"approve": ["Ana"], "oppose": ["Ben"]}         approve-oppose (unlisted = abstain)
//       {"scores": {"Ana": 5, "Ben": 3}}                score voting
//       {"scores": {"Ana": [5, 4, 3]}}                  judged scoring: one score per criterion
//     ]
//   }
// A candidate in a ballot is written by name, or as a number: its 0-based position in "candidates"
// (a number outside the list is kept, and the count treats that ballot as invalid).
// Errors are JsonFormatError (a TallyInputError) naming the line.

import type { Ballot, CandidateInput, CountResult, MethodId, MethodOptions } from '../types.js';
import { METHOD_IDS, TallyInputError } from '../types.js';

export interface JsonElection {
  title?: string;
  method?: MethodId;
  seats?: number;
  candidates: CandidateInput[];
  ballots: Ballot[];
  options?: MethodOptions;
}

export class JsonFormatError extends TallyInputError {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`JSON line ${line}: ${detail}`, 'counting.json.malformed');
    this.name = 'JsonFormatError';
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Offsets of the elements of the top-level "ballots" array, so errors can name a line. */
function ballotOffsets(text: string): number[] {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const skipString = () => {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  };
  const skipValue = () => {
    ws();
    if (text[i] === '"') return skipString();
    if (text[i] === '{' || text[i] === '[') {
      let depth = 0;
      do {
        if (text[i] === '"') {
          skipString();
          continue;
        }
        if (text[i] === '{' || text[i] === '[') depth++;
        else if (text[i] === '}' || text[i] === ']') depth--;
        i++;
      } while (depth > 0 && i < text.length);
      return;
    }
    while (i < text.length && !/[\s,}\]]/.test(text[i])) i++;
  };
  ws();
  if (text[i] !== '{') return [];
  i++;
  for (;;) {
    ws();
    if (text[i] !== '"') return [];
    const start = i + 1;
    skipString();
    const key = JSON.parse(text.slice(start - 1, i)) as string;
    ws();
    i++; // the colon
    ws();
    if (key === 'ballots' && text[i] === '[') {
      const offsets: number[] = [];
      i++;
      for (;;) {
        ws();
        if (text[i] === ']' || i >= text.length) return offsets;
        offsets.push(i);
        skipValue();
        ws();
        if (text[i] === ',') i++;
      }
    }
    skipValue();
    ws();
    if (text[i] !== ',') return [];
    i++;
  }
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

export function readJsonElection(text: string): JsonElection {
  const source = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    throw new JsonFormatError(
      pos ? lineAt(source, Number(pos[1])) : lineAt(source, source.length),
      `not valid JSON (${message})`,
    );
  }
  if (!isObject(data)) throw new JsonFormatError(1, 'the file must be one JSON object');
  const topLine = (key: string) => {
    const m = new RegExp(`"${key}"\\s*:`).exec(source);
    return m ? lineAt(source, m.index) : 1;
  };

  if (!Array.isArray(data.candidates))
    throw new JsonFormatError(topLine('candidates'), '"candidates" must be a list');
  const candidates: CandidateInput[] = data.candidates.map((c) => {
    if (typeof c === 'string') return { name: c };
    if (isObject(c) && typeof c.name === 'string') {
      return {
        name: c.name,
        ...(c.withdrawn === true ? { withdrawn: true } : {}),
        ...(c.writeIn === true ? { writeIn: true } : {}),
      };
    }
    throw new JsonFormatError(topLine('candidates'), 'each candidate is a name or {"name": ...}');
  });
  const index = new Map<string, number>();
  candidates.forEach((c, i) => {
    if (index.has(c.name))
      throw new JsonFormatError(topLine('candidates'), `candidate "${c.name}" is listed twice`);
    index.set(c.name, i);
  });

  const election: JsonElection = { candidates, ballots: [] };
  if (data.title !== undefined) {
    if (typeof data.title !== 'string') throw new JsonFormatError(topLine('title'), '"title" must be text');
    election.title = data.title;
  }
  if (data.method !== undefined) {
    if (typeof data.method !== 'string' || !(METHOD_IDS as readonly string[]).includes(data.method)) {
      throw new JsonFormatError(topLine('method'), `unknown method ${JSON.stringify(data.method)}`);
    }
    election.method = data.method as MethodId;
  }
  if (data.seats !== undefined) {
    if (!Number.isInteger(data.seats) || (data.seats as number) < 1)
      throw new JsonFormatError(topLine('seats'), '"seats" must be a whole number of at least 1');
    election.seats = data.seats as number;
  }
  if (data.options !== undefined) {
    if (!isObject(data.options)) throw new JsonFormatError(topLine('options'), '"options" must be an object');
    election.options = data.options as MethodOptions;
  }
  if (!Array.isArray(data.ballots)) throw new JsonFormatError(topLine('ballots'), '"ballots" must be a list');
  const offsets = ballotOffsets(source);
  election.ballots = data.ballots.map((b, i) => {
    const line = offsets[i] !== undefined ? lineAt(source, offsets[i]) : topLine('ballots');
    return readBallot(b, line, index);
  });
  return election;
}

function readBallot(b: unknown, line: number, index: Map<string, number>): Ballot {
  const fail = (detail: string): never => {
    throw new JsonFormatError(line, detail);
  };
  if (!isObject(b)) fail('a ballot must be an object');
  const ballot = b as Record<string, unknown>;
  const ref = (c: unknown): number => {
    if (typeof c === 'number' && Number.isInteger(c)) return c;
    if (typeof c === 'string') return index.get(c) ?? fail(`unknown candidate "${c}"`);
    return fail(`a candidate is a name or a number, got ${JSON.stringify(c)}`);
  };
  const list = (x: unknown, what: string): number[] =>
    Array.isArray(x) ? x.map(ref) : fail(`"${what}" must be a list`);
  let weight: number | undefined;
  if (ballot.weight !== undefined) {
    if (typeof ballot.weight !== 'number' || !Number.isFinite(ballot.weight) || ballot.weight < 0)
      fail('"weight" must be a number of at least 0');
    weight = ballot.weight as number;
  }
  const w = weight !== undefined ? { weight } : {};
  if ('ranks' in ballot) {
    if (!Array.isArray(ballot.ranks)) fail('"ranks" must be a list');
    const ranks = (ballot.ranks as unknown[]).map((r) => (Array.isArray(r) ? r.map(ref) : ref(r)));
    return { kind: 'ranking', ranks, ...w };
  }
  if ('marks' in ballot) return { kind: 'marks', marks: list(ballot.marks, 'marks'), ...w };
  if ('approve' in ballot || 'oppose' in ballot) {
    return {
      kind: 'opinions',
      approve: list(ballot.approve ?? [], 'approve'),
      oppose: list(ballot.oppose ?? [], 'oppose'),
      ...w,
    };
  }
  if ('scores' in ballot) {
    if (!isObject(ballot.scores)) fail('"scores" must be an object from candidate name to score');
    const entries = Object.entries(ballot.scores as Record<string, unknown>).map(
      ([name, s]) => [ref(name), s] as const,
    );
    const size = Math.max(0, ...entries.map(([c]) => c + 1));
    const criteria = entries.some(([, s]) => Array.isArray(s));
    const number = (s: unknown): number | null =>
      s === null
        ? null
        : typeof s === 'number'
          ? s
          : fail(`a score must be a number, got ${JSON.stringify(s)}`);
    if (criteria) {
      const scores: (number | null)[][] = Array.from({ length: size }, () => []);
      for (const [c, s] of entries)
        scores[c] = Array.isArray(s) ? s.map(number) : fail('judged scores are a list per candidate');
      return { kind: 'criteria', scores, ...w };
    }
    const scores: (number | null)[] = new Array(size).fill(null);
    for (const [c, s] of entries) scores[c] = number(s);
    return { kind: 'scores', scores, ...w };
  }
  return fail('a ballot needs "ranks", "marks", "approve"/"oppose" or "scores"');
}

/** Writes a ballot file in the format above, one ballot per line, candidates by name. */
export function writeJsonElection(election: JsonElection): string {
  const names = election.candidates.map((c) => c.name);
  const name = (c: number) => names[c] ?? c;
  const ballotJson = (b: Ballot): Record<string, unknown> => {
    const w = b.weight !== undefined ? { weight: b.weight } : {};
    switch (b.kind) {
      case 'ranking':
        return { ...w, ranks: b.ranks.map((r) => (typeof r === 'number' ? name(r) : r.map(name))) };
      case 'marks':
        return { ...w, marks: b.marks.map(name) };
      case 'opinions':
        return { ...w, approve: b.approve.map(name), oppose: b.oppose.map(name) };
      case 'scores':
        return {
          ...w,
          scores: Object.fromEntries(b.scores.flatMap((s, c) => (s === null ? [] : [[name(c), s]]))),
        };
      case 'criteria':
        return {
          ...w,
          scores: Object.fromEntries(
            b.scores.flatMap((row, c) => (row.length === 0 ? [] : [[name(c), row]])),
          ),
        };
    }
  };
  const head: Record<string, unknown> = {};
  if (election.title !== undefined) head.title = election.title;
  if (election.method !== undefined) head.method = election.method;
  if (election.seats !== undefined) head.seats = election.seats;
  head.candidates = election.candidates.map((c) => (c.withdrawn || c.writeIn ? { ...c } : c.name));
  if (election.options !== undefined) head.options = election.options;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const ballots = election.ballots.map((b) => `    ${JSON.stringify(ballotJson(b))}`).join(',\n');
  return `{\n${lines.join('\n')}\n  "ballots": [\n${ballots}${ballots ? '\n' : ''}  ]\n}\n`;
}

/** The JSON summary of a result: candidates by name, as `teller tally --json` prints it. */
export function resultToJson(result: CountResult): Record<string, unknown> {
  const names = result.candidates;
  const many = (xs: readonly number[]) => xs.map((c) => names[c]);
  return {
    method: result.method,
    seats: result.seats,
    candidates: names,
    winners: many(result.winners),
    rounds: result.rounds.map((r) => ({
      round: r.number,
      counts: Object.fromEntries(r.counts.map((v, c) => [names[c], v])),
      elected: many(r.elected),
      eliminated: many(r.eliminated),
      exhausted: r.exhausted,
      ...(r.quota !== undefined ? { quota: r.quota } : {}),
    })),
    ties: result.ties.map((t) => ({
      round: t.round,
      purpose: t.purpose,
      candidates: many(t.candidates),
      rule: t.rule,
      chosen: many(t.chosen),
      ...(t.seed !== undefined ? { seed: t.seed } : {}),
    })),
    ...(result.furtherRound
      ? { furtherRound: { ...result.furtherRound, candidates: many(result.furtherRound.candidates) } }
      : {}),
    ...(result.ranking ? { ranking: result.ranking.map(many) } : {}),
    ...(result.pairwise ? { pairwise: result.pairwise } : {}),
    ballots: result.ballots,
    irregularities: result.irregularities,
    options: result.options,
  };
}
