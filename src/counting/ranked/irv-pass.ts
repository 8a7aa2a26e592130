// One pass of instant-runoff over a ranked ballot store: the rounds until one candidate is elected
// (or, with continueUntilTwo, until two remain), or until a tie the rule leaves to people.
// Ballots sit in one linked list per candidate, so a round only touches the ballots it transfers.
import { advance, chosenAt, EXHAUST_REASONS, type RankedStore } from './ballot-store.js';
import { batchEliminate, majorityThreshold } from './irv-steps.js';
import type { IrvStop } from './irv-result.js';
import type { TieBreaker } from './tie-breaker.js';
import type { CandidateInput, Explanation, MethodOptions, Round, TieRecord, Transfer } from '../types.js';

export interface IrvPassInput {
  store: RankedStore;
  candidates: readonly CandidateInput[];
  options: MethodOptions;
  ties: TieBreaker;
  /** every tie met is appended here */
  tieRecords: TieRecord[];
  /** candidates out of this pass from the start: withdrawn, or elected in an earlier pass */
  excluded: ReadonlySet<number>;
  /** number of this pass's first round (rounds are numbered through all passes) */
  firstRound: number;
  pass: { number: number; seats: number };
}

export interface IrvPassOutcome {
  rounds: Round[];
  winner: number;
  stop: IrvStop | undefined;
}

const roundVotes = (v: number) => Math.round(v * 1e9) / 1e9;

