// Meek STV as Droop's generic rule counts it, for comparison with that reference and for contests that
// want its arithmetic: "guarded" fixed point (precision + guard digits, default 18 + 9) or exact
// rationals (see meek-arith.ts); the keep and the pass-on of each ballot both computed from the weight
// (OpenSTV's form), quota = votes ÷ (seats + 1) with election on vote > quota, iteration to omega
// (guarded: 10^-(precision/2), rational: 10^-10), and 'safe' batch defeats of sure losers.
// Warren's variant keeps min(keep factor, weight) instead of weight × keep factor.

import type { CountResult, FurtherRound, MethodOptions, Round, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import type { CandidateState } from './common.js';
import { StvCount, electable } from './common.js';
import type { MeekArith } from './meek-arith.js';
import { guardedArith, rationalArith } from './meek-arith.js';
import type { PaperGroup } from './prepare.js';
import { checkStvInput, prepareBallots } from './prepare.js';

export function countDroopMeek(input: TallyInput, rule: 'guarded' | 'warren' | 'rational'): CountResult {
  checkStvInput(input);
  const opts: MethodOptions = input.options ?? {};
  if (rule === 'rational') {
    const omega = opts.omega ?? 10;
    if (!Number.isInteger(omega) || omega < 1 || omega > 30) {
      throw new TallyInputError(
        `omega must be a whole number from 1 to 30, got ${omega}`,
        'counting.stv.bad_omega',
      );
    }
    return count(input, opts, rationalArith(omega), false, omega);
  }
  const precision = opts.precision ?? 18;
  const omega = opts.omega ?? Math.floor(precision / 2);
  if (!Number.isInteger(omega) || omega < 1 || omega > precision) {
    throw new TallyInputError(
      `omega must be a whole number from 1 to the precision (${precision}), got ${omega}`,
      'counting.stv.bad_omega',
    );
  }
  return count(input, opts, guardedArith(precision, omega), rule === 'warren', omega);
}

function count<V>(
  input: TallyInput,
  opts: MethodOptions,
  A: MeekArith<V>,
  warren: boolean,
  omegaPlaces: number,
): CountResult {
  const ballots = prepareBallots(input, 1_000_000_000, 'equal'); // grouped at 9 places, then made exact
  const mult = ballots.papers.map((p) => A.fromNanos(BigInt(p.weight)));
  const total = A.fromNanos(BigInt(ballots.total));
  const count = new StvCount(input, ballots, 'lot');
  const n = input.candidates.length;
  const seats = input.seats;
  const writeIn = input.candidates.map((c) => c.writeIn === true);
  const state: CandidateState[] = input.candidates.map((c) => (c.withdrawn ? 'withdrawn' : 'hopeful'));
  const kf: V[] = state.map((s) => (s === 'withdrawn' ? A.zero : A.one));
  const votes: V[] = new Array<V>(n).fill(A.zero);
  const winners: number[] = [];
  const divisor = opts.quota === 'hare' ? seats : seats + 1;
  let residual = A.zero;
  let quota = A.divInt(total, divisor);
  let surplus = A.zero;
  let furtherRound: FurtherRound | undefined;

  const keepOf = (k: V, w: V): [V, V] => {
    if (warren) {
      const keep = A.cmp(k, w) < 0 ? k : w;
      return [keep, A.sub(w, keep)];
    }
    return [A.mul(w, k), A.mul(w, A.sub(A.one, k))];
  };

  const distributeFrom = (paper: PaperGroup, m: V, pos: number, w: V): V => {
    let kept = A.zero;
    const ranks = paper.ranks;
    for (let i = pos; i < ranks.length; i++) {
      const c = ranks[i];
      if (c < 0) {
        // equal ranking: Droop shares the weight among the continuing candidates at this rank and
        // stops if none continues there
        const live = paper.groups[-c - 1].filter((x) => state[x] === 'hopeful' || state[x] === 'elected');
        if (live.length === 0 || A.isZero(w)) return kept;
        const share = A.divInt(w, live.length);
        for (const x of live) {
          const [keep, rest] = keepOf(kf[x], share);
          const v = A.mul(keep, m);
          votes[x] = A.add(votes[x], v);
          kept = A.add(A.add(kept, v), distributeFrom(paper, m, i + 1, rest));
        }
        return kept;
      }
      if (A.isZero(kf[c])) continue;
      const [keep, rest] = keepOf(kf[c], w);
      const v = A.mul(keep, m);
      votes[c] = A.add(votes[c], v);
      kept = A.add(kept, v);
      w = rest;
      if (A.cmp(w, A.zero) <= 0) break;
    }
    return kept;
  };
  const distribute = () => {
    votes.fill(A.zero);
    let kept = A.zero;
    ballots.papers.forEach((p, i) => (kept = A.add(kept, distributeFrom(p, mult[i], 0, A.one))));
    residual = A.sub(total, kept);
  };

  const newRound = (): Round =>
    count.addRound({
      number: count.rounds.length + 1,
      counts: [],
      elected: [],
      eliminated: [],
      exhausted: 0,
      explanation: [],
    });
  const snapshot = (r: Round) => {
    r.counts = votes.map(A.toNumber);
    count.history[count.history.length - 1] = r.counts;
    r.keepFactors = kf.map(A.toNumber);
    r.quota = A.toNumber(quota);
    r.exhausted = A.toNumber(residual);
    r.residual = 0;
    r.surplus = A.toNumber(surplus);
  };
  const seatsLeft = () => seats - winners.length;
  const hopefuls = () => state.flatMap((s, c) => (s === 'hopeful' ? [c] : []));
  const byVote = (cs: number[]) => [...cs].sort((a, b) => A.cmp(votes[a], votes[b]) || a - b);

  /** Droop's 'safe' batch: the most lowest candidates whose votes plus the surplus stay below the next. */
  const batchDefeat = (): number[] => {
    const groups: number[][] = [];
    let base = A.zero;
    for (const c of byVote(hopefuls())) {
      if (groups.length > 0 && A.cmp(A.add(base, surplus), votes[c]) >= 0) groups[groups.length - 1].push(c);
      else {
        groups.push([c]);
        base = votes[c];
      }
    }
    const maxDefeat = hopefuls().length - seatsLeft();
    let sum = A.zero;
    let defeated = 0;
    let best = -1;
    for (let g = 0; g < groups.length - 1; g++) {
      defeated += groups[g].length;
      if (defeated > maxDefeat) break;
      for (const c of groups[g]) sum = A.add(sum, votes[c]);
      if (A.cmp(A.add(sum, surplus), votes[groups[g + 1][0]]) < 0) best = g;
    }
    return groups.slice(0, best + 1).flat();
  };

  while (hopefuls().length > seatsLeft() && seatsLeft() > 0) {
    const round = newRound();
    let status: 'elected' | 'omega' | 'stable' | 'batch' | undefined;
    let batch: number[] = [];
    let lastSurplus = total;
    let iterations = 0;
    while (status === undefined) {
      iterations++;
      distribute();
      let sum = A.zero;
      for (let c = 0; c < n; c++)
        if (state[c] === 'hopeful' || state[c] === 'elected') sum = A.add(sum, votes[c]);
      quota = A.divInt(sum, divisor);
      for (const c of electable(state, writeIn)) {
        if (A.cmp(votes[c], quota) > 0 && seatsLeft() > 0) {
          state[c] = 'elected';
          winners.push(c);
          round.elected.push(c);
          status = 'elected';
        }
      }
      surplus = A.zero;
      for (let c = 0; c < n; c++)
        if (state[c] === 'elected') surplus = A.add(surplus, A.sub(votes[c], quota));
      if (status) break;
      if (A.cmp(surplus, A.omega) <= 0) status = 'omega';
      else if (A.cmp(surplus, lastSurplus) >= 0) status = 'stable';
      else if (opts.batchElimination !== false && (batch = batchDefeat()).length > 0) status = 'batch';
      else {
        lastSurplus = surplus;
        for (let c = 0; c < n; c++) if (state[c] === 'elected') kf[c] = A.div(A.mul(kf[c], quota), votes[c]);
      }
    }
    snapshot(round);
    round.explanation.push({
      key: `counting.stv.meek_iterated_${status === 'batch' ? 'omega' : status}`,
      params: { iterations, surplus: A.format(surplus), quota: A.format(quota) },
    });
    for (const c of round.elected)
      round.explanation.push({
        key: 'counting.stv.elected',
        params: { name: count.name(c), votes: A.format(votes[c]) },
      });
    if (status === 'elected') continue;

    let out: number[];
    const writeIns = hopefuls().filter((c) => writeIn[c]);
    if (writeIns.length > 0) out = writeIns;
    else if (status === 'batch') out = [...batch].sort((a, b) => a - b);
    else {
      const hopeful = hopefuls();
      const low = hopeful.reduce((m, c) => (A.cmp(votes[c], m) < 0 ? votes[c] : m), votes[hopeful[0]]);
      const tied = hopeful.filter((c) => A.cmp(A.add(low, surplus), votes[c]) >= 0);
      const chosen = tied.length > 1 ? count.decide(tied, 'lowest', 'eliminate', round) : tied[0];
      if (chosen === null) {
        furtherRound =
          opts.tieBreak === 'revote'
            ? { kind: 'revote', candidates: tied, seats: seatsLeft() }
            : { kind: 'unfilled', candidates: electable(state, writeIn), seats: seatsLeft() };
        break;
      }
      out = [chosen];
    }
    for (const c of out) {
      state[c] = 'excluded';
      kf[c] = A.zero;
      round.eliminated.push(c);
      round.explanation.push({
        key: 'counting.stv.meek_defeated',
        params: { name: count.name(c), votes: A.format(votes[c]) },
      });
    }
  }

  if (!furtherRound) {
    let last = count.rounds[count.rounds.length - 1];
    if (!last) {
      last = newRound();
      distribute();
      snapshot(last);
    }
    for (let c = 0; c < n; c++) {
      if (state[c] !== 'hopeful') continue;
      if (seatsLeft() > 0 && !writeIn[c]) {
        state[c] = 'elected';
        winners.push(c);
        last.elected.push(c);
        last.explanation.push({
          key: 'counting.stv.elected_remaining',
          params: { name: count.name(c), votes: A.format(votes[c]) },
        });
      } else {
        state[c] = 'excluded';
        kf[c] = A.zero;
        last.eliminated.push(c);
        last.explanation.push({ key: 'counting.stv.defeated_remaining', params: { name: count.name(c) } });
      }
    }
    if (seatsLeft() > 0) furtherRound = { kind: 'unfilled', candidates: [], seats: seatsLeft() };
  }

  return count.result({
    method: 'stv-meek',
    // the result records the rules actually applied, defaults included
    options: {
      quota: 'droop',
      batchElimination: true,
      tieBreak: 'lot',
      ...opts,
      omega: omegaPlaces,
      ...(A.guard > 0 ? { precision: A.places } : {}),
    },
    winners,
    quota: A.toNumber(quota),
    ...(furtherRound ? { furtherRound } : {}),
    rule: {
      key:
        A.guard === 0
          ? 'counting.stv.rule_meek_rational'
          : warren
            ? 'counting.stv.rule_warren_guarded'
            : 'counting.stv.rule_meek_guarded',
      params: { seats, places: A.places, guard: A.guard, omega: omegaPlaces },
    },
  });
}
