// A submitted ballot modal's state -> the `choices` string ballot.cast takes. The modal's inputs become
// the core's BallotSelection and the core's own check runs on it here, so a mistake Slack's inputs
// cannot prevent (a candidate in two ranks, too many checkboxes, half-scored criteria) is shown beside
// its question before anything is cast. The rules are the core's; this only finds the question.

import {
  checkSelection,
  encodeSelection,
  type BallotSelection,
  type Opinion,
  type SelectionFailure,
} from '../../../src/core/index.js';
import { ACTION, BLOCK, blockIdOf, type BallotMeta } from '../render/ballot-view.js';

export interface SelectState {
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_users?: string[];
}
export type ViewValues = Record<string, Record<string, SelectState>>;

/** message key + params, translated by the caller */
export interface ChoiceError {
  key: string;
  params?: Record<string, string | number>;
}

export type ChoicesOutcome =
  /** writeIns: the members written in (R5, C4), cast as `writeIn` beside the choices */
  { ok: true; choices: string; writeIns?: string[] } | { ok: false; errors: Record<string, ChoiceError> };

/** The core's refusals that the modal words for its own inputs ("Choose" rather than "Mark"). */
const MODAL_KEYS: Record<string, string> = {
  'ballot.too_many': 'slack.ballot.too_many',
  'ballot.too_few': 'slack.ballot.too_few',
  'ballot.duplicate_rank': 'slack.ballot.duplicate_rank',
  'ballot.criteria_incomplete': 'slack.ballot.criteria_incomplete',
};

const OPINIONS: Record<string, Opinion> = { '+': 'approve', '-': 'oppose', '0': 'abstain' };

function selected(values: ViewValues, blockId: string): string | undefined {
  return values[blockId]?.[ACTION]?.selected_option?.value ?? undefined;
}

export function readChoices(meta: BallotMeta, values: ViewValues): ChoicesOutcome {
  const writeIns = values[BLOCK.writeIn]?.[ACTION]?.selected_users ?? [];
  const listed = selectionOf(meta, values);
  const selection =
    writeIns.length > 0 && (listed.kind === 'marks' || listed.kind === 'approve-oppose-abstain')
      ? { ...listed, writeIns }
      : listed;
  // A modal opened before its metadata kept the score range offered only allowed scores; the core
  // checks the range again at the cast in any case.
  const scoreRange = meta.scoreRange ?? { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  const checked = checkSelection(
    {
      min: meta.min,
      max: meta.max,
      allowBlank: meta.blank,
      scoreRange,
      criteria: meta.criteria,
      writeIns: meta.writeIns ?? 0,
    },
    meta.numbers.length,
    selection,
  );
  if (checked.ok)
    return { ok: true, choices: encodeSelection(listed), ...(writeIns.length > 0 ? { writeIns } : {}) };
  const errors: Record<string, ChoiceError> = {};
  for (const f of checked.failures) {
    const block = blockIdOf(meta, f.field);
    errors[block] ??= errorOf(f);
  }
  return { ok: false, errors };
}

function errorOf(f: SelectionFailure): ChoiceError {
  return { key: MODAL_KEYS[f.code] ?? f.code, ...(f.params ? { params: f.params } : {}) };
}

/** The modal's answers as the voter gave them: every question as it stands, in the modal's order. */
function selectionOf(meta: BallotMeta, values: ViewValues): BallotSelection {
  switch (meta.kind) {
    case 'marks': {
      const state = values[BLOCK.marks]?.[ACTION];
      const marks = state?.selected_options
        ? state.selected_options.map((o) => o.value)
        : state?.selected_option
          ? [state.selected_option.value]
          : [];
      return { kind: 'marks', marked: marks.map(Number) };
    }
    case 'opinions':
      return {
        kind: 'approve-oppose-abstain',
        // radio buttons offer only these three; an unanswered one starts at abstain
        opinions: meta.numbers.map((n) => ({
          candidate: n,
          opinion: OPINIONS[selected(values, BLOCK.opinion(n)) ?? '0'] ?? 'abstain',
        })),
      };
    case 'scores':
      return {
        kind: 'scores',
        scores: meta.numbers.flatMap((n) => {
          const s = selected(values, BLOCK.score(n));
          return s === undefined ? [] : [{ candidate: n, score: Number(s) }];
        }),
      };
    case 'criteria':
      return {
        kind: 'criteria',
        // a candidate with no criterion scored is not scored at all; one with some is half-scored
        scores: meta.numbers.flatMap((n) => {
          const scores = Array.from({ length: meta.criteria }, (_, i) =>
            selected(values, BLOCK.criterion(n, i)),
          );
          if (scores.every((s) => s === undefined)) return [];
          return [{ candidate: n, scores: scores.map((s) => (s === undefined ? null : Number(s))) }];
        }),
      };
    case 'ranking': {
      const ranks = Math.min(meta.max, meta.numbers.length);
      return {
        kind: 'ranked',
        ranks: Array.from({ length: ranks }, (_, i) => {
          const pick = selected(values, BLOCK.rank(i + 1));
          return pick === undefined ? null : Number(pick);
        }),
      };
    }
  }
}
