// What Scottish and Meek STV share: tie decisions recorded for the result, explanation lines for ties,
// and the assembly of the final result (summary lines, chart with one series per round).

import type {
  CountResult,
  Explanation,
  FurtherRound,
  MethodOptions,
  Round,
  TallyInput,
  TieBreakRule,
  TieRecord,
} from '../types.js';
import type { Lot, TieContext } from '../ties.js';
import { breakTie, seededLot } from '../ties.js';
import type { PreparedBallots } from './prepare.js';

/** The generator is only built (and the default seed only derived) when a tie needs a lot. */
function lazyLot(explicit: string | undefined, digest: () => string): Lot & { used(): boolean } {
  let inner: Lot | undefined;
  const get = () => (inner ??= seededLot(explicit ?? digest()));
  return {
    get seed() {
      return get().seed;
    },
    next: () => get().next(),
    used: () => inner !== undefined,
  };
}

export class StvCount {
  readonly names: string[];
  readonly ties: TieRecord[] = [];
  readonly rounds: Round[] = [];
  readonly history: number[][] = [];
  private readonly lot: ReturnType<typeof lazyLot>;
  private readonly rule: TieBreakRule;

  constructor(
    readonly input: TallyInput,
    readonly ballots: PreparedBallots,
    defaultRule: TieBreakRule,
  ) {
    this.names = input.candidates.map((c) => c.name);
    this.rule = input.options?.tieBreak ?? defaultRule;
    this.lot = lazyLot(input.options?.seed, () => ballots.digest());
  }

  name(c: number): string {
    return this.names[c];
  }

  list(cs: readonly number[]): string {
    return cs.map((c) => this.names[c]).join(', ');
  }

  addRound(round: Round): Round {
    this.rounds.push(round);
    this.history.push(round.counts);
    return round;
  }

  get lastRound(): Round {
    return this.rounds[this.rounds.length - 1];
  }

  /**
   * Choose one of `tied`, or null when the rule leaves it to the organisers or a re-vote. The record goes
   * into the result and an explanation line into the current round.
   */
  decide(
    tied: number[],
    want: 'lowest' | 'highest',
    purpose: TieRecord['purpose'],
    round: Round,
  ): number | null {
    const ctx: TieContext = {
      rule: this.rule,
      lot: this.lot,
      history: this.history,
      ...(this.input.options?.tieOrder ? { tieOrder: this.input.options.tieOrder } : {}),
      ...(this.input.options?.decisions ? { decisions: this.input.options.decisions } : {}),
    };
    const outcome = breakTie(
      ctx,
      [...tied].sort((a, b) => a - b),
      1,
      want,
      purpose,
      round.number,
    );
    this.ties.push(outcome.record);
    round.explanation.push(tieLine(this, outcome.record));
    return outcome.chosen === null ? null : outcome.chosen[0];
  }

  result(parts: {
    method: CountResult['method'];
    options: MethodOptions;
    winners: number[];
    quota: number;
    furtherRound?: FurtherRound;
    rule: Explanation;
  }): CountResult {
    const options: MethodOptions = this.lot.used()
      ? { ...parts.options, seed: this.lot.seed }
      : parts.options;
    const f = this.ballots.figures;
    const explanation: Explanation[] = [
      parts.rule,
      {
        key: 'counting.stv.ballots',
        params: { cast: f.cast, valid: f.valid, blank: f.blank, invalid: f.invalid, total: f.validWeight },
      },
      { key: 'counting.stv.quota', params: { quota: parts.quota } },
    ];
    for (const c of this.input.candidates.keys()) {
      if (this.input.candidates[c].withdrawn)
        explanation.push({ key: 'counting.stv.withdrawn', params: { name: this.names[c] } });
    }
    explanation.push({
      key: 'counting.stv.winners',
      params: { names: this.list(parts.winners), count: parts.winners.length },
    });
    if (parts.furtherRound) {
      explanation.push({
        key: `counting.stv.further_${parts.furtherRound.kind}`,
        params: { names: this.list(parts.furtherRound.candidates), seats: parts.furtherRound.seats },
      });
    }
    return {
      method: parts.method,
      options,
      seats: this.input.seats,
      candidates: [...this.names],
      winners: parts.winners,
      rounds: this.rounds,
      ties: this.ties,
      ballots: f,
      irregularities: this.ballots.irregularities,
      ...(parts.furtherRound ? { furtherRound: parts.furtherRound } : {}),
      explanation,
      chart: {
        kind: 'rounds',
        title: { key: 'counting.stv.chart_title', params: { seats: this.input.seats } },
        labels: [...this.names],
        series: this.rounds.map((r) => ({ name: `${r.number}`, values: r.counts })),
        line: parts.quota,
      },
    };
  }
}

export function tieLine(count: StvCount, t: TieRecord): Explanation {
  const names = count.list(t.candidates);
  if (t.chosen.length === 0) return { key: `counting.stv.tie_open_${t.rule}`, params: { names } };
  const chosen = count.list(t.chosen);
  const rule = t.rule === 'candidate-order' ? 'candidate_order' : t.rule;
  if (t.rule === 'lot' && count.input.options?.tieOrder)
    return { key: 'counting.stv.tie_order', params: { names, chosen } };
  if (t.rule === 'lot') return { key: 'counting.stv.tie_lot', params: { names, chosen, seed: t.seed ?? '' } };
  return { key: `counting.stv.tie_${rule}`, params: { names, chosen } };
}

/** Candidates still in the running, as the last vacancies rule counts them (write-ins can never be elected). */
export function electable(state: readonly CandidateState[], writeIn: readonly boolean[]): number[] {
  const out: number[] = [];
  for (let c = 0; c < state.length; c++) if (state[c] === 'hopeful' && !writeIn[c]) out.push(c);
  return out;
}

export type CandidateState = 'hopeful' | 'elected' | 'excluded' | 'withdrawn';
