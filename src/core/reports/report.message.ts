// The summary report as a chat message: the facts, turnout, who was elected, the scrutineers'
// conclusion, the objections, the survey and the chain's head, within what every platform takes
// (Discord's 25 fields of 1024 and 6000 characters an embed are the tightest). The round-by-round
// figures are in the files: the message says how to get them.
import type { Reader } from '../kit/context.js';
import { mention } from '../kit/say.js';
import type { Field, MessageBody } from '../shared/reply.js';
import { fmt } from './report.rounds.js';
import type { ReportData } from './report.types.js';

const MAX_FIELDS = 25;
const MAX_VALUE = 1000;
const MAX_TOTAL = 5600;

/** Whole lines up to `max` characters, then a mark that more was left out. */
export function clipLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  let out = '';
  for (const line of lines) {
    if (out.length + line.length + 3 > max) break;
    out += (out ? '\n' : '') + line;
  }
  return `${out || text.slice(0, max - 2)}\n…`;
}

/** Fields within the platforms' limits: each value clipped, the last ones dropped past the total. */
export function fitFields(title: string, text: string, fields: Field[], more: string): Field[] {
  const out: Field[] = [];
  let total = title.length + text.length + more.length;
  for (const f of fields.slice(0, MAX_FIELDS - 1)) {
    const value = clipLines(f.value || '—', MAX_VALUE);
    if (total + f.label.length + value.length > MAX_TOTAL) break;
    total += f.label.length + value.length;
    out.push({ label: f.label, value });
  }
  if (out.length < fields.length) out.push({ label: '…', value: more });
  return out;
}

export function reportMessage(r: Reader, d: ReportData, title: string, subtitle: string): MessageBody {
  const { t } = r;
  const e = d.election;
  const fields: Field[] = [
    {
      label: t('report.section.facts'),
      value: [
        t(`preset.name.${e.preset ?? 'none'}`),
        t('report.phase_line', { phase: t(`phase.${e.phase}`) }),
        ...d.contests.map((c) =>
          t('report.contest_line', {
            name: c.name,
            seats: c.seats,
            method: t(`method.${c.method}`),
            round: c.round,
          }),
        ),
      ].join('\n'),
    },
    {
      label: t('report.section.turnout'),
      value: [
        t('report.roll_value', { entries: d.roll.entries, eligible: d.roll.eligible }),
        ...d.rounds.flatMap((x) =>
          x.contests.map((c) =>
            t('report.turnout_line', {
              round: x.round,
              contest: c.name,
              cast: c.cast,
              eligible: fmt(c.eligible),
              pct: c.turnout,
            }),
          ),
        ),
      ].join('\n'),
    },
    ...d.rounds.flatMap((x) =>
      x.contests.map((c) => ({
        label: t('report.contest_round', { round: x.round, name: c.name }),
        value: [
          t('report.elected_value', { names: c.winners.join(', ') || t('report.none_elected') }),
          t('report.ballots_value', { cast: c.cast, valid: c.valid, blank: c.blank, invalid: c.invalid }),
        ].join('\n'),
      })),
    ),
    {
      label: t('report.section.scrutiny'),
      value:
        [
          ...d.scrutiny.confirmed.map((c) =>
            c.observation
              ? t('report.confirmed_with', { member: mention(c.member.id), observation: c.observation })
              : t('report.confirmed', { member: mention(c.member.id) }),
          ),
          ...d.scrutiny.disputes.map((x) =>
            t('report.dispute', {
              member: mention(x.member.id),
              note: x.note,
              resolution: x.resolution ?? '—',
            }),
          ),
        ].join('\n') || t('report.no_conclusion'),
    },
    {
      label: t('report.section.objections'),
      value:
        d.objections
          .map((o) =>
            t('report.objection_line', {
              ref: o.ref,
              outcome: o.outcome ? t(`report.outcome.${o.outcome}`) : t('report.undecided'),
              effect: o.effect ? t(`report.effect.${o.effect}`) : '—',
              appeal: o.appeal
                ? o.appeal.outcome
                  ? t(`report.outcome.${o.appeal.outcome}`)
                  : t('report.undecided')
                : '—',
            }),
          )
          .join('\n') || t('report.no_objections'),
    },
    {
      label: t('report.section.survey'),
      value: [
        t(`report.survey_${d.survey.state}`, {
          invited: d.survey.invited,
          answered: d.survey.answered,
          min: 0,
        }),
        ...(d.survey.satisfaction && d.survey.ease
          ? [
              t('report.survey_medians', {
                satisfaction: fmt(d.survey.satisfaction.median ?? 0),
                ease: fmt(d.survey.ease.median ?? 0),
                comments: d.survey.comments.length,
              }),
            ]
          : []),
      ].join('\n'),
    },
    {
      label: t('report.section.audit'),
      value: t('report.audit_line', { count: d.audit.entries, head: d.audit.head ?? '—' }),
    },
  ];
  const text = [subtitle, t('report.files_hint', { number: e.number })].join('\n');
  return {
    title,
    text,
    fields: fitFields(title, text, fields, t('report.more_in_files', { number: e.number })),
    tone: 'info',
  };
}
