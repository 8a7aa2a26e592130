// A submitted ballot modal's state -> the `choices` string ballot.cast takes (syntax on BallotForm).
// Mistakes Slack's inputs cannot prevent (a candidate in two ranks, too many checkboxes, half-scored
// criteria) are caught here and returned per block so Slack shows them beside the question; the core
// validates again, this only makes the message land in the right place.

import { ACTION, type BallotMeta } from '../render/ballot-view.js';

export interface SelectState {
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}
export type ViewValues = Record<string, Record<string, SelectState>>;

/** message key + params, translated by the caller */
export interface ChoiceError {
  key: string;
  params?: Record<string, string | number>;
}

export type ChoicesOutcome =
  | { ok: true; choices: string }
  | { ok: false; errors: Record<string, ChoiceError> };

function selected(values: ViewValues, blockId: string): string | undefined {
  return values[blockId]?.[ACTION]?.selected_option?.value ?? undefined;
}

export function readChoices(meta: BallotMeta, values: ViewValues): ChoicesOutcome {
  switch (meta.kind) {
    case 'marks':
      return readMarks(meta, values);
    case 'opinions': {
      const parts = meta.numbers.map((n) => `${n}:${selected(values, `cand-${n}`) ?? '0'}`);
      return { ok: true, choices: parts.join(',') };
    }
    case 'scores': {
      const parts = meta.numbers.flatMap((n) => {
        const s = selected(values, `score-${n}`);
        return s === undefined ? [] : [`${n}=${s}`];
      });
      return { ok: true, choices: parts.join(',') };
    }
    case 'criteria':
      return readCriteria(meta, values);
    case 'ranking':
      return readRanking(meta, values);
  }
}

function readMarks(meta: BallotMeta, values: ViewValues): ChoicesOutcome {
  const state = values.marks?.[ACTION];
  const marks = state?.selected_options
    ? state.selected_options.map((o) => o.value)
    : state?.selected_option
      ? [state.selected_option.value]
      : [];
  if (marks.length > meta.max) {
    return { ok: false, errors: { marks: { key: 'slack.ballot.too_many', params: { max: meta.max } } } };
  }
  const blankAllowed = meta.blank && marks.length === 0;
  if (marks.length < meta.min && !blankAllowed) {
    return { ok: false, errors: { marks: { key: 'slack.ballot.too_few', params: { min: meta.min } } } };
  }
  return { ok: true, choices: marks.join(',') };
}

function readCriteria(meta: BallotMeta, values: ViewValues): ChoicesOutcome {
  const parts: string[] = [];
  const errors: Record<string, ChoiceError> = {};
  for (const n of meta.numbers) {
    const scores = Array.from({ length: meta.criteria }, (_, i) => selected(values, `crit-${n}-${i}`));
    const given = scores.filter((s) => s !== undefined).length;
    if (given === 0) continue;
    if (given < meta.criteria) {
      const firstMissing = scores.indexOf(undefined);
      errors[`crit-${n}-${firstMissing}`] = { key: 'slack.ballot.criteria_incomplete' };
      continue;
    }
    parts.push(`${n}=${scores.join('/')}`);
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, choices: parts.join(',') };
}

function readRanking(meta: BallotMeta, values: ViewValues): ChoicesOutcome {
  const ranked: string[] = [];
  const seenAt = new Map<string, number>();
  const errors: Record<string, ChoiceError> = {};
  const ranks = Math.min(meta.max, meta.numbers.length);
  for (let r = 1; r <= ranks; r++) {
    const pick = selected(values, `rank-${r}`);
    if (pick === undefined) continue;
    const earlier = seenAt.get(pick);
    if (earlier !== undefined) {
      errors[`rank-${r}`] = { key: 'slack.ballot.duplicate_rank', params: { rank: earlier } };
      continue;
    }
    seenAt.set(pick, r);
    ranked.push(pick);
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (ranked.length < meta.min && !(meta.blank && ranked.length === 0)) {
    return {
      ok: false,
      errors: { [`rank-${ranked.length + 1}`]: { key: 'slack.ballot.too_few', params: { min: meta.min } } },
    };
  }
  return { ok: true, choices: ranked.join('>') };
}
