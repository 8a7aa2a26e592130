import { describe, expect, it } from 'vitest';
import {
  BALLOT_KIND,
  METHOD_IDS,
  tally,
  TallyInputError,
  type Ballot,
  type MethodId,
} from '../../../src/counting/index.js';

const SAMPLE: Record<string, Ballot[]> = {
  marks: [
    { kind: 'marks', marks: [0] },
    { kind: 'marks', marks: [0] },
    { kind: 'marks', marks: [1] },
  ],
  opinions: [
    { kind: 'opinions', approve: [0], oppose: [1] },
    { kind: 'opinions', approve: [0], oppose: [] },
  ],
  scores: [
    { kind: 'scores', scores: [5, 1, 0] },
    { kind: 'scores', scores: [4, 2, null] },
  ],
  criteria: [
    {
      kind: 'criteria',
      scores: [
        [5, 5],
        [1, 2],
        [2, 2],
      ],
    },
  ],
  ranking: [
    { kind: 'ranking', ranks: [0, 1, 2] },
    { kind: 'ranking', ranks: [0, 2] },
    { kind: 'ranking', ranks: [1, 0] },
  ],
};

function* once(ballots: Ballot[]): Generator<Ballot> {
  yield* ballots;
}

describe('tally()', () => {
  it.each(METHOD_IDS.map((m) => [m]))(
    'routes %s to its method, reading ballots from a one-shot generator',
    (method: MethodId) => {
      const candidates = [{ name: 'Ana' }, { name: 'Ben' }, { name: 'Cai' }];
      const result = tally({ method, seats: 1, candidates, ballots: once(SAMPLE[BALLOT_KIND[method]]) });
      expect(result.method).toBe(method);
      expect(result.candidates).toEqual(['Ana', 'Ben', 'Cai']);
      expect(result.ballots.cast).toBe(SAMPLE[BALLOT_KIND[method]].length);
      expect(result.winners).toEqual([0]);
      expect(result.rounds.length).toBeGreaterThan(0);
      expect(result.chart.labels).toEqual(['Ana', 'Ben', 'Cai']);
    },
  );

  it('refuses an unknown method and ballots of the wrong kind', () => {
    const candidates = [{ name: 'Ana' }];
    expect(() => tally({ method: 'dictator' as MethodId, seats: 1, candidates, ballots: [] })).toThrow(
      TallyInputError,
    );
    for (const method of ['plurality', 'approve-oppose', 'score', 'judged', 'borda', 'schulze'] as const) {
      const wrong = BALLOT_KIND[method] === 'marks' ? SAMPLE.ranking : SAMPLE.marks;
      expect(() => tally({ method, seats: 1, candidates, ballots: wrong }), method).toThrow(/ballots, got/);
    }
  });
});
