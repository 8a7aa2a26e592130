// Meek STV as the Proportional Representation Foundation's Reference Meek Rule defines it: fixed-point
// decimal arithmetic (9 places by default), every ballot × keep-factor product rounded up, the quota
// recomputed from the votes in every iteration (truncated, plus one unit of the last place), iteration
// until the total surplus is below omega (10^-6 by default) or stops falling, and then the defeat of
// the lowest hopeful, counting as tied every candidate within the total surplus of the lowest.
// Equal rankings share a paper's weight equally between the continuing candidates at that rank.

import type { CountResult, FurtherRound, MethodOptions, Round, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import type { CandidateState } from './common.js';
import { StvCount, electable } from './common.js';
import { floorDiv, formatScaled, mulDivCeil, mulDivFloor, scaleFor, scaledMulUp, toNumber } from './fixed.js';
import type { PaperGroup } from './prepare.js';
import { checkStvInput, prepareBallots } from './prepare.js';
import { countDroopMeek } from './meek-droop.js';
import { sureLosers } from './scottish.js';

export function countMeekStv(input: TallyInput): CountResult {
  checkStvInput(input);
  const opts: MethodOptions = input.options ?? {};
  if (opts.meekRule !== undefined && opts.meekRule !== 'prf') return countDroopMeek(input, opts.meekRule);
  const places = opts.precision ?? 9;
  const S = scaleFor(places);
  const omegaPlaces = opts.omega ?? 6;
  if (!Number.isInteger(omegaPlaces) || omegaPlaces < 1 || omegaPlaces > places) {
    throw new TallyInputError(
      `omega must be a whole number from 1 to the precision (${places}), got ${omegaPlaces}`,
      'counting.stv.bad_omega',
    );
  }
  const omega = S / 10 ** omegaPlaces;
  const ballots = prepareBallots(input, S, 'equal');
  if (ballots.total > Number.MAX_SAFE_INTEGER) {
    throw new TallyInputError(
      `too much ballot weight for ${places} decimal places; lower the precision`,
      'counting.stv.precision_overflow',
    );
  }
  const count = new StvCount(input, ballots, 'lot');
  const n = input.candidates.length;
  const seats = input.seats;
  const divisor = opts.quota === 'hare' ? seats : seats + 1;
  const writeIn = input.candidates.map((c) => c.writeIn === true);
  const state: CandidateState[] = input.candidates.map((c) => (c.withdrawn ? 'withdrawn' : 'hopeful'));
  const kf: number[] = state.map((s) => (s === 'withdrawn' ? 0 : S));
  const votes: number[] = new Array<number>(n).fill(0);
  const mulUp = scaledMulUp(S);
  const winners: number[] = [];
  let residual = 0;
  let quota = floorDiv(ballots.total, divisor) + 1;
  let furtherRound: FurtherRound | undefined;

  const credit = (c: number, keep: number, weight: number): number => {
    const v = weight % S === 0 ? keep * (weight / S) : mulDivFloor(keep, weight, S);
    votes[c] += v;
    return v;
  };

  /** One paper group, following its ranking while weight remains (rule B.2.a). */
  const distributeFrom = (paper: PaperGroup, pos: number, w: number): number => {
    const ranks = paper.ranks;
    let kept = 0;
    for (let i = pos; i < ranks.length && w > 0; i++) {
      const c = ranks[i];
      if (c < 0) {
        // equal ranking: the weight is shared equally between the continuing candidates at this rank,
        // and each share goes on down the paper from there
        const live = paper.groups[-c - 1].filter((x) => kf[x] > 0);
        if (live.length === 0) continue;
        const share = floorDiv(w, live.length);
        for (const x of live) {
          const keep = mulUp(share, kf[x]);
          kept += credit(x, keep, paper.weight);
          kept += distributeFrom(paper, i + 1, share - keep);
        }
        return kept;
      }
      const k = kf[c];
      if (k === 0) continue;
      const keep = mulUp(w, k);
      kept += credit(c, keep, paper.weight);
      w -= keep;
    }
    return kept;
  };

  const distribute = () => {
    votes.fill(0);
    let kept = 0;
    for (const paper of ballots.papers) kept += distributeFrom(paper, 0, S);
    residual = ballots.total - kept;
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
  const snapshot = (r: Round, surplus: number) => {
    r.counts = votes.map((v) => toNumber(v, S));
    count.history[count.history.length - 1] = r.counts;
    r.keepFactors = kf.map((k) => toNumber(k, S));
    r.quota = toNumber(quota, S);
    r.exhausted = toNumber(residual, S);
    r.residual = 0;
    r.surplus = toNumber(surplus, S);
  };

  const seatsLeft = () => seats - winners.length;
  const hopefuls = () => state.flatMap((s, c) => (s === 'hopeful' ? [c] : []));

  while (hopefuls().length > seatsLeft() && seatsLeft() > 0) {
    const round = newRound();
    // B.2: iterate
    let status: 'iterate' | 'elected' | 'omega' | 'stable' = 'iterate';
    let lastSurplus = ballots.total;
    let surplus = 0;
    let iterations = 0;
    while (status === 'iterate') {
      iterations++;
      distribute();
      let sum = 0;
      for (let c = 0; c < n; c++) if (state[c] === 'hopeful' || state[c] === 'elected') sum += votes[c];
      quota = floorDiv(sum, divisor) + 1;
      const reached = electable(state, writeIn)
        .filter((c) => votes[c] >= quota)
        .sort((a, b) => votes[b] - votes[a] || a - b);
      for (const c of reached.slice(0, seatsLeft())) {
        state[c] = 'elected';
        winners.push(c);
        round.elected.push(c);
        status = 'elected';
      }
      surplus = 0;
      for (let c = 0; c < n; c++) if (state[c] === 'elected') surplus += votes[c] - quota;
      if (surplus < 0) surplus = 0;
      if (status !== 'elected') {
        if (surplus < omega) status = 'omega';
        else if (surplus >= lastSurplus) status = 'stable';
      }
      if (status === 'iterate') {
        lastSurplus = surplus;
        // B.2.f: kf × quota, rounded up, then ÷ vote, rounded up
        for (let c = 0; c < n; c++) {
          if (state[c] === 'elected') kf[c] = mulDivCeil(mulDivCeil(kf[c], quota, S), S, votes[c]);
        }
      }
    }
    snapshot(round, surplus);
    round.explanation.push({
      key: `counting.stv.meek_iterated_${status}`,
      params: { iterations, surplus: formatScaled(surplus, S), quota: formatScaled(quota, S) },
    });
    for (const c of round.elected) {
      round.explanation.push({
        key: 'counting.stv.elected',
        params: { name: count.name(c), votes: formatScaled(votes[c], S) },
      });
    }
    if (status === 'elected') continue;

    // B.3: defeat the lowest; write-ins go first, as they can never be elected
    const hopeful = hopefuls();
    const writeIns = hopeful.filter((c) => writeIn[c]);
    let out: number[];
    if (writeIns.length > 0) out = writeIns;
    else {
      out = opts.batchElimination ? sureLosers(hopeful, votes, seatsLeft()) : [];
      if (opts.batchElimination && out.length > 0) {
        // a batch is only safe when even the whole surplus could not lift it past the next candidate
        const sorted = [...hopeful].sort((a, b) => votes[a] - votes[b] || a - b);
        const total = out.reduce((s, c) => s + votes[c], 0);
        if (total + surplus >= votes[sorted[out.length]]) out = [];
      }
      if (out.length <= 1) {
        const low = Math.min(...hopeful.map((c) => votes[c]));
        const tied = hopeful.filter((c) => votes[c] <= low + surplus);
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
    }
    for (const c of out) {
      state[c] = 'excluded';
      kf[c] = 0;
      round.eliminated.push(c);
      round.explanation.push({
        key: 'counting.stv.meek_defeated',
        params: { name: count.name(c), votes: formatScaled(votes[c], S) },
      });
    }
  }

  if (!furtherRound) {
    // C: elect the remaining if seats are unfilled, else defeat them
    let last = count.rounds[count.rounds.length - 1];
    if (!last) {
      last = newRound();
      distribute();
      snapshot(last, 0);
    }
    for (let c = 0; c < n; c++) {
      if (state[c] !== 'hopeful') continue;
      if (seatsLeft() > 0 && !writeIn[c]) {
        state[c] = 'elected';
        winners.push(c);
        last.elected.push(c);
        last.explanation.push({
          key: 'counting.stv.elected_remaining',
          params: { name: count.name(c), votes: formatScaled(votes[c], S) },
        });
      } else {
        state[c] = 'excluded';
        kf[c] = 0;
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
      meekRule: 'prf',
      quota: 'droop',
      precision: places,
      omega: omegaPlaces,
      batchElimination: false,
      tieBreak: 'lot',
      ...opts,
    },
    winners,
    quota: toNumber(quota, S),
    ...(furtherRound ? { furtherRound } : {}),
    rule: { key: 'counting.stv.rule_meek', params: { seats, places, omega: omegaPlaces } },
  });
}
