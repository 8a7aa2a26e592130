// Builds the CountResult of an IRV count: winners, further round, explanation lines and chart.
import type { CountResult, Explanation, MethodOptions, Round, TallyInput, TieRecord } from '../types.js';
import type { RankedStore } from './ballot-store.js';

export type IrvStop =
  | { kind: 'done' }
  | { kind: 'empty' }
  /** a tie the rule leaves to the organiser or to a re-vote: the count stops there */
  | { kind: 'unresolved'; candidates: number[]; purpose: 'elect' | 'eliminate' }
  /** sequential IRV ran out of candidates before every seat was filled */
  | { kind: 'unfilled'; candidates: number[]; seats: number };

export interface IrvOutcome {
  input: TallyInput;
  options: MethodOptions;
  names: string[];
  store: RankedStore;
  rounds: Round[];
  ties: TieRecord[];
  winners: number[];
  stop: IrvStop | undefined;
  seed: string;
}

export function assembleIrvResult(o: IrvOutcome): CountResult {
  const { names, rounds, store } = o;
  const explanation: Explanation[] = [];
  const withdrawn = o.input.candidates.flatMap((c) => (c.withdrawn ? [c.name] : []));
  if (withdrawn.length > 0)
    explanation.push({ key: 'counting.irv.withdrawn', params: { names: withdrawn.join(', ') } });
  const irr = store.irregularities;
  if (irr.overvotes + irr.skippedRanks + irr.duplicates + irr.writeIns > 0) {
    explanation.push({ key: 'counting.irv.irregularities', params: { ...irr } });
  }

  let furtherRound: CountResult['furtherRound'];
  const seats = o.input.seats;
  if (o.winners.length > 0 && seats === 1) {
    explanation.push({
      key: 'counting.irv.winner',
      params: { name: names[o.winners[0]], rounds: rounds.length },
    });
  } else if (o.winners.length > 0) {
    explanation.push({
      key: 'counting.irv.sequential_winners',
      params: { names: o.winners.map((c) => names[c]).join(', ') },
    });
  }
  if (o.stop?.kind === 'unresolved') {
    const tied = o.stop.candidates;
    const rule = o.options.tieBreak;
    explanation.push({
      key: rule === 'revote' ? 'counting.irv.needs_revote' : 'counting.irv.needs_organiser',
      params: { names: tied.map((c) => names[c]).join(', ') },
    });
    if (rule === 'revote') {
      // a tie for the seat is re-voted for the seat; a tie for elimination is re-voted to keep all but one
      furtherRound = {
        kind: 'revote',
        candidates: [...tied],
        seats: o.stop.purpose === 'elect' ? 1 : tied.length - 1,
      };
    }
  } else if (o.stop?.kind === 'unfilled') {
    explanation.push({ key: 'counting.irv.unfilled', params: { seats: o.stop.seats } });
    furtherRound = { kind: 'unfilled', candidates: [], seats: o.stop.seats };
  } else if (o.winners.length === 0) {
    explanation.push({ key: 'counting.irv.no_winner' });
  }

  const usesLot =
    o.ties.some((t) => t.seed !== undefined) ||
    ['lot', 'backwards', 'forwards', undefined].includes(o.options.tieBreak);
  const options: MethodOptions = usesLot ? { ...o.options, seed: o.seed } : { ...o.options };
  const last = rounds[rounds.length - 1];

  return {
    method: 'irv',
    options,
    seats,
    candidates: names,
    winners: o.winners,
    rounds,
    ties: o.ties,
    ballots: store.figures,
    irregularities: store.irregularities,
    ...(furtherRound ? { furtherRound } : {}),
    explanation,
    chart: {
      kind: 'rounds',
      title: { key: 'counting.irv.chart_title' },
      labels: names,
      series: rounds.map((r) => ({ name: String(r.number), values: r.counts })),
      ...(last?.quota !== undefined ? { line: last.quota } : {}),
    },
  };
}
