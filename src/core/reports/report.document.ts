// The summary report as a document in the reader's language: the same sections, in the same order, for
// the Markdown file and the PDF. Figures come from ReportData; only words are added here.
import type { Reader } from '../kit/context.js';
import type { DocBlock, PrintDocument } from '../shared/document.js';
import { formatTime } from '../shared/time.js';
import { fmt, resultBlocks } from './report.rounds.js';
import { recordBlocks } from './report.record.js';
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
