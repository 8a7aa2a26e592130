// Meek STV as Droop's generic rule counts it, for comparison with that reference and for contests that
// want its arithmetic: "guarded" fixed point (precision + guard digits, default 18 + 9, in BigInt),
// values within half a guard unit compared as equal, the keep and the pass-on of each ballot both
// truncated (OpenSTV's form), quota = votes ÷ (seats + 1) exactly with election on vote > quota,
// iteration to omega (default 10^-(precision/2)), and 'safe' batch defeats of sure losers.
// Warren's variant keeps min(keep factor, weight) instead of weight × keep factor.

import type { CountResult, FurtherRound, MethodOptions, Round, TallyInput } from '../types.js';
import { TallyInputError } from '../types.js';
import type { CandidateState } from './common.js';
import { StvCount, electable } from './common.js';
import type { PaperGroup } from './prepare.js';
import { checkStvInput, prepareBallots } from './prepare.js';

const GROUP_PLACES = 9; // weights are grouped and checked at 9 places, then scaled up exactly

function formatBig(v: bigint, places: number): string {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(places + 1, '0');
  const out = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  return neg ? `-${out}` : out;
}

export function countGuardedMeek(input: TallyInput, warren: boolean): CountResult {
  checkStvInput(input);
  const opts: MethodOptions = input.options ?? {};
  const precision = opts.precision ?? 18;
  if (!Number.isInteger(precision) || precision < 1 || precision > 60) {
    throw new TallyInputError(`precision must be a whole number of places from 1 to 60, got ${precision}`, 'counting.stv.bad_precision');
  }
  const guard = Math.floor(precision / 2);
  const omegaPlaces = opts.omega ?? Math.floor(precision / 2);
  if (!Number.isInteger(omegaPlaces) || omegaPlaces < 1 || omegaPlaces > precision) {
    throw new TallyInputError(`omega must be a whole number from 1 to the precision (${precision}), got ${omegaPlaces}`, 'counting.stv.bad_omega');
  }
  const places = precision + guard;
  const S = 10n ** BigInt(places);
  const geps = (10n ** BigInt(guard)) / 2n || 1n;
  const omega = S / 10n ** BigInt(omegaPlaces);
  const display = (v: bigint) => Number(formatBig((v + 10n ** BigInt(guard) / 2n) / 10n ** BigInt(guard), precision));
  // guarded comparison: values closer than geps are equal
  const cmp = (a: bigint, b: bigint): number => {
    const d = a - b;
    if (d < geps && d > -geps) return 0;
    return d > 0n ? 1 : -1;
  };

  const ballots = prepareBallots(input, 10 ** GROUP_PLACES, 'equal');
  const up = 10n ** BigInt(places - GROUP_PLACES);
  const mult = ballots.papers.map((p) => BigInt(p.weight)); // in units of 10^-9 ballots
  const total = BigInt(ballots.total) * up;
  const count = new StvCount(input, ballots, 'lot');
  const n = input.candidates.length;
  const seats = input.seats;
  const writeIn = input.candidates.map((c) => c.writeIn === true);
  const state: CandidateState[] = input.candidates.map((c) => (c.withdrawn ? 'withdrawn' : 'hopeful'));
  const kf: bigint[] = state.map((s) => (s === 'withdrawn' ? 0n : S));
  const votes: bigint[] = new Array<bigint>(n).fill(0n);
  const winners: number[] = [];
  const divisor = BigInt(opts.quota === 'hare' ? seats : seats + 1);
  let residual = 0n;
  let quota = total / divisor;
  let surplus = 0n;
  let furtherRound: FurtherRound | undefined;

  const keepOf = (k: bigint, w: bigint): [bigint, bigint] => {
    if (warren) {
      const keep = k < w ? k : w;
      return [keep, w - keep];
    }
    return [(w * k) / S, (w * (S - k)) / S];
  };
  /** votes of `m` papers (m in 10^-9 units) at per-paper value v */
  const times = (v: bigint, m: bigint) => (v * m) / 10n ** BigInt(GROUP_PLACES);

  const distributeFrom = (paper: PaperGroup, m: bigint, pos: number, w: bigint): bigint => {
    let kept = 0n;
    const ranks = paper.ranks;
    for (let i = pos; i < ranks.length; i++) {
      const c = ranks[i];
      if (c < 0) {
        // equal ranking: Droop shares the weight among the continuing candidates at this rank and
        // stops if none continues there
        const live = paper.groups[-c - 1].filter((x) => state[x] === 'hopeful' || state[x] === 'elected');
        if (live.length === 0 || w === 0n) return kept;
        const share = w / BigInt(live.length);
        for (const x of live) {
          const [keep, rest] = keepOf(kf[x], share);
          const v = times(keep, m);
          votes[x] += v;
          kept += v + distributeFrom(paper, m, i + 1, rest);
        }
        return kept;
      }
      if (kf[c] === 0n) continue;
      const [keep, rest] = keepOf(kf[c], w);
      const v = times(keep, m);
      votes[c] += v;
      kept += v;
      w = rest;
      if (cmp(w, 0n) <= 0) break;
    }
    return kept;
  };
  const distribute = () => {
    votes.fill(0n);
    let kept = 0n;
    ballots.papers.forEach((p, i) => (kept += distributeFrom(p, mult[i], 0, S)));
    residual = total - kept;
  };

  const newRound = (): Round =>
    count.addRound({ number: count.rounds.length + 1, counts: [], elected: [], eliminated: [], exhausted: 0, explanation: [] });
  const snapshot = (r: Round) => {
    r.counts = votes.map(display);
    count.history[count.history.length - 1] = r.counts;
    r.keepFactors = kf.map(display);
    r.quota = display(quota);
    r.exhausted = display(residual);
    r.residual = 0;
    r.surplus = display(surplus);
  };
  const seatsLeft = () => seats - winners.length;
  const hopefuls = () => state.flatMap((s, c) => (s === 'hopeful' ? [c] : []));
  const byVote = (cs: number[]) => [...cs].sort((a, b) => cmp(votes[a], votes[b]) || a - b);

  /** Droop's 'safe' batch: the most lowest candidates whose votes plus the surplus stay below the next. */
  const batchDefeat = (): number[] => {
    const groups: number[][] = [];
    let base = 0n;
    for (const c of byVote(hopefuls())) {
      if (groups.length > 0 && cmp(base + surplus, votes[c]) >= 0) groups[groups.length - 1].push(c);
      else {
        groups.push([c]);
        base = votes[c];
      }
    }
    const maxDefeat = hopefuls().length - seatsLeft();
    let sum = 0n;
    let defeated = 0;
    let best = -1;
    for (let g = 0; g < groups.length - 1; g++) {
      defeated += groups[g].length;
      if (defeated > maxDefeat) break;
      for (const c of groups[g]) sum += votes[c];
      if (cmp(sum + surplus, votes[groups[g + 1][0]]) < 0) best = g;
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
      let sum = 0n;
      for (let c = 0; c < n; c++) if (state[c] === 'hopeful' || state[c] === 'elected') sum += votes[c];
      quota = sum / divisor;
      for (const c of electable(state, writeIn)) {
        if (cmp(votes[c], quota) > 0 && seatsLeft() > 0) {
          state[c] = 'elected';
          winners.push(c);
          round.elected.push(c);
          status = 'elected';
        }
      }
      surplus = 0n;
      for (let c = 0; c < n; c++) if (state[c] === 'elected') surplus += votes[c] - quota;
      if (status) break;
      if (cmp(surplus, omega) <= 0) status = 'omega';
      else if (cmp(surplus, lastSurplus) >= 0) status = 'stable';
      else if (opts.batchElimination !== false && (batch = batchDefeat()).length > 0) status = 'batch';
      else {
        lastSurplus = surplus;
        for (let c = 0; c < n; c++) if (state[c] === 'elected') kf[c] = ((kf[c] * quota) / S) * S / votes[c];
      }
    }
    snapshot(round);
    round.explanation.push({
      key: `counting.stv.meek_iterated_${status === 'batch' ? 'omega' : status}`,
      params: { iterations, surplus: formatBig(surplus, places), quota: formatBig(quota, places) },
    });
    for (const c of round.elected) round.explanation.push({ key: 'counting.stv.elected', params: { name: count.name(c), votes: formatBig(votes[c], places) } });
    if (status === 'elected') continue;

    let out: number[];
    const writeIns = hopefuls().filter((c) => writeIn[c]);
    if (writeIns.length > 0) out = writeIns;
    else if (status === 'batch') out = [...batch].sort((a, b) => a - b);
    else {
      const hopeful = hopefuls();
      const low = hopeful.reduce((m, c) => (cmp(votes[c], m) < 0 ? votes[c] : m), votes[hopeful[0]]);
      const tied = hopeful.filter((c) => cmp(low + surplus, votes[c]) >= 0);
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
      kf[c] = 0n;
      round.eliminated.push(c);
      round.explanation.push({ key: 'counting.stv.meek_defeated', params: { name: count.name(c), votes: formatBig(votes[c], places) } });
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
        last.explanation.push({ key: 'counting.stv.elected_remaining', params: { name: count.name(c), votes: formatBig(votes[c], places) } });
      } else {
        state[c] = 'excluded';
        kf[c] = 0n;
        last.eliminated.push(c);
        last.explanation.push({ key: 'counting.stv.defeated_remaining', params: { name: count.name(c) } });
      }
    }
    if (seatsLeft() > 0) furtherRound = { kind: 'unfilled', candidates: [], seats: seatsLeft() };
  }

  return count.result({
    method: 'stv-meek',
    options: opts,
    winners,
    quota: display(quota),
    ...(furtherRound ? { furtherRound } : {}),
    rule: { key: warren ? 'counting.stv.rule_warren_guarded' : 'counting.stv.rule_meek_guarded', params: { seats, places: precision, guard, omega: omegaPlaces } },
  });
}
