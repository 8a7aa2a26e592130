// `teller tally FILE --method M [--seats N] [--tie-break RULE] [--seed S] [--json] [--locale L] [--blt-source-comment]`:
// count a ballot file (.blt, .csv, .json) and print a round-by-round report, or one JSON object.
// Exit status: 0 counted; 2 unreadable or malformed file, or arguments or ballots that cannot be
// counted (the message names the line where the file says it).

import { resultToJson } from '../counting/formats/json.js';
import { BLT_UNDECLARED_NAMES } from '../counting/formats/blt.js';
import { isMethodId, METHOD_IDS, tally, TallyInputError, type TieBreakRule } from '../counting/index.js';
import { adaptBallots, decodeBallotFile, readElectionFile } from './tally-input.js';
import { emptyCountJson, renderEmptyCount, renderReport, type EmptyCount } from './tally-table.js';

export interface TallyIo {
  /** the file's bytes: they are decoded here, so that text that is not UTF-8 can be refused */
  readFile(path: string): Promise<Uint8Array>;
  out(s: string): void;
  err(s: string): void;
}

const TIE_RULES: readonly TieBreakRule[] = [
  'lot',
  'backwards',
  'forwards',
  'candidate-order',
  'organiser',
  'revote',
];
const USAGE = `usage: teller tally FILE --method M [--seats N] [--tie-break RULE] [--seed S] [--json] [--locale en|zh-Hans] [--blt-source-comment]
  FILE       .blt, .csv (one ballot per line, names in preference order) or .json
  --method   ${METHOD_IDS.join(', ')}
  --tie-break ${TIE_RULES.join(', ')}
  --blt-source-comment  read quoted strings after a BLT file's title as its source and comment`;

interface Args {
  file?: string;
  method?: string;
  seats?: string;
  tieBreak?: string;
  seed?: string;
  json: boolean;
  locale?: string;
  bltSourceComment: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const args: Args = { json: false, bltSourceComment: false };
  const valued: Record<string, keyof Args> = {
    '--method': 'method',
    '--seats': 'seats',
    '--tie-break': 'tieBreak',
    '--seed': 'seed',
    '--locale': 'locale',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    if (flag === '--json') args.json = true;
    else if (flag === '--blt-source-comment') args.bltSourceComment = true;
    else if (flag in valued) {
      const value = inline ?? argv[++i];
      if (value === undefined) return `${flag} needs a value`;
      (args as unknown as Record<string, string>)[valued[flag]] = value;
    } else if (flag.startsWith('--')) return `unknown option ${flag}`;
    else if (args.file === undefined) args.file = flag;
    else return `unexpected argument ${flag}`;
  }
  return args;
}

export async function runTally(argv: string[], io: TallyIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string' || !args.file) {
    io.err(`${typeof args === 'string' ? args : 'no ballot file given'}\n${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(args.file);
  } catch (e) {
    io.err(`cannot read ${args.file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  try {
    const text = decodeBallotFile(bytes);
    const election = readElectionFile(args.file, text, { blt: { sourceAndComment: args.bltSourceComment } });
    const method = args.method ?? election.method;
    if (method === undefined || !isMethodId(method)) {
      io.err(`${method === undefined ? 'no --method given' : `unknown method ${method}`}\n${USAGE}\n`);
      return 2;
    }
    let seats = election.seats ?? 1;
    if (args.seats !== undefined) {
      seats = Number(args.seats);
      if (!Number.isInteger(seats) || seats < 1) {
        io.err(`--seats must be a whole number of at least 1, got ${args.seats}\n`);
        return 2;
      }
    }
    const options = { ...election.options };
    if (args.tieBreak !== undefined) {
      if (!(TIE_RULES as readonly string[]).includes(args.tieBreak)) {
        io.err(`unknown tie-break rule ${args.tieBreak}: use ${TIE_RULES.join(', ')}\n`);
        return 2;
      }
      options.tieBreak = args.tieBreak as TieBreakRule;
    }
    if (args.seed !== undefined) options.seed = args.seed;
    if (election.candidatesFromBallots) {
      const names = election.candidates.map((c) => c.name).join(', ');
      io.err(
        `note: ${args.file} has no candidate list, so its candidates are the names its ballots use: ${names}. A line "# candidates: …" before the ballots makes any other name an error\n`,
      );
    }
    if (!election.ballots.some((b) => (b.weight ?? 1) > 0)) {
      const empty: EmptyCount = {
        method,
        seats,
        candidates: election.candidates.map((c) => c.name),
        lines: election.ballots.length,
      };
      io.out(
        args.json
          ? `${JSON.stringify(emptyCountJson(empty, args.locale), null, 2)}\n`
          : renderEmptyCount(empty, election.title, args.locale),
      );
      return 0;
    }
    const ballots = adaptBallots(election.ballots, method, seats);
    const result = tally({ method, seats, candidates: election.candidates, ballots, options });
    io.out(
      args.json
        ? `${JSON.stringify(resultToJson(result), null, 2)}\n`
        : renderReport(result, election.title, args.locale),
    );
    return 0;
  } catch (e) {
    if (e instanceof TallyInputError) {
      const hint =
        e.code === BLT_UNDECLARED_NAMES
          ? "; if the strings after the title are its source and comment (Droop's extension), add --blt-source-comment"
          : '';
      io.err(`${args.file}: ${e.message}${hint}\n`);
      return 2;
    }
    throw e;
  }
}
