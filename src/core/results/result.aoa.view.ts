// The approve / oppose / abstain part of an announcement, laid out as a 选举结果公告 reads: who was
// entitled and who took part (应到, 实到, 投票人数), ballots issued and returned, valid and invalid by
// reason (C3), the threshold and its base (C5), and per candidate for / against / abstain and share,
// highest approvals first (C6). The C14 round record, in the reader's language.
import type { Translate } from '../../i18n/index.js';
import {
  INVALID_REASONS,
  type CountResult,
  type OpinionFigures,
  type ThresholdFigures,
} from '../../counting/types.js';
import type { Field } from '../shared/reply.js';
import type { StoredResult } from './result.types.js';

type Opinions = CountResult & { opinions: OpinionFigures; threshold: ThresholdFigures };

/** A candidate's name as a result shows it: one voters wrote in says so (R5, C4). */
export function shownName(t: Translate, r: CountResult, c: number): string {
  const name = r.candidates[c] ?? '';
  return r.writeIns?.includes(c) ? `${name} ${t('result.write_in_mark')}` : name;
}

/** Results stored before the engine reported opinions are shown the way other methods are. */
export function hasOpinions(r: CountResult): r is Opinions {
  return r.method === 'approve-oppose' && r.opinions !== undefined && r.threshold !== undefined;
}

const REASONS = INVALID_REASONS;

const percent = (fraction: number) => Math.round(fraction * 10000) / 100;

function invalidReasons(t: Translate, r: Opinions): string {
  const by = r.ballots.invalidBy ?? {};
  const max = r.options.maxMarks ?? r.seats;
  const parts = REASONS.flatMap((reason) => {
    const count = by[reason] ?? 0;
    if (count === 0) return [];
    return [t(`result.aoa.reason.${reason.replace(/-/g, '_')}`, { count, max })];
  });
  return parts.join(t('result.aoa.separator'));
}

export function opinionFields(
  t: Translate,
  stored: StoredResult,
  r: Opinions,
  weighted: boolean,
  fmt: (n: number) => string,
): Field[] {
  const b = r.ballots;
  const o = r.opinions;
  const pct = stored.eligible === 0 ? 0 : Math.round((b.cast / stored.eligible) * 1000) / 10;
  const ballots = [t('result.aoa.ballots_value', { valid: b.valid, blank: b.blank, invalid: b.invalid })];
  if (weighted) ballots.push(t('result.aoa.ballots_weight', { weight: fmt(b.validWeight) }));
  const reasons = invalidReasons(t, r);
  if (reasons) ballots.push(t('result.aoa.invalid_by', { reasons }));
  const th = r.threshold;
  // rounded as the engine compares, so a sum of weights a hair off the line reads as the count did
  const approvals = (c: number) => Math.round(o.for[c] * 1e9) / 1e9;
  const over = (c: number) => (th.inclusive ? approvals(c) >= th.value : approvals(c) > th.value);
  const written = (c: number) => r.writeIns?.includes(c) ?? false;
  const status = (c: number) => (r.winners.includes(c) ? 'elected' : over(c) ? 'over' : ('under' as const));
  // C6: the order seats are given in, highest approvals first; equal approvals by name
  const order = r.candidates
    .map((_, c) => ({ name: shownName(t, r, c), c }))
    .sort((x, y) => o.for[y.c] - o.for[x.c] || x.name.localeCompare(y.name));
  const lines = order.map(({ name, c }) =>
    t('result.aoa.candidate_line', {
      name,
      for: fmt(o.for[c]),
      // nobody was asked about a member another voter wrote in: no against, no abstain (C4)
      against: written(c) ? '—' : fmt(o.against[c]),
      abstain: written(c) ? '—' : fmt(o.abstain[c]),
      share: percent(o.share[c]),
      status: t(`result.aoa.status_${status(c)}`),
    }),
  );
  return [
    {
      label: t('result.aoa.turnout'),
      value: t('result.aoa.turnout_value', {
        eligible: stored.eligible,
        // a result counted before attendance was kept: those who voted were there
        present: stored.present ?? b.cast,
        issued: stored.issued,
        cast: b.cast,
        pct,
      }),
    },
    { label: t('result.aoa.ballots'), value: ballots.join(t('result.aoa.separator')) },
    {
      label: t('result.aoa.threshold'),
      value: t(`result.aoa.threshold_${th.base}${th.inclusive ? '_inclusive' : ''}`, {
        percent: percent(th.share),
        base: fmt(th.baseValue),
        value: fmt(th.value),
      }),
    },
    { label: t('result.aoa.votes'), value: lines.join('\n') || '—' },
  ];
}
