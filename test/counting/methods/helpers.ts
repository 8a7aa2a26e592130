// Small builders for hand-written cases, and a check that every explanation line a result carries
// has a text in both languages with exactly the placeholders the line supplies.
import { expect } from 'vitest';
import methodsCatalog from '../../../src/i18n/catalogs/counting-methods.js';
import aoaCatalog from '../../../src/i18n/catalogs/results-aoa.js';
import type {
  Ballot,
  CandidateInput,
  CountResult,
  Explanation,
  MethodId,
  MethodOptions,
  TallyInput,
} from '../../../src/counting/index.js';

export function people(...names: string[]): CandidateInput[] {
  return names.map((name) => ({ name }));
}

export function marks(list: number[], weight?: number): Ballot {
  return { kind: 'marks', marks: list, ...(weight !== undefined ? { weight } : {}) };
}

export function repeat(ballot: Ballot, times: number): Ballot[] {
  return Array.from({ length: times }, () => ballot);
}

export function input(
  method: MethodId,
  seats: number,
  candidates: CandidateInput[],
  ballots: Ballot[],
  options?: MethodOptions,
): TallyInput {
  return { method, seats, candidates, ballots, ...(options ? { options } : {}) };
}

export function winnerNames(result: CountResult): string[] {
  return result.winners.map((w) => result.candidates[w]);
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

export function allLines(result: CountResult): Explanation[] {
  return [...result.explanation, ...result.rounds.flatMap((r) => r.explanation), result.chart.title];
}

/** Every line resolves in English and Chinese, and the params are exactly the text's placeholders. */
export function expectExplained(result: CountResult): void {
  for (const line of allLines(result)) {
    for (const locale of ['en', 'zh-Hans'] as const) {
      // approve-oppose's lines on invalid ballots live in their own catalog file
      const text = ({ ...methodsCatalog[locale], ...aoaCatalog[locale] } as Record<string, string>)[line.key];
      expect(text, `${locale} text for ${line.key}`).toBeTypeOf('string');
      expect(placeholders(text), `placeholders of ${line.key}`).toEqual(
        Object.keys(line.params ?? {}).sort(),
      );
    }
  }
}

export function keys(result: CountResult): string[] {
  return allLines(result).map((l) => l.key);
}
