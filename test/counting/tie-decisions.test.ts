// Ties the organisers settle (issue 12): with tie-break=organiser the count stops at a tie; a recount
// given the organisers' decision of exactly that tie settles it, and records that the organisers did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tally } from '../../src/counting/index.js';
import type { MethodId, TieDecision } from '../../src/counting/types.js';
import { input, marks, people } from './methods/helpers.js';

const rank = (weight: number, ...ranks: number[]) => ({ kind: 'ranking' as const, weight, ranks });

describe('a tie the organisers decide', () => {
  it('elects the candidate they chose for the last seat, and says the organisers chose', () => {
    const abc = people('Ana', 'Ben', 'Cai');
    const ballots = [marks([0]), marks([0]), marks([1]), marks([2]), marks([2])];
    // Ana 2, Ben 1, Cai 2 for one seat
    const open = tally(input('plurality', 1, abc, ballots, { tieBreak: 'organiser' }));
    expect(open.winners).toEqual([]);
    expect(open.ties).toEqual([
      { round: 1, purpose: 'last-seat', candidates: [0, 2], rule: 'organiser', chosen: [], needed: 1 },
    ]);
    const decision: TieDecision = { round: 1, purpose: 'last-seat', candidates: [2, 0], chosen: [2] };
    const decided = tally(
      input('plurality', 1, abc, ballots, { tieBreak: 'organiser', decisions: [decision] }),
    );
    expect(decided.winners).toEqual([2]);
    expect(decided.furtherRound).toBeUndefined();
    expect(decided.ties).toEqual([
      { round: 1, purpose: 'last-seat', candidates: [0, 2], rule: 'organiser', chosen: [2] },
    ]);
  });

  it('eliminates the one they chose in an instant-runoff round, and the count goes on from there', () => {
    const abc = people('Ana', 'Ben', 'Cai');
    // round 1: Ana 2, Ben 2, Cai 3: Ana and Ben tie for elimination
    const ballots = [rank(2, 0, 1), rank(2, 1, 0), rank(3, 2)];
    const open = tally({
      method: 'irv',
      seats: 1,
      candidates: abc,
      ballots,
      options: { tieBreak: 'organiser' },
    });
    expect(open.winners).toEqual([]);
    expect(open.ties[0]).toMatchObject({ purpose: 'eliminate', candidates: [0, 1], chosen: [], needed: 1 });
    const decisions = [{ round: 1, purpose: 'eliminate' as const, candidates: [0, 1], chosen: [1] }];
    const decided = tally({
      method: 'irv',
      seats: 1,
      candidates: abc,
      ballots,
      options: { tieBreak: 'organiser', decisions },
    });
    // Ben out, his 2 go to Ana: Ana 4, Cai 3
    expect(decided.winners).toEqual([0]);
    expect(decided.rounds[0].eliminated).toEqual([1]);
    expect(decided.ties[0]).toMatchObject({ rule: 'organiser', chosen: [1] });
  });

  it('ignores a decision about another tie: it never settles a tie the organisers did not see', () => {
    const abc = people('Ana', 'Ben', 'Cai');
    const ballots = [marks([0]), marks([1])];
    for (const wrong of [
      { round: 2, purpose: 'last-seat' as const, candidates: [0, 1], chosen: [0] },
      { round: 1, purpose: 'elect' as const, candidates: [0, 1], chosen: [0] },
      { round: 1, purpose: 'last-seat' as const, candidates: [0, 1, 2], chosen: [0] },
      { round: 1, purpose: 'last-seat' as const, candidates: [0, 1], chosen: [2] },
      { round: 1, purpose: 'last-seat' as const, candidates: [0, 1], chosen: [0, 1] },
    ]) {
      const r = tally(input('plurality', 1, abc, ballots, { tieBreak: 'organiser', decisions: [wrong] }));
      expect(r.winners, JSON.stringify(wrong)).toEqual([]);
      expect(r.ties[0].chosen).toEqual([]);
    }
  });

  it('for any tie it stops at, deciding it with any of the tied elects exactly that one (property)', () => {
    const methods: MethodId[] = ['plurality', 'approval', 'irv'];
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.integer({ min: 2, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        (method, n, votes, pick) => {
          const cands = people(...['A', 'B', 'C', 'D', 'E'].slice(0, n));
          // every candidate gets the same number of first choices: a tie among all of them
          const ballots = cands.flatMap((_, c) =>
            Array.from({ length: votes }, () => (method === 'irv' ? rank(1, c) : marks([c]))),
          );
          const base = { method, seats: 1, candidates: cands, ballots };
          const open = tally({ ...base, options: { tieBreak: 'organiser' } });
          expect(open.winners).toEqual([]);
          const tie = open.ties.find((t) => t.chosen.length === 0)!;
          const chosen = [tie.candidates[pick % tie.candidates.length]];
          const decided = tally({
            ...base,
            options: {
              tieBreak: 'organiser',
              decisions: [{ round: tie.round, purpose: tie.purpose, candidates: tie.candidates, chosen }],
            },
          });
          if (tie.purpose === 'eliminate') expect(decided.rounds[tie.round - 1].eliminated).toEqual(chosen);
          else expect(decided.winners).toEqual(chosen);
        },
      ),
      { numRuns: 200 },
    );
  });
});
