// What an election's rules make of a count after its method has run (issue 12). The engine counts; the
// rules then say whether the round stands: under cn-org a round in which no more than half of those
// entitled voted is void (C1); under Robert's Rules only a majority of the votes cast elects (R1–R3), and
// without one every nominee goes to another ballot (R4). Each ruling is kept in the result with its code.

import type { CountResult } from '../../counting/types.js';
import type { Preset } from '../shared/presets.js';
import type { TurnoutRule } from '../shared/election.types.js';

/** What the rules read beside the count: the figures the engine does not know. */
export interface RoundFacts {
  /** voters entitled (应到) */
  eligible: number;
  /** voters present (实到): the attendance recorded, never fewer than voted */
  present: number;
  /** the election's own 差额 margin (C8), else the preset's */
  differential?: number;
  /** C1: more than half of those entitled must vote, or (the party-congress variant) more than four
   *  fifths of them be present */
  turnout?: TurnoutRule;
  /** the index of RON among the candidates, where it stands */
  ronIndex?: number;
}

/** C1's quorum, and the figure it is measured on. */
const QUORUM: Record<TurnoutRule, { share: number; of: 'cast' | 'present' }> = {
  half: { share: 1 / 2, of: 'cast' },
  'four-fifths': { share: 4 / 5, of: 'present' },
};

export function applyRulings(
  preset: Preset | undefined,
  result: CountResult,
  facts: RoundFacts,
): CountResult {
  if (!preset) return result;
  const { eligible, differential, ronIndex } = facts;
  const everyone = result.candidates.map((_, i) => i);
  if (preset.ron && ronIndex !== undefined && result.winners.includes(ronIndex)) {
    // uk-su: a seat RON wins is not filled; its nominations open again for a new round
    const seats = result.winners.filter((w) => w === ronIndex).length;
    return {
      ...result,
      winners: result.winners.filter((w) => w !== ronIndex),
      furtherRound: { kind: 'reopen', candidates: [], seats },
      rulings: [...(result.rulings ?? []), { key: 'ruling.ron_elected', params: { seats } }],
    };
  }
  const quorum = QUORUM[facts.turnout ?? 'half'];
  const took = quorum.of === 'cast' ? result.ballots.cast : facts.present;
  // exactly the share is not enough: "more than" (过半数; 4/5 likewise)
  if (preset.turnoutQuorum && took <= quorum.share * eligible) {
    return {
      ...result,
      winners: [],
      furtherRound: { kind: 'revote', candidates: everyone, seats: result.seats },
      rulings: [
        ...(result.rulings ?? []),
        {
          key: quorum.of === 'cast' ? 'ruling.turnout_void' : 'ruling.attendance_void',
          params: { rule: preset.turnoutQuorum, cast: result.ballots.cast, present: took, eligible },
        },
      ],
    };
  }
  const last = result.rounds[result.rounds.length - 1];
  if (preset.differential && result.furtherRound?.kind === 'unfilled' && last) {
    // C8: the seats left unfilled go to a further round among the highest of the unelected, as many as
    // the 差额 margin asks for
    const fr = result.furtherRound;
    const percent = differential ?? preset.differential.percent;
    const size = Math.max(fr.seats + 1, Math.ceil(fr.seats * (1 + percent / 100)));
    const ranked = [...fr.candidates].sort((a, b) => (last.counts[b] ?? 0) - (last.counts[a] ?? 0) || a - b);
    if (ranked.length > size) {
      // equal votes at the cut all go forward: nobody is left out by input order
      const bar = last.counts[ranked[size - 1]!] ?? 0;
      const chosen = ranked.filter((c, i) => i < size || (last.counts[c] ?? 0) === bar);
      return {
        ...result,
        furtherRound: { ...fr, candidates: chosen },
        rulings: [
          ...(result.rulings ?? []),
          {
            key: 'ruling.further_margin',
            params: { rule: 'C8', seats: fr.seats, size: chosen.length, percent },
          },
        ],
      };
    }
    return result;
  }
  if (preset.majorityOfCast && result.rounds.length > 0) {
    // R1–R3: the votes cast are every ballot but the blank ones; an illegal vote counts in the total
    const total = result.ballots.cast - result.ballots.blank;
    const counts = result.rounds[result.rounds.length - 1]!.counts;
    const winners = result.winners.filter((w) => (counts[w] ?? 0) * 2 > total);
    // R9: the tellers' report of each office: the votes cast, what election needs, the illegal votes
    const report = {
      key: 'ruling.tellers_report',
      params: { rule: 'R9', total, needed: Math.floor(total / 2) + 1, illegal: result.ballots.invalid },
    };
    if (winners.length < result.winners.length || winners.length < result.seats) {
      const rest = everyone.filter((c) => !winners.includes(c));
      return {
        ...result,
        winners,
        furtherRound: { kind: 'revote', candidates: rest, seats: result.seats - winners.length },
        rulings: [
          ...(result.rulings ?? []),
          report,
          {
            key: 'ruling.no_majority',
            params: { rule: preset.majorityOfCast, total, needed: Math.floor(total / 2) + 1 },
          },
        ],
      };
    }
    return { ...result, rulings: [...(result.rulings ?? []), report] };
  }
  return result;
}
