// The report's record of how the election ended: who was elected, the scrutineers' conclusion, the
// objections and appeals with their outcomes, the survey's results and the audit chain's head.
import type { Reader } from '../kit/context.js';
import type { DocBlock } from '../shared/document.js';
import { fmt } from './report.rounds.js';
import { SURVEY_MIN_SHOWN } from './report.survey.js';
import type { ReportData } from './report.types.js';

const h1 = (text: string): DocBlock => ({ kind: 'heading', level: 1, text });

export function recordBlocks(r: Reader, d: ReportData, time: (iso: string) => string): DocBlock[] {
  const { t } = r;
  const s = d.scrutiny;
  const conclusion = [
    ...s.confirmed.map((c) =>
      c.observation
        ? t('report.confirmed_with', { member: c.member.name, observation: c.observation })
        : t('report.confirmed', { member: c.member.name }),
    ),
    ...s.disputes.map((x) =>
      t('report.dispute', { member: x.member.name, note: x.note, resolution: x.resolution ?? '—' }),
    ),
  ];
  const o = d.objections;
  const word = (kind: string, v: string | null) => (v === null ? '—' : t(`report.${kind}.${v}`));
  const sv = d.survey;
  const out: DocBlock[] = [
    h1(t('report.section.elected')),
    d.elected.length === 0
      ? { kind: 'paragraph', text: t('report.none_elected') }
      : {
          kind: 'list',
          items: d.elected.map((x) =>
            t('report.elected_line', { contest: x.contest, round: x.round, names: x.names.join(', ') }),
          ),
        },
    h1(t('report.section.scrutiny')),
    {
      kind: 'paragraph',
      text: t('report.scrutiny_needed', {
        needed: s.needed,
        scrutineers: s.scrutineers.map((m) => m.name).join(', ') || '—',
      }),
    },
    conclusion.length === 0
      ? { kind: 'paragraph', text: t('report.no_conclusion') }
      : { kind: 'list', items: conclusion },
    h1(t('report.section.objections')),
    o.length === 0
      ? { kind: 'paragraph', text: t('report.no_objections') }
      : {
          kind: 'table',
          head: [
            t('report.col.ref'),
            t('report.col.filed'),
            t('report.col.about'),
            t('report.col.decision'),
            t('report.col.appeal'),
          ],
          rows: o.map((x) => [
            x.public ? x.ref : t('report.ref_private', { ref: x.ref }),
            time(x.filedAt),
            [x.period ? t('report.period', { period: x.period }) : '', x.about ?? '']
              .filter(Boolean)
              .join(' · ') || '—',
            x.outcome === null
              ? t('report.undecided')
              : t(x.reason ? 'report.decision_reason' : 'report.decision', {
                  outcome: word('outcome', x.outcome),
                  effect: word('effect', x.effect),
                  reason: x.reason ?? '',
                }),
            x.appeal === null
              ? '—'
              : x.appeal.outcome === null
                ? t('report.undecided')
                : t(x.appeal.reason ? 'report.appeal_reason' : 'report.appeal', {
                    outcome: word('outcome', x.appeal.outcome),
                    reason: x.appeal.reason ?? '',
                  }),
          ]),
        },
    h1(t('report.section.survey')),
    {
      kind: 'paragraph',
      text: t(`report.survey_${sv.state}`, {
        invited: sv.invited,
        answered: sv.answered,
        min: SURVEY_MIN_SHOWN,
      }),
    },
  ];
  if (sv.satisfaction && sv.ease) {
    out.push({
      kind: 'table',
      head: [t('report.col.score'), t('report.col.satisfaction'), t('report.col.ease')],
      rows: [
        ...[1, 2, 3, 4, 5].map((n) => [
          String(n),
          String(sv.satisfaction!.counts[n - 1]),
          String(sv.ease!.counts[n - 1]),
        ]),
        [t('report.median'), fmt(sv.satisfaction.median ?? 0), fmt(sv.ease.median ?? 0)],
      ],
      numeric: [false, true, true],
    });
    out.push({ kind: 'heading', level: 2, text: t('report.comments', { count: sv.comments.length }) });
    if (sv.comments.length > 0) out.push({ kind: 'list', items: sv.comments });
  } else if (sv.state === 'closed' && !sv.shown)
    out.push({ kind: 'paragraph', text: t('report.survey_withheld', { min: SURVEY_MIN_SHOWN }) });
  out.push(h1(t('report.section.audit')), {
    kind: 'facts',
    rows: [
      { label: t('report.audit_entries'), value: String(d.audit.entries) },
      { label: t('report.audit_head'), value: d.audit.head ?? '—' },
    ],
  });
  out.push({
    kind: 'paragraph',
    text: t('report.audit_verify', {
      number: d.election.number,
      count: d.audit.entries,
      head: d.audit.head ?? '',
    }),
  });
  return out;
}
