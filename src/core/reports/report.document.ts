// The summary report as a document in the reader's language: the same sections, in the same order, for
// the Markdown file and the PDF. Figures come from ReportData; only words are added here.
import type { Reader } from '../kit/context.js';
import type { DocBlock, PrintDocument } from '../shared/document.js';
import { formatTime } from '../shared/time.js';
import { fmt, resultBlocks } from './report.rounds.js';
import { SURVEY_MIN_SHOWN } from './report.survey.js';
import type { ReportData } from './report.types.js';

const h1 = (text: string): DocBlock => ({ kind: 'heading', level: 1, text });

function factsBlocks(r: Reader, d: ReportData, time: (iso: string) => string): DocBlock[] {
  const { t } = r;
  const e = d.election;
  return [
    h1(t('report.section.facts')),
    {
      kind: 'facts',
      rows: [
        {
          label: t('report.election'),
          value: t('report.election_value', { number: e.number, title: e.title }),
        },
        { label: t('report.rules'), value: t(`preset.name.${e.preset ?? 'none'}`) },
        { label: t('report.phase'), value: t(`phase.${e.phase}`) },
        { label: t('report.created'), value: time(e.createdAt) },
        ...(e.cancelReason ? [{ label: t('report.cancelled'), value: e.cancelReason }] : []),
      ],
    },
    {
      kind: 'table',
      head: [
        t('report.col.number'),
        t('report.col.contest'),
        t('report.col.seats'),
        t('report.col.method'),
        t('report.col.round'),
      ],
      rows: d.contests.map((c) => [
        String(c.number),
        c.name,
        String(c.seats),
        t(`method.${c.method}`),
        String(c.round),
      ]),
      numeric: [true, false, true, false, true],
    },
  ];
}

function timetableBlocks(r: Reader, d: ReportData, time: (iso: string) => string): DocBlock[] {
  const { t } = r;
  const steps = [
    ...new Set([...d.timetable.planned.map((p) => p.step), ...d.timetable.happened.map((p) => p.step)]),
  ];
  const at = (list: { step: string; at: string }[], step: string) => {
    const found = list.find((p) => p.step === step);
    return found ? time(found.at) : '—';
  };
  const sorted = steps.sort((a, b) =>
    (
      d.timetable.happened.find((p) => p.step === a)?.at ??
      d.timetable.planned.find((p) => p.step === a)?.at ??
      ''
    ).localeCompare(
      d.timetable.happened.find((p) => p.step === b)?.at ??
        d.timetable.planned.find((p) => p.step === b)?.at ??
        '',
    ),
  );
  const out: DocBlock[] = [
    h1(t('report.section.timetable')),
    {
      kind: 'table',
      head: [t('report.col.step'), t('report.col.planned'), t('report.col.happened')],
      rows: sorted.map((s) => [
        t(`timeline.step.${s}`),
        at(d.timetable.planned, s),
        at(d.timetable.happened, s),
      ]),
    },
  ];
  out.push(
    d.timetable.overrides.length === 0
      ? { kind: 'paragraph', text: t('report.no_overrides') }
      : {
          kind: 'list',
          items: d.timetable.overrides.map((o) =>
            t('report.override_line', {
              at: time(o.at),
              step: t(`timeline.step.${o.step}`),
              reason: o.reason,
              actor: o.actor.name,
            }),
          ),
        },
  );
  return out;
}

function turnoutBlocks(r: Reader, d: ReportData): DocBlock[] {
  const { t } = r;
  const rows = d.rounds.flatMap((x) =>
    x.contests.map((c) => [
      String(x.round),
      c.name,
      fmt(c.eligible),
      fmt(c.issued),
      c.present === null ? '—' : fmt(c.present),
      String(c.cast),
      `${c.turnout}%`,
    ]),
  );
  const channels = d.rounds.flatMap((x) =>
    x.contests.flatMap((c) =>
      (c.channels ?? []).map((ch) => [
        String(x.round),
        c.name,
        t(`paper.channel.${ch.channel}`),
        String(ch.issued),
        String(ch.returned),
        String(ch.valid),
        String(ch.blank),
        String(ch.invalid),
        String(ch.late),
      ]),
    ),
  );
  const out: DocBlock[] = [
    h1(t('report.section.turnout')),
    {
      kind: 'facts',
      rows: [
        {
          label: t('report.roll'),
          value: t('report.roll_value', { entries: d.roll.entries, eligible: d.roll.eligible }),
        },
        { label: t('report.voted'), value: String(d.roll.voted) },
        ...(d.roll.weighted ? [{ label: t('report.weighted'), value: t('result.weighted_note') }] : []),
        { label: t('report.groups'), value: t('report.no_groups') },
      ],
    },
    {
      kind: 'table',
      head: [
        t('report.col.round'),
        t('report.col.contest'),
        t('report.col.eligible'),
        t('report.col.issued'),
        t('report.col.present'),
        t('report.col.cast'),
        t('report.col.turnout'),
      ],
      rows,
      numeric: [true, false, true, true, true, true, true],
    },
  ];
  if (channels.length > 0) {
    out.push({ kind: 'heading', level: 2, text: t('report.channels') });
    out.push({
      kind: 'table',
      head: [
        t('report.col.round'),
        t('report.col.contest'),
        t('report.col.channel'),
        t('report.col.issued'),
        t('report.col.returned'),
        t('report.col.valid'),
        t('report.col.blank'),
        t('report.col.invalid'),
        t('report.col.late'),
      ],
      rows: channels,
      numeric: [true, false, false, true, true, true, true, true, true],
    });
  }
  return out;
}

function recordBlocks(r: Reader, d: ReportData, time: (iso: string) => string): DocBlock[] {
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

export function reportDocument(r: Reader, d: ReportData): PrintDocument {
  const time = (iso: string) => formatTime(new Date(iso), r.zone, r.locale);
  return {
    title: r.t('report.title', { number: d.election.number, title: d.election.title }),
    subtitle: r.t(d.round === null ? 'report.subtitle_all' : 'report.subtitle_round', {
      round: d.round ?? 0,
      at: time(d.generatedAt),
    }),
    lang: r.locale,
    blocks: [
      ...factsBlocks(r, d, time),
      ...timetableBlocks(r, d, time),
      ...turnoutBlocks(r, d),
      ...resultBlocks(r.t, d),
      ...recordBlocks(r, d, time),
    ],
  };
}
