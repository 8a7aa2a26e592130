// Rule presets (issue 12): the written rules an organisation follows, so organisers need not remember
// them. Pure data, read by the commands that apply each rule; codes cite docs/rules.md (L = US
// LMRDA, R = Robert's Rules, C = Chinese organisational election rules). An election without a preset
// keeps Teller's own defaults.

import type { MethodId, ThresholdBase, TieBreakRule } from '../../counting/types.js';
import type { BallotOrder, PresetId } from './election.types.js';

export { PRESET_IDS, type PresetId } from './election.types.js';

/** A rule's minimum and the code it is cited by. */
export interface RuleDays {
  days: number;
  rule: string;
}

export interface Preset {
  id: PresetId;
  /** the counting methods the rules allow; the first is used when a contest names none */
  methods: readonly MethodId[];
  /** how a tie is settled unless a contest says otherwise, and which other ways the rules allow */
  tieBreak: TieBreakRule;
  tieBreaks: readonly TieBreakRule[];
  /** the rule that fixes how ties are settled, cited when another way is refused */
  tieRule?: string;
  /** approve-oppose: the share of the base a candidate needs, more than (C5) */
  threshold?: { share: number; base: ThresholdBase };
  /** the order of the published list and the ballot, unless a contest says otherwise */
  order?: BallotOrder;
  /** minimum public notice of the candidate list before voting opens */
  candidateNotice?: RuleDays;
  /** minimum objection window after the roll is published */
  rollObjections?: RuleDays;
  /** minimum public notice of the result before certification */
  resultNotice: RuleDays;
  /** 差额: candidates must exceed seats by at least this share before the list is published (C9) */
  differential?: { percent: number; rule: string };
  /** a round is valid only if more than half of those entitled vote (C1) */
  turnoutQuorum?: string;
  /** RON (re-open nominations) stands in every contest; a seat it wins opens for nominations again */
  ron?: boolean;
  /** each candidate may inspect the membership list once before the vote (L10) */
  inspection?: boolean;
  /** elected only with a majority of the votes cast, blanks excluded and illegal votes in the total (R1–R3);
   *  without one, another ballot among every nominee (R4) */
  majorityOfCast?: string;
  /** proxies allowed, with prior approval, each proxy holding at most `limit` principals (C13) */
  proxies?: { limit: number; rule: string };
  /** the rule that forbids proxies, cited when one is refused (L3) */
  noProxies?: string;
  /** returned ballots above those issued void the round (C2); flagged only, where absent */
  reconciliation?: string;
  /** voters may write in a member not on the list unless a contest turns it off (R5; C4's 另选他人) */
  writeIns?: string;
}

const ANY_TIE: readonly TieBreakRule[] = ['lot', 'backwards', 'forwards', 'organiser', 'revote'];

export const PRESETS: Record<PresetId, Preset> = {
  simple: {
    id: 'simple',
    methods: ['plurality', 'block', 'approval'],
    // a recorded, replayable lot: nobody has to decide anything
    tieBreak: 'lot',
    tieBreaks: ANY_TIE,
    resultNotice: { days: 3, rule: 'C15' },
  },
  roberts: {
    id: 'roberts',
    methods: ['plurality', 'block'],
    // R4: repeated balloting, never a lot
    tieBreak: 'revote',
    tieBreaks: ['revote', 'organiser'],
    tieRule: 'R4',
    resultNotice: { days: 3, rule: 'C15' },
    majorityOfCast: 'R2',
    writeIns: 'R5',
  },
  lmrda: {
    id: 'lmrda',
    // L14: plurality, or a run-off between the top two
    methods: ['plurality', 'block', 'two-round'],
    tieBreak: 'revote',
    tieBreaks: ['revote', 'organiser', 'lot'],
    candidateNotice: { days: 15, rule: 'L4' },
    inspection: true,
    resultNotice: { days: 3, rule: 'C15' },
    // L3: "in no event by proxy"
    noProxies: 'L3',
  },
  'cn-org': {
    id: 'cn-org',
    // C4: 赞成/反对/弃权 per candidate
    methods: ['approve-oppose'],
    // C7: a tie at the last seat goes to a re-vote among the tied, never to a lot
    tieBreak: 'revote',
    tieBreaks: ['revote', 'organiser'],
    tieRule: 'C7',
    threshold: { share: 0.5, base: 'valid' },
    // C11: the formal list in stroke order (姓氏笔画)
    order: 'stroke',
    candidateNotice: { days: 5, rule: 'C11' },
    rollObjections: { days: 5, rule: 'C10' },
    resultNotice: { days: 3, rule: 'C15' },
    differential: { percent: 20, rule: 'C9' },
    turnoutQuorum: 'C1',
    reconciliation: 'C2',
    // C13: 2 or 3 in the sources; the election may set its own (proxy-limit)
    proxies: { limit: 2, rule: 'C13' },
    writeIns: 'C4',
  },
  'uk-su': {
    id: 'uk-su',
    methods: ['stv-scottish', 'stv-meek', 'irv'],
    tieBreak: 'lot',
    tieBreaks: ANY_TIE,
    resultNotice: { days: 3, rule: 'C15' },
    ron: true,
  },
};

/** The stand-in RON is nominated as: no platform's member id holds a colon, so no member can be it. */
export const RON = 'teller:ron';

export function presetOf(settings: { preset?: PresetId }): Preset | undefined {
  return settings.preset ? PRESETS[settings.preset] : undefined;
}
