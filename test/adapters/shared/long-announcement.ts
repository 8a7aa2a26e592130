// A long announcement, as the core writes it, for the platform tests of issue 13: 12 contests of 20
// candidates, each counted by Scottish STV over at least 15 rounds, with a chart each. And the way
// back from what a platform shows to the fields it was given, so a test can say nothing was lost.
import { expect } from 'vitest';
import { tally } from '../../../src/counting/index.js';
import type { RankingBallot } from '../../../src/counting/types.js';
import type { Field, MessageBody } from '../../../src/core/index.js';
import { announcement } from '../../../src/core/results/result.view.js';
import type { StoredResult } from '../../../src/core/results/result.types.js';
import type { Contest } from '../../../src/core/shared/election.types.js';
import { translator } from '../../../src/i18n/index.js';

export const CONTESTS = 12;
export const CANDIDATES = 20;

/** a fixed pseudo-random sequence, so every run counts the same ballots */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

function ballots(seed: number): RankingBallot[] {
  const random = lcg(seed);
  return Array.from({ length: 600 }, () => {
    // candidates further down the list are less popular, so they go one by one
    const order = Array.from({ length: CANDIDATES }, (_, c) => c).sort(() => random() - 0.5 - 0.02);
    const ranks = order
      .map((c) => ({ c, key: random() * (1 + c / 4) }))
      .sort((a, b) => a.key - b.key)
      .slice(0, 6)
      .map((x) => x.c);
    return { kind: 'ranking', ranks };
  });
}

const NAMES = Array.from({ length: CANDIDATES }, (_, c) =>
  c === 3 ? '王小明' : `Candidate ${String(c + 1).padStart(2, '0')}`,
);

export function longAnnouncement(): { body: MessageBody; results: StoredResult[] } {
  const contests: Contest[] = [];
  const results: StoredResult[] = [];
  for (let i = 0; i < CONTESTS; i++) {
    const id = `c${i + 1}`;
    contests.push({
      id,
      electionId: 'e1',
      number: i + 1,
      name: `Ward ${i + 1}`,
      seats: 3,
      method: 'stv-scottish',
      options: {},
    } as Contest);
    const result = tally({
      method: 'stv-scottish',
      seats: 3,
      candidates: NAMES.map((name) => ({ name })),
      ballots: ballots(i + 1),
    });
    results.push({
      electionId: 'e1',
      contestId: id,
      round: 1,
      result,
      eligible: 700,
      issued: 700,
      createdAt: '',
    });
  }
  const body = announcement(translator('en'), 'City council', contests, results, false, ['U1', 'U2']);
  return { body, results };
}

/** fields split into "label (1/3)", "label (2/3)"... joined back into the one they were */
export function joinSplit(fields: Field[]): Field[] {
  const out: Field[] = [];
  for (const f of fields) {
    const m = /^(.*) \((\d+)\/(\d+)\)$/s.exec(f.label);
    if (m && Number(m[2]) > 1) {
      const last = out[out.length - 1];
      expect(last.label).toBe(m[1]);
      last.value = `${last.value}\n${f.value}`;
    } else out.push({ ...f, label: m ? m[1] : f.label });
  }
  return out;
}

/** the fields of a body, as the platforms are given them (mono only where it is set) */
export const plainFields = (fields: Field[]) =>
  fields.map((f) => ({ label: f.label, value: f.value, ...(f.mono ? { mono: true } : {}) }));
