// Loads the Droop reference cases (test/fixtures/tabulation/droop, README §2) and reads the
// expected JSON reports into per-round snapshots that the STV tests compare digit for digit.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BltElection } from '../../../src/counting/formats/blt.js';
import { readBlt } from '../../../src/counting/formats/blt.js';

const here = dirname(fileURLToPath(import.meta.url));
export const DROOP_DIR = resolve(here, '../../fixtures/tabulation/droop');

export interface DroopCandidateState {
  state: string;
  vote: string;
  kf?: string;
}

export interface DroopAction {
  round: number;
  tag: string;
  msg: string;
  quota?: string;
  votes?: string;
  nt_votes?: string;
  residual?: string;
  surplus?: string;
  cstate?: Record<string, DroopCandidateState>;
}

export interface DroopReport {
  seats: number;
  nballots: number;
  quota: string;
  actions: DroopAction[];
  /** names elected, from the final action */
  elected: string[];
  cdict: Record<string, { name: string }>;
}

export interface DroopCase {
  folder: string;
  blt: string;
  tag: string;
  election: BltElection;
  report: DroopReport;
}

/** Every (ballot file, rule tag) pair with an expected JSON report. */
export function droopCases(tag: string): DroopCase[] {
  const out: DroopCase[] = [];
  for (const folder of readdirSync(DROOP_DIR).sort()) {
    let files: string[];
    try {
      files = readdirSync(join(DROOP_DIR, folder, 'expected'));
    } catch {
      continue;
    }
    for (const f of files.sort()) {
      if (!f.endsWith(`-${tag}.json`)) continue;
      const blt = `${f.slice(0, -`-${tag}.json`.length)}.blt`;
      const election = readBlt(readFileSync(join(DROOP_DIR, folder, blt), 'utf8'), {
        sourceAndComment: true,
      });
      const raw = JSON.parse(readFileSync(join(DROOP_DIR, folder, 'expected', f), 'utf8')) as Omit<
        DroopReport,
        'elected'
      >;
      const end = raw.actions[raw.actions.length - 1];
      const elected = Object.entries(end.cstate ?? {})
        .filter(([, s]) => s.state === 'elected')
        .map(([cid]) => raw.cdict[cid].name);
      out.push({ folder, blt, tag, election, report: { ...raw, elected } });
    }
  }
  return out;
}

/** cid (1-based, as in the report) → candidate index */
export const indexOf = (cid: string): number => Number(cid) - 1;
