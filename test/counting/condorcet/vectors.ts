// Loading the condorcet-php reference vectors (test/fixtures/tabulation/condorcet-php, README §3):
// Condorcet PHP vote lines and Debian tally sheets, turned into Teller ballots.
import { readFileSync } from 'node:fs';
import type { RankingBallot } from '../../../src/counting/index.js';

export const CASES_DIR = new URL('../../fixtures/tabulation/condorcet-php/', import.meta.url);

export interface Vector {
  id: string;
  candidates: string[] | null;
  votes: string[] | null;
  unranked: 'implicit-last' | 'ignore';
  expected: Record<string, Record<string, unknown>>;
  notes: string;
}

export function loadVectors(): Vector[] {
  return (JSON.parse(readFileSync(new URL('cases.json', CASES_DIR), 'utf8')) as { cases: Vector[] }).cases;
}

/** "A > B = C * 5" (five ballots) or "A > B ^ 15" (one ballot of weight 15). */
export function parseVote(line: string, candidates: readonly string[]): RankingBallot[] {
  const m = /^(.*?)(?:\s*([*^])\s*(\d+))?\s*$/.exec(line);
  if (!m) throw new Error(`bad vote line: ${line}`);
  const index = (name: string) => {
    const i = candidates.indexOf(name.trim());
    if (i < 0) throw new Error(`unknown candidate ${name} in ${line}`);
    return i;
  };
  const ranks = m[1].split('>').map((level) => {
    const group = level.split('=').map(index);
    return group.length === 1 ? group[0] : group;
  });
  const n = m[3] === undefined ? 1 : Number(m[3]);
  if (m[2] === '^') return [{ kind: 'ranking', ranks, weight: n }];
  return Array.from({ length: n }, () => ({ kind: 'ranking', ranks }) as RankingBallot);
}

export function parseVotes(votes: readonly string[], candidates: readonly string[]): RankingBallot[] {
  return votes.flatMap((v) => parseVote(v, candidates));
}

/**
 * Debian tally sheet: "Option N--->: Name" header lines, then "V: 3-311-56  <hash>" per voter: the
 * character at position i is the rank given to option i+1, '-' unranked, equal digits equal rank.
 */
export function readDebianTally(file: string): { candidates: string[]; ballots: RankingBallot[] } {
  const bytes = readFileSync(new URL(`debian/${file}`, CASES_DIR));
  const text = file.includes('2007') ? bytes.toString('latin1') : bytes.toString('utf8');
  const candidates: string[] = [];
  const ballots: RankingBallot[] = [];
  for (const line of text.split(/\r?\n/)) {
    const option = /Option\s+(\d+)-*>:\s*(.+?)\s*$/.exec(line);
    if (option) candidates[Number(option[1]) - 1] = option[2];
    const vote = /^V:\s+(\S+)/.exec(line);
    if (!vote) continue;
    const byRank = new Map<number, number[]>();
    [...vote[1]].forEach((ch, i) => {
      if (ch === '-') return;
      const rank = parseInt(ch, 16);
      byRank.set(rank, [...(byRank.get(rank) ?? []), i]);
    });
    const ranks = [...byRank.keys()]
      .sort((a, b) => a - b)
      .map((r) => {
        const group = byRank.get(r)!;
        return group.length === 1 ? group[0] : group;
      });
    ballots.push({ kind: 'ranking', ranks });
  }
  return { candidates, ballots };
}
