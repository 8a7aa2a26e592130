// Reads an RCTab reference case (test/fixtures/tabulation/rctab/<case>) into a Teller tally input:
// the derived ballots.csv / ballots_grouped.csv goes through Teller's own CSV reader, and the RCTab
// rule parameters become MethodOptions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvBallots, splitCsvLine, WRITE_IN_NAME } from '../../../src/counting/formats/csv.js';
import type { MethodOptions, TallyInput, TieBreakRule } from '../../../src/counting/types.js';

export const RCTAB_DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'tabulation', 'rctab');

interface RctabSource {
  undeclaredWriteInLabel?: string;
  treatBlankAsUndeclaredWriteIn?: boolean;
}
interface RctabCandidate {
  name: string;
  excluded?: boolean;
}
export interface RctabConfig {
  cvrFileSources: RctabSource[];
  candidates: RctabCandidate[];
  rules: Record<string, string | number | boolean>;
}
export interface RctabRound {
  round: number;
  threshold: string;
  tally: Record<string, string>;
  tallyResults: { elected?: string; eliminated?: string; transfers: Record<string, string> }[];
  inactiveBallots: {
    exhaustedChoices: string;
    overvotes: string;
    repeatedRankings: string;
    skippedRankings: string;
  };
}
export interface RctabReport {
  results: RctabRound[];
  summary: { totalNumBallots: string; undervotes: number };
}

export function rctabCaseNames(): string[] {
  return readdirSync(RCTAB_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

export function readConfig(name: string): RctabConfig {
  return JSON.parse(readFileSync(join(RCTAB_DIR, name, `${name}_config.json`), 'utf8')) as RctabConfig;
}

/** The expected report; multi-pass cases have one per seat (`pass` 1, 2, ...). */
export function readReport(name: string, pass?: number): RctabReport {
  const file =
    pass === undefined
      ? `${name}_expected_detailed_report.json`
      : `${name}_${pass}_expected_detailed_report.json`;
  return JSON.parse(readFileSync(join(RCTAB_DIR, name, file), 'utf8')) as RctabReport;
}

const quote = (cell: string) => (/[",]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** RCTab's derived layout -> Teller CSV: drop source_file and ballot_id, keep count as the weight. */
export function toTellerCsv(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = splitCsvLine(lines[0], 1);
  const grouped = header[0] === 'count';
  const skip = grouped ? 1 : 2;
  const out = [grouped ? 'weight,rank 1' : 'rank 1'];
  lines.slice(1).forEach((line, k) => {
    const cells = splitCsvLine(line, k + 2);
    out.push([...(grouped ? [cells[0]] : []), ...cells.slice(skip)].map(quote).join(','));
  });
  return out.join('\n');
}

function tieRule(mode: string): { tieBreak: TieBreakRule; lotGenerator?: 'java' } {
  switch (mode) {
    case 'random':
      return { tieBreak: 'lot', lotGenerator: 'java' };
    case 'previousRoundCountsThenRandom':
      return { tieBreak: 'backwards', lotGenerator: 'java' };
    case 'useCandidateOrder':
      return { tieBreak: 'candidate-order' };
    case 'stopCountingAndAsk':
    case 'previousRoundCountsThenAsk':
      return { tieBreak: 'organiser' };
    default:
      throw new Error(`tie-break mode ${mode} is not mapped`);
  }
}

export function rctabOptions(rules: RctabConfig['rules']): MethodOptions {
  const overvote = {
    exhaustImmediately: 'exhaust',
    alwaysSkipToNextRank: 'skip',
    exhaustIfMultipleContinuing: 'exhaust-if-multiple-continuing',
  }[String(rules.overvoteRule)] as 'exhaust' | 'skip' | 'exhaust-if-multiple-continuing';
  const skip = String(rules.maxSkippedRanksAllowed);
  const maxr = String(rules.maxRankingsAllowed);
  return {
    ...tieRule(String(rules.tiebreakMode)),
    ...(rules.randomSeed !== undefined && rules.randomSeed !== '' ? { seed: String(rules.randomSeed) } : {}),
    irregularities: {
      overvote,
      maxSkippedRanks: skip === 'unlimited' ? 'unlimited' : Number(skip),
      duplicate: rules.exhaustOnDuplicateCandidate === true ? 'exhaust' : 'skip',
      ...(maxr === 'max' ? {} : { maxRankings: Number(maxr) }),
    },
    batchElimination: rules.batchElimination === true,
    continueUntilTwo: rules.continueUntilTwoCandidatesRemain === true,
    firstRoundThreshold: rules.doesFirstRoundDetermineThreshold === true,
    ...(rules.winnerElectionMode === 'multiPassIrv' ? { sequential: true } : {}),
  };
}

export function loadRctabCase(name: string): TallyInput {
  const config = readConfig(name);
  const dir = join(RCTAB_DIR, name);
  const file = existsSync(join(dir, 'ballots.csv')) ? 'ballots.csv' : 'ballots_grouped.csv';
  const options = rctabOptions(config.rules);
  const maxr = String(config.rules.maxRankingsAllowed);
  const { candidates, ballots } = readCsvBallots(
    toTellerCsv(readFileSync(join(dir, file), 'utf8')),
    [
      ...config.candidates.map((c) => ({ name: c.name, ...(c.excluded ? { withdrawn: true } : {}) })),
      // RCTab lists the write-in bucket (at 0 votes too) whenever a source declares a write-in label
      ...(config.cvrFileSources.some((s) => s.undeclaredWriteInLabel || s.treatBlankAsUndeclaredWriteIn)
        ? [{ name: WRITE_IN_NAME, writeIn: true }]
        : []),
    ],
    maxr === 'max' ? {} : { maxRankings: Number(maxr) },
  );
  return { method: 'irv', seats: Number(config.rules.numberOfWinners), candidates, ballots, options };
}
