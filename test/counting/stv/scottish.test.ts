import { describe, expect, it } from 'vitest';
import { countScottishStv } from '../../../src/counting/stv/scottish.js';
import type {
  CandidateInput,
  MethodOptions,
  RankingBallot,
  TallyInput,
} from '../../../src/counting/types.js';
import { TallyInputError } from '../../../src/counting/types.js';

const names = (...ns: string[]): CandidateInput[] => ns.map((name) => ({ name }));
const rank = (weight: number, ...ranks: (number | number[])[]): RankingBallot => ({
  kind: 'ranking',
  weight,
  ranks,
});

function scot(
  seats: number,
  candidates: CandidateInput[],
  ballots: RankingBallot[],
  options?: MethodOptions,
): ReturnType<typeof countScottishStv> {
  const input: TallyInput = {
    method: 'stv-scottish',
    seats,
    candidates,
    ballots,
    ...(options ? { options } : {}),
  };
  return countScottishStv(input);
}

describe('countScottishStv', () => {
  it('truncates the transfer value to five places and records the loss as residual', () => {
    // A has 7 of 9 votes; quota floor(9/2)+1 = 5; surplus 2, transfer value 2/7 = 0.28571(4...)
    const r = scot(1, names('A', 'B', 'C'), [rank(7, 0, 1), rank(2, 2)]);
    expect(r.rounds[0].quota).toBe(5);
    expect(r.winners).toEqual([0]);
    // one seat, filled at the first stage: no transfer is needed
    expect(r.rounds).toHaveLength(1);

    const two = scot(2, names('A', 'B', 'C'), [rank(7, 0, 1), rank(3, 2), rank(1, 1)]);
    // quota floor(11/3)+1 = 4; surplus 3 of 7 → value floor(3/7 × 10^5) = 0.42857, 7 papers → 2.99999
    const transfer = two.rounds[1].transfers![0];
    expect(transfer.value).toBe('0.42857');
    expect(transfer.to[1]).toBe(2.99999);
    expect(two.rounds[1].counts).toEqual([4, 3.99999, 3]);
    expect(two.rounds[1].residual).toBe(0.00001);
    expect(two.winners).toEqual([0, 1]);
  });

  it('transfers the largest surplus first, or in order of election when asked', () => {
    const ballots = [rank(10, 0, 2), rank(12, 1, 3), rank(3, 2), rank(2, 3), rank(3, 4)];
    const largest = scot(3, names('A', 'B', 'C', 'D', 'E'), ballots);
    expect(largest.rounds[1].transfers![0].from).toBe(1);
    const ordered = scot(3, names('A', 'B', 'C', 'D', 'E'), ballots, { surplusOrder: 'order-of-election' });
    // both elected at stage 1, B first (more votes) — the order of election is B, A as well
    expect(ordered.rounds[1].transfers![0].from).toBe(1);
    expect(largest.winners.slice(0, 2)).toEqual([1, 0]);
  });

  it('uses a Hare quota when asked', () => {
    const ballots = [rank(6, 0), rank(4, 1), rank(2, 2)];
    expect(scot(2, names('A', 'B', 'C'), ballots).rounds[0].quota).toBe(5);
    const hare = scot(2, names('A', 'B', 'C'), ballots, { quota: 'hare' });
    expect(hare.rounds[0].quota).toBe(6);
    expect(hare.winners).toEqual([0, 1]);
  });

  it('excludes sure losers together with batch elimination, one at a time without it', () => {
    // quota 17: A is elected at once and its surplus exhausts; then D (2) and E (1) cannot catch C (13)
    const ballots = [rank(20, 0), rank(14, 1), rank(13, 2), rank(2, 3, 2), rank(1, 4, 2)];
    const single = scot(2, names('A', 'B', 'C', 'D', 'E'), ballots);
    const batch = scot(2, names('A', 'B', 'C', 'D', 'E'), ballots, { batchElimination: true });
    expect(single.rounds[2].eliminated).toEqual([4]);
    expect(single.rounds[3].eliminated).toEqual([3]);
    expect(batch.rounds[2].eliminated).toEqual([4, 3]);
    expect(batch.rounds[2].counts).toEqual([17, 14, 16, 0, 0]);
    expect(batch.winners).toEqual(single.winners);
    expect(batch.winners).toEqual([0, 2]);
  });

  it('stops at an exclusion tie when the organisers decide, and names who is still in the running', () => {
    const r = scot(1, names('A', 'B', 'C'), [rank(4, 0), rank(2, 1), rank(2, 2)], { tieBreak: 'organiser' });
    expect(r.ties).toEqual([
      { round: 2, purpose: 'eliminate', candidates: [1, 2], rule: 'organiser', chosen: [], needed: 1 },
    ]);
    expect(r.winners).toEqual([]);
    expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [0, 1, 2], seats: 1 });
    const revote = scot(1, names('A', 'B', 'C'), [rank(4, 0), rank(2, 1), rank(2, 2)], {
      tieBreak: 'revote',
    });
    expect(revote.furtherRound).toEqual({ kind: 'revote', candidates: [1, 2], seats: 1 });
  });

  it('draws a tie by lot with a recorded seed that replays the same draw', () => {
    const ballots = [rank(4, 0), rank(2, 1, 0), rank(2, 2, 0)];
    const a = scot(1, names('A', 'B', 'C'), ballots, { tieBreak: 'lot', seed: 'pick' });
    const b = scot(1, names('A', 'B', 'C'), [...ballots].reverse(), { tieBreak: 'lot', seed: 'pick' });
    expect(a.ties[0].seed).toBe('pick');
    expect(a.options.seed).toBe('pick');
    expect(b.ties).toEqual(a.ties);
    const unseeded = scot(1, names('A', 'B', 'C'), ballots, { tieBreak: 'lot' });
    expect(unseeded.ties[0].seed).toMatch(/^stv-/);
    expect(scot(1, names('A', 'B', 'C'), [...ballots].reverse(), { tieBreak: 'lot' }).ties).toEqual(
      unseeded.ties,
    );
  });

  it('skips withdrawn candidates and never elects a write-in, excluding write-ins first', () => {
    const cands: CandidateInput[] = [
      { name: 'A' },
      { name: 'B', withdrawn: true },
      { name: 'W', writeIn: true },
      { name: 'C' },
    ];
    const r = scot(1, cands, [rank(3, 1, 0), rank(6, 2, 3), rank(3, 0), rank(1, 3)]);
    expect(r.rounds[0].counts).toEqual([6, 0, 6, 1]);
    // W's papers lift C to the quota (7); A is then left over once the seat is filled
    expect(r.rounds[1].eliminated).toEqual([2, 0]);
    expect(r.rounds[1].counts).toEqual([6, 0, 0, 7]);
    expect(r.irregularities.writeIns).toBe(1);
    expect(r.winners).toEqual([3]);
  });

  it('applies the overvote, skipped-rank and duplicate rules and counts each kind', () => {
    const cands = names('A', 'B', 'C');
    const ballots: RankingBallot[] = [rank(1, [0, 1], 2), rank(1, [], [], 1), rank(1, 2, 2, 0)];
    const exhaust = scot(1, cands, ballots, {
      irregularities: { overvote: 'exhaust', maxSkippedRanks: 1, duplicate: 'exhaust' },
    });
    expect(exhaust.irregularities).toEqual({ overvotes: 1, skippedRanks: 1, duplicates: 1, writeIns: 0 });
    // the overvoted and the two-skips papers count for no one; the duplicate ends the last after C
    expect(exhaust.ballots).toMatchObject({ cast: 3, valid: 1, invalid: 2 });
    expect(exhaust.rounds[0].counts).toEqual([0, 0, 1]);
    const skip = scot(1, cands, ballots, { irregularities: { overvote: 'skip', duplicate: 'skip' } });
    expect(skip.rounds[0].counts).toEqual([0, 1, 2]);
    const multiple = scot(1, cands, [rank(1, [0, 1], 2), rank(2, 1), rank(2, 0)], {
      irregularities: { overvote: 'exhaust-if-multiple-continuing' },
    });
    // A and B both continue at first: the paper does not count; once B is out it counts for A
    expect(multiple.rounds[0].counts).toEqual([2, 2, 0]);
    expect(multiple.ballots.valid).toBe(3);
  });

  it('rejects input it cannot count, naming the problem', () => {
    expect(() => scot(0, names('A'), [])).toThrow(TallyInputError);
    expect(() => scot(1, names('A'), [rank(1, 3)])).toThrow(/unknown candidate 3/);
    expect(() => scot(1, names('A'), [{ kind: 'marks', marks: [0] } as unknown as RankingBallot])).toThrow(
      /ranked ballots/,
    );
    expect(() => scot(1, names('A'), [rank(0.123456, 0)])).toThrow(/decimal places/);
  });

  it('leaves seats unfilled when there are not enough candidates, and says so', () => {
    const r = scot(3, names('A', 'B'), [rank(3, 0), rank(2, 1)]);
    expect(r.winners).toEqual([0, 1]);
    expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [], seats: 1 });
  });
});
