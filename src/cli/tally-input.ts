// Reading a ballot file for `teller tally`: by extension .blt, .csv or .json, into one election.

import { readBlt, type BltReadOptions } from '../counting/formats/blt.js';
import { readCsvBallots } from '../counting/formats/csv.js';
import { readJsonElection } from '../counting/formats/json.js';
import type { Ballot, CandidateInput, MethodId, MethodOptions, RankingBallot } from '../counting/index.js';
import { BALLOT_KIND, TallyInputError } from '../counting/index.js';

export interface FileElection {
  title?: string;
  method?: MethodId;
  seats?: number;
  candidates: CandidateInput[];
  ballots: Ballot[];
  options: MethodOptions;
}

export interface ReadFileOptions {
  blt?: BltReadOptions;
}

export function readElectionFile(path: string, text: string, read: ReadFileOptions = {}): FileElection {
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
    return { candidates: csv.candidates, ballots: csv.ballots, options: {} };
  }
  if (ext === 'json') {
    const json = readJsonElection(text);
    return { ...json, options: json.options ?? {} };
  }
  throw new TallyInputError(`cannot tell the format of ${path}: use a .blt, .csv or .json file`, 'counting.unknown_format');
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