export function runIrvPass(input: IrvPassInput): IrvPassOutcome {
  const { store, candidates, options, ties, tieRecords, firstRound, pass } = input;
  const n = candidates.length;
  const names = candidates.map((c) => c.name);
  const writeIn = candidates.map((c) => c.writeIn === true);
  const continuing = new Uint8Array(n);
  for (let c = 0; c < n; c++) continuing[c] = input.excluded.has(c) ? 0 : 1;
  const keepTwo = options.continueUntilTwo === true;

  // ballot state: position counted, next ballot in the same candidate's list
  const pos = new Int32Array(store.size);
  const nextInList = new Int32Array(store.size);
  const head = new Int32Array(n).fill(-1);
  const counts = new Float64Array(n);
  const exhaustedBy = new Float64Array(EXHAUST_REASONS.length);

  const place = (i: number, from: number): number => {
    const p = advance(store, i, from, continuing);
    const w = store.weights[i];
    if (p < 0) {
      exhaustedBy[-p - 1] += w;
      return -1;
    }
    const c = chosenAt(store, p, continuing);
    pos[i] = p;
    nextInList[i] = head[c];
    head[c] = i;
    counts[c] += w;
    return c;
  };
  for (let i = 0; i < store.size; i++) place(i, 0);

  const eliminate = (losers: readonly number[]): Transfer[] => {
    for (const c of losers) continuing[c] = 0;
    return losers.map((from) => {
      const transfer: Transfer = { from, to: {}, exhausted: 0 };
      let i = head[from];
      head[from] = -1;
      while (i >= 0) {
        const following = nextInList[i];
        const w = store.weights[i];
        const to = place(i, pos[i] + 1);
        if (to >= 0) transfer.to[to] = (transfer.to[to] ?? 0) + w;
        else transfer.exhausted += w;
        i = following;
      }
      counts[from] = 0;
      for (const to of Object.keys(transfer.to))
        transfer.to[Number(to)] = roundVotes(transfer.to[Number(to)]);
      transfer.exhausted = roundVotes(transfer.exhausted);
      return transfer;
    });
  };

  const rounds: Round[] = [];
  const history: number[][] = [];
  let winner = -1;
  let threshold = 0;
  let thresholdFixed = false;
  let stop: IrvStop | undefined;
  const votes = (c: number) => counts[c];

  const decideTie = (
    tied: number[],
    want: 'lowest' | 'highest',
    purpose: TieRecord['purpose'],
    round: number,
    why: Explanation[],
  ) => {
    const outcome = ties.decide(tied, 1, want, purpose, round, history);
    tieRecords.push(outcome.record);
    const params = {
      names: tied.map((c) => names[c]).join(', '),
      chosen: (outcome.chosen ?? []).map((c) => names[c]).join(', '),
      seed: outcome.record.seed ?? '',
    };
    why.push({
      key: outcome.chosen ? `counting.irv.tie.${outcome.record.rule}` : 'counting.irv.tie.unresolved',
      params,
    });
    return outcome.chosen ? outcome.chosen[0] : -1;
  };

  for (let round = firstRound; round <= firstRound + 2 * n + 2 && stop === undefined; round++) {
    const alive: number[] = [];
    for (let c = 0; c < n; c++) if (continuing[c] === 1) alive.push(c);
    // Fractional weights summed in a different order differ in the last bits; rounding every count to
    // 9 decimals before deciding anything keeps ties and thresholds independent of ballot order.
    for (let c = 0; c < n; c++) counts[c] = continuing[c] === 1 ? roundVotes(counts[c]) : 0;
    const roundCounts = Array.from(counts);
    const active = roundVotes(alive.reduce((sum, c) => sum + counts[c], 0));
    if (!thresholdFixed) threshold = majorityThreshold(active);
    if (options.firstRoundThreshold) thresholdFixed = true;
    const [overvote, skippedRanks, duplicate, noMoreChoices] = Array.from(exhaustedBy, roundVotes);
    const exhaustedNow = roundVotes(overvote + skippedRanks + duplicate + noMoreChoices);
    const why: Explanation[] = [
      ...(round === firstRound && pass.seats > 1
        ? [{ key: 'counting.irv.pass', params: { pass: pass.number, seats: pass.seats } }]
        : []),
      { key: 'counting.irv.round', params: { round, active, threshold, exhausted: exhaustedNow } },
    ];
    const elected: number[] = [];
    let eliminated: number[] = [];
    let transfers: Transfer[] = [];

    if (winner < 0 && alive.length > 0) {
      const writeInsHolding = alive.some((c) => writeIn[c] && counts[c] > 0);
      const declared = alive.filter((c) => !writeIn[c]);
      let pick = -1;
      let tied: number[] = [];
      if (!writeInsHolding) {
        const reached = declared.filter((c) => counts[c] >= threshold);
        // with two left the one ahead wins even below the threshold (fractional weights, or a fixed threshold)
        const pool = reached.length > 0 ? reached : alive.length <= 2 ? declared : [];
        const top = pool.length > 0 ? Math.max(...pool.map(votes)) : 0;
        tied = pool.filter((c) => counts[c] === top);
        if (tied.length === 1) pick = tied[0];
        else if (tied.length > 1) {
          pick = decideTie(tied, 'highest', 'elect', round, why);
          if (pick < 0) stop = { kind: 'unresolved', candidates: tied, purpose: 'elect' };
        }
      }
      if (pick >= 0) {
        winner = pick;
        elected.push(pick);
        thresholdFixed = true;
        why.push({
          key: counts[pick] >= threshold ? 'counting.irv.elected' : 'counting.irv.elected_most',
          params: { name: names[pick], votes: counts[pick], threshold },
        });
      }
    }

    const wantsElimination = winner < 0 || (keepTwo && alive.length > 2);
    if (elected.length === 0 && stop === undefined && wantsElimination && alive.length > 1) {
      const heldByWriteIns = alive.filter((c) => writeIn[c] && counts[c] > 0);
      if (heldByWriteIns.length > 0) {
        eliminated = heldByWriteIns;
        for (const c of eliminated)
          why.push({ key: 'counting.irv.writein_eliminated', params: { name: names[c], votes: counts[c] } });
      } else {
        const batch = options.batchElimination ? batchEliminate(alive, counts, keepTwo) : [];
        if (batch.length > 0) {
          eliminated = batch.map((s) => s.candidate);
          for (const s of batch) {
            why.push({
              key: 'counting.irv.batch_eliminated',
              params: {
                name: names[s.candidate],
                votes: counts[s.candidate],
                total: s.runningTotal,
                next: s.nextLowest,
              },
            });
          }
        } else {
          const low = Math.min(...alive.map(votes));
          const lowest = alive.filter((c) => counts[c] === low);
          const loser =
            lowest.length === 1 ? lowest[0] : decideTie(lowest, 'lowest', 'eliminate', round, why);
          if (loser >= 0) {
            eliminated = [loser];
            why.push({ key: 'counting.irv.eliminated', params: { name: names[loser], votes: low } });
          } else stop = { kind: 'unresolved', candidates: lowest, purpose: 'eliminate' };
        }
      }
      transfers = eliminate(eliminated);
    }

    rounds.push({
      number: round,
      counts: roundCounts,
      quota: threshold,
      ...(transfers.length > 0 ? { transfers } : {}),
      elected,
      eliminated,
      exhausted: exhaustedNow,
      exhaustedBy: { overvote, skippedRanks, duplicate, noMoreChoices },
      explanation: why,
    });
    history.push(roundCounts);

    if (stop !== undefined) break;
    const stillAlive = alive.length - eliminated.length;
    // nothing left to decide (no candidate, or only undeclared write-ins): another round would repeat this one
    if (alive.length === 0 || (elected.length === 0 && eliminated.length === 0 && winner < 0))
      stop = { kind: 'empty' };
    else if (keepTwo ? !(stillAlive > 2 || eliminated.length > 0) : winner >= 0) stop = { kind: 'done' };
  }

  return { rounds, winner, stop };
}
