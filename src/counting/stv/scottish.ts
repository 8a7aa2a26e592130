// Scottish STV: the Scottish Local Government Elections Order 2007 (SSI 2007/42), rules 45-52.
// Droop quota on valid papers, weighted inclusive Gregory transfers whose values are truncated to
// five decimal places, largest surplus first, ties by the most recent stage at which the tied
// candidates differed and then by lot, and the last vacancies filled once continuing = vacancies.
// Every value is a scaled integer (1.00000 = 100000), so each stage matches a hand count digit for digit.

import type { CountResult, FurtherRound, MethodOptions, Round, TallyInput, Transfer } from '../types.js';
import type { CandidateState } from './common.js';
import { StvCount, electable } from './common.js';
import { floorDiv, formatScaled, mulDivFloor, timesWeight, toNumber } from './fixed.js';
import type { PaperGroup } from './prepare.js';
import { checkStvInput, prepareBallots } from './prepare.js';

const S = 100_000; // five decimal places, rule 48(3)

/** Papers held by a candidate: which paper group, where on it the count has reached, and its value. */
interface Held {
  paper: PaperGroup;
  pos: number;
  value: number;
}

export function countScottishStv(input: TallyInput): CountResult {
  checkStvInput(input);
  const opts: MethodOptions = input.options ?? {};
  const ballots = prepareBallots(input, S, 'overvote');
  const count = new StvCount(input, ballots, 'backwards');
  const n = input.candidates.length;
  const seats = input.seats;
  const writeIn = input.candidates.map((c) => c.writeIn === true);
  const state: CandidateState[] = input.candidates.map((c) => (c.withdrawn ? 'withdrawn' : 'hopeful'));
  const votes: number[] = new Array<number>(n).fill(0);
  const piles: Held[][] = Array.from({ length: n }, () => []);
  const quota =
    opts.quota === 'hare'
      ? floorDiv(ballots.total, seats)
      : (floorDiv(ballots.total, S * (seats + 1)) + 1) * S;
  let exhausted = 0;
  let residual = 0;
  const winners: number[] = [];
  const pending: number[] = [];
  let furtherRound: FurtherRound | undefined;

  /** Move a paper on to its next continuing candidate (rules 48(1), 50(2)); returns who got it, or -1. */
  const place = (h: Held): number => {
    const ranks = h.paper.ranks;
    for (; h.pos < ranks.length; h.pos++) {
      const c = ranks[h.pos];
      let to = c;
      if (c < 0) {
        // an overvote read as 'exhaust-if-multiple-continuing': one continuing counts, several end the paper
        const live = h.paper.groups[-c - 1].filter((x) => state[x] === 'hopeful');
        if (live.length > 1) break;
        if (live.length === 0) continue;
        to = live[0];
      }
      if (state[to] !== 'hopeful') continue;
      const v = timesWeight(h.value, h.paper.weight, S);
      votes[to] += v;
      piles[to].push(h);
      return to;
    }
    h.pos = ranks.length;
    exhausted += timesWeight(h.value, h.paper.weight, S);
    return -1;
  };

  /** Transfer a pile, recording how much each candidate received. */
  const movePile = (from: number, pile: Held[], newValue: (h: Held) => number): Transfer => {
    const to: Record<number, number> = {};
    const before = exhausted;
    const got = new Map<number, number>();
    for (const h of pile) {
      h.value = newValue(h);
      const c = place(h);
      if (c >= 0) got.set(c, (got.get(c) ?? 0) + timesWeight(h.value, h.paper.weight, S));
    }
    for (const [c, v] of [...got.entries()].sort((a, b) => a[0] - b[0])) to[c] = toNumber(v, S);
    return { from, to, exhausted: toNumber(exhausted - before, S) };
  };

  const newRound = (): Round =>
    count.addRound({
      number: count.rounds.length + 1,
      counts: [],
      quota: toNumber(quota, S),
      elected: [],
      eliminated: [],
      exhausted: 0,
      explanation: [],
    });
  const closeRound = (r: Round) => {
    r.counts = votes.map((v) => toNumber(v, S));
    count.history[count.history.length - 1] = r.counts;
    r.exhausted = toNumber(exhausted, S);
    r.residual = toNumber(residual, S);
    r.surplus = toNumber(
      pending.reduce((s, c) => s + votes[c] - quota, 0),
      S,
    );
  };

  // rule 45: first preferences
  for (const paper of ballots.papers) place({ paper, pos: 0, value: S });
  const first = newRound();
  first.explanation.push({
    key: 'counting.stv.first_stage',
    params: { quota: formatScaled(quota, S), total: formatScaled(ballots.total, S) },
  });
  closeRound(first);

  const seatsLeft = () => seats - winners.length;
  const complete = () => seatsLeft() <= 0 || electable(state, writeIn).length <= seatsLeft();

  for (;;) {
    // rule 47: everyone at or above the quota is elected, highest vote first
    const reached = electable(state, writeIn)
      .filter((c) => votes[c] >= quota)
      .sort((a, b) => votes[b] - votes[a] || a - b)
      .slice(0, Math.max(0, seatsLeft()));
    const r0 = count.lastRound;
    for (const c of reached) {
      state[c] = 'elected';
      winners.push(c);
      pending.push(c);
      r0.elected.push(c);
      r0.explanation.push({
        key: 'counting.stv.elected',
        params: { name: count.name(c), votes: formatScaled(votes[c], S) },
      });
    }
    if (reached.length > 0) closeRound(r0);
    if (complete()) break;

    const round = newRound();
    if (pending.length > 0) {
      // rules 48-49: the largest surplus first (or the earliest elected, if the contest says so)
      let x = pending[0];
      if (opts.surplusOrder !== 'order-of-election') {
        const high = Math.max(...pending.map((c) => votes[c]));
        const tied = pending.filter((c) => votes[c] === high);
        const chosen = tied.length > 1 ? count.decide(tied, 'highest', 'surplus-order', round) : tied[0];
        if (chosen === null) {
          furtherRound = stop(tied);
          closeRound(round);
          break;
        }
        x = chosen;
      }
      pending.splice(pending.indexOf(x), 1);
      const total = votes[x];
      const surplus = total - quota;
      const cache = new Map<number, number>();
      const pile = piles[x];
      piles[x] = [];
      const before = sumVotes(votes) + exhausted;
      votes[x] = quota;
      const transfer = movePile(x, pile, (h) => {
        let v = cache.get(h.value);
        if (v === undefined) cache.set(h.value, (v = mulDivFloor(h.value, surplus, total)));
        return v;
      });
      // what truncation dropped: the statute ignores it ("any remainder being ignored")
      residual += before - (sumVotes(votes) + exhausted);
      transfer.value = formatScaled(mulDivFloor(S, surplus, total), S);
      round.transfers = [transfer];
      round.explanation.push({
        key: 'counting.stv.surplus_transferred',
        params: { name: count.name(x), surplus: formatScaled(surplus, S), value: transfer.value },
      });
      closeRound(round);
      continue;
    }

    // rules 50-51: exclude the lowest (write-ins first, as they can never be elected)
    const hopeful = state.flatMap((s, c) => (s === 'hopeful' ? [c] : []));
    let out: number[];
    const writeIns = hopeful.filter((c) => writeIn[c]);
    if (writeIns.length > 0) {
      out = writeIns;
      round.explanation.push({ key: 'counting.stv.excluded_write_ins', params: { names: count.list(out) } });
    } else {
      out = opts.batchElimination ? sureLosers(hopeful, votes, seatsLeft()) : [];
      if (out.length > 1) {
        round.explanation.push({ key: 'counting.stv.excluded_batch', params: { names: count.list(out) } });
      } else {
        const low = Math.min(...hopeful.map((c) => votes[c]));
        const tied = hopeful.filter((c) => votes[c] === low);
        const chosen = tied.length > 1 ? count.decide(tied, 'lowest', 'eliminate', round) : tied[0];
        if (chosen === null) {
          furtherRound = stop(tied);
          closeRound(round);
          break;
        }
        out = [chosen];
      }
    }
    for (const c of out) {
      state[c] = 'excluded';
      round.eliminated.push(c);
      round.explanation.push({
        key: 'counting.stv.excluded',
        params: { name: count.name(c), votes: formatScaled(votes[c], S) },
      });
    }
    round.transfers = out.map((c) => {
      const pile = piles[c];
      piles[c] = [];
      votes[c] = 0;
      return movePile(c, pile, (h) => h.value); // rule 50(4): papers keep the value they arrived with
    });
    closeRound(round);
    if (complete()) break;
  }

  if (!furtherRound) {
    // rule 52: continuing candidates = vacancies left: all elected, no further transfer
    const last = count.lastRound;
    const rest = electable(state, writeIn).sort((a, b) => votes[b] - votes[a] || a - b);
    if (rest.length <= seatsLeft()) {
      for (const c of rest) {
        state[c] = 'elected';
        winners.push(c);
        last.elected.push(c);
        last.explanation.push({
          key: 'counting.stv.elected_remaining',
          params: { name: count.name(c), votes: formatScaled(votes[c], S) },
        });
      }
    }
    for (let c = 0; c < n; c++) {
      if (state[c] !== 'hopeful') continue;
      state[c] = 'excluded';
      last.eliminated.push(c);
      last.explanation.push({ key: 'counting.stv.defeated_remaining', params: { name: count.name(c) } });
    }
    pending.length = 0;
    closeRound(last);
    if (seatsLeft() > 0) furtherRound = { kind: 'unfilled', candidates: [], seats: seatsLeft() };
  }

  return count.result({
    method: 'stv-scottish',
    // the result records the rules actually applied, defaults included
    options: {
      quota: 'droop',
      surplusOrder: 'largest',
      batchElimination: false,
      tieBreak: 'backwards',
      ...opts,
    },
    winners,
    quota: toNumber(quota, S),
    ...(furtherRound ? { furtherRound } : {}),
    rule: {
      key: opts.quota === 'hare' ? 'counting.stv.rule_scottish_hare' : 'counting.stv.rule_scottish',
      params: { seats },
    },
  });

  function stop(tied: number[]): FurtherRound {
    const rule = opts.tieBreak;
    if (rule === 'revote') return { kind: 'revote', candidates: tied, seats: seatsLeft() };
    return { kind: 'unfilled', candidates: electable(state, writeIn), seats: seatsLeft() };
  }
}

function sumVotes(votes: readonly number[]): number {
  let s = 0;
  for (const v of votes) s += v;
  return s;
}

/**
 * Batch elimination: the largest group of lowest candidates whose votes together are fewer than the next
 * candidate's, so that no transfer among them could lift any of them above the next (they are sure
 * losers), leaving at least as many candidates as vacancies.
 */
export function sureLosers(
  hopeful: readonly number[],
  votes: readonly number[],
  vacancies: number,
): number[] {
  const sorted = [...hopeful].sort((a, b) => votes[a] - votes[b] || a - b);
  let sum = 0;
  let best = 0;
  for (let k = 1; k < sorted.length && sorted.length - k >= vacancies; k++) {
    sum += votes[sorted[k - 1]];
    if (sum < votes[sorted[k]]) best = k;
  }
  return sorted.slice(0, best);
}
