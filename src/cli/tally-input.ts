// Reading a ballot file for `teller tally`: by extension .blt, .csv or .json, into one election.

import { readBlt, type BltReadOptions } from '../counting/formats/blt.js';
import { readCsvBallots } from '../counting/formats/csv.js';
import { readJsonElection } from '../counting/formats/json.js';
import type { Ballot, CandidateInput, MethodId, MethodOptions, RankingBallot } from '../counting/index.js';
import { BALLOT_KIND, TallyInputError } from '../counting/index.js';

/**
 * The file's bytes as text. Invalid UTF-8 is refused, naming the first line that is not UTF-8: decoded
 * leniently, its bytes would become U+FFFD and two different names could collide ("José" and "Josè" in
 * Latin-1 both read as "Jos\uFFFD"). A newline byte never occurs inside a UTF-8 sequence, so lines
 * can be checked one by one. A leading byte-order mark is dropped.
 */
export function decodeBallotFile(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new TallyInputError('the file is UTF-16 text: save it as UTF-8', 'counting.not_utf8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const strict = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let line = 1; ; line++) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl < 0 ? bytes.length : nl;
      const chunk = bytes.subarray(start, end);
      try {
        strict.decode(chunk);
      } catch {
        const shown = new TextDecoder('utf-8').decode(chunk).replace(/\r$/, '');
        const cut = [...shown].length > 60 ? `${[...shown].slice(0, 60).join('')}…` : shown;
        throw new TallyInputError(
          `line ${line} is not valid UTF-8 (shown with \uFFFD where it is not): "${cut}"; save the file as UTF-8`,
          'counting.not_utf8',
        );
      }
      if (nl < 0) break;
      start = nl + 1;
    }
    throw new TallyInputError('the file is not valid UTF-8: save it as UTF-8', 'counting.not_utf8');
  }
}

export interface FileElection {
  title?: string;
  method?: MethodId;
  seats?: number;
  candidates: CandidateInput[];
  ballots: Ballot[];
  options: MethodOptions;
  /** a CSV file without a `# candidates:` list: its candidates are whatever names its ballots use */
  candidatesFromBallots?: boolean;
}

export interface ReadFileOptions {
  blt?: BltReadOptions;
}

export function readElectionFile(path: string, text: string, read: ReadFileOptions = {}): FileElection {
  const election = readByExtension(path, text, read);
  // nothing to count is not a count: "0 candidates, seat unfilled" read like a result
  if (election.candidates.length === 0) {
    const n = election.ballots.length;
    throw new TallyInputError(
      n === 0
        ? 'no ballots and no candidates: the file has nothing to count'
        : `no candidates: the file names none, and its ${n} ballot${n === 1 ? ' is' : 's are all'} blank`,
      'counting.no_candidates',
    );
  }
  return election;
}

function readByExtension(path: string, text: string, read: ReadFileOptions): FileElection {
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'blt') {
    const blt = readBlt(text, read.blt);
    return {
      title: blt.title,
      seats: blt.seats,
      candidates: blt.candidates,
      ballots: blt.ballots,
      options: blt.tieOrder ? { tieOrder: blt.tieOrder } : {},
    };
  }
  if (ext === 'csv') {
    const csv = readCsvBallots(text);
    return {
      candidates: csv.candidates,
      ballots: csv.ballots,
      options: {},
      ...(csv.candidateListLine === undefined ? { candidatesFromBallots: true } : {}),
    };
  }
  if (ext === 'json') {
    const json = readJsonElection(text);
    return { ...json, options: json.options ?? {} };
  }
  throw new TallyInputError(
    `cannot tell the format of ${path}: use a .blt, .csv or .json file`,
    'counting.unknown_format',
  );
}

/**
 * Ranked files can be counted by the marks methods too, to compare methods on the same ballots:
 * plurality and two-round take the first preference, block the first `seats` preferences, approval
 * every ranked candidate. An overvote stays an overvote (two marks where one is allowed: invalid).
 */
export function adaptBallots(ballots: Ballot[], method: MethodId, seats: number): Ballot[] {
  if (BALLOT_KIND[method] !== 'marks') return ballots;
  return ballots.map((b) => {
    if (b.kind !== 'ranking') return b;
    const ranks = (b as RankingBallot).ranks.filter((r) => typeof r === 'number' || r.length > 0);
    const take = method === 'approval' ? ranks.length : method === 'block' ? seats : 1;
    const marks = ranks.slice(0, take).flatMap((r) => (typeof r === 'number' ? [r] : [...r]));
    return { kind: 'marks', marks, ...(b.weight !== undefined ? { weight: b.weight } : {}) };
  });
}
