// Each round's results in the report: the ballots, votes per candidate in every count round (the round
// table), what each count round did with its transfers, ties, further rounds and rulings, the elected.
// The announcement's own round table (src/counting/report-table.ts, on the announce branch) was not on
// main when this was written: this one is built from CountResult.rounds directly; once both are in,
// the Markdown table here can be that one's.
import type { Translate } from '../../i18n/index.js';
import type { DocBlock } from '../shared/document.js';
import type { ContestResultFacts, CountRoundFacts, ReportData } from './report.types.js';

export const fmt = (n: number) =>
  Number.isInteger(n) ? String(n) : n.toFixed(Math.min(5, String(n).split('.')[1]?.length ?? 0));

/** Candidates down the side, count rounds across; the quota and the exhausted weight below. */
function roundTable(t: Translate, c: ContestResultFacts): DocBlock | undefined {
  if (c.rounds.length === 0) return undefined;
  const multi = c.rounds.length > 1;
  const head = [
    t('report.col.candidate'),
    ...c.rounds.map((r) =>
      multi ? t('report.col.count_round', { round: r.number }) : t('report.col.votes'),
    ),
    t('report.col.outcome'),
  ];
  const order = c.candidates
    .map((name, i) => ({ name, i, first: c.rounds[0].counts[i] ?? 0 }))
    .sort((a, b) => b.first - a.first || a.name.localeCompare(b.name));
  const rows = order.map(({ name, i }) => [
    name,
    ...c.rounds.map((r) => fmt(r.counts[i] ?? 0)),
    c.winners.includes(name) ? t('report.elected_mark') : '',
  ]);
  const exhausted = c.rounds.some((r) => r.exhausted > 0);
  if (exhausted) rows.push([t('report.exhausted'), ...c.rounds.map((r) => fmt(r.exhausted)), '']);
  if (c.rounds.some((r) => r.quota !== undefined))
    rows.push([t('report.quota'), ...c.rounds.map((r) => (r.quota === undefined ? '' : fmt(r.quota))), '']);
  return { kind: 'table', head, rows, numeric: head.map((_, i) => i > 0 && i < head.length - 1) };
}

function transferLine(t: Translate, x: CountRoundFacts['transfers'][number]): string {
  const to = Object.entries(x.to)
    .filter(([, v]) => v !== 0)
    .map(([name, v]) => `${name} +${fmt(v)}`);
  if (x.exhausted > 0) to.push(t('report.transfer_exhausted', { votes: fmt(x.exhausted) }));
  return t(x.value ? 'report.transfer_value' : 'report.transfer', {
    from: x.from,
    to: to.join(', ') || '—',
    value: x.value ?? '',
  });
}

/**
 * One line per count round: what the count says it did (in the reader's language, from the count's
 * own explanation), or else who was elected and eliminated; then where the votes went.
 */
function roundLines(t: Translate, c: ContestResultFacts): string[] {
  if (c.rounds.length < 2) return [];
  return c.rounds.map((r) => {
    const said = r.explanation.map((x) => t(x.key, x.params)).join(' ');
    const moves = said
      ? [said]
      : [
          t('report.col.count_round', { round: r.number }),
          ...(r.elected.length > 0 ? [t('report.round_elected', { names: r.elected.join(', ') })] : []),
          ...(r.eliminated.length > 0
            ? [t('report.round_eliminated', { names: r.eliminated.join(', ') })]
            : []),
        ];
    return [...moves, ...r.transfers.map((x) => transferLine(t, x))].join(' ');
  });
}

function opinionsTable(t: Translate, c: ContestResultFacts): DocBlock | undefined {
  const o = c.opinions;
  if (!o) return undefined;
  const head = [
    t('report.col.candidate'),
    t('report.col.for'),
    t('report.col.against'),
    t('report.col.abstain'),
    t('report.col.outcome'),
  ];
  return {
    kind: 'table',
    head,
    rows: c.candidates.map((name, i) => [
      name,
      fmt(o.for[i] ?? 0),
      fmt(o.against[i] ?? 0),
      fmt(o.abstain[i] ?? 0),
      c.winners.includes(name) ? t('report.elected_mark') : '',
    ]),
    numeric: [false, true, true, true, false],
  };
}

function contestBlocks(t: Translate, c: ContestResultFacts): DocBlock[] {
  const blocks: DocBlock[] = [
    {
      kind: 'heading',
      level: 3,
      text: t('report.contest_heading', { name: c.name, method: t(`method.${c.method}`), seats: c.seats }),
    },
    {
      kind: 'facts',
      rows: [
        {
          label: t('report.ballots'),
          value: t('report.ballots_value', {
            cast: c.cast,
            valid: c.valid,
            blank: c.blank,
            invalid: c.invalid,
          }),
        },
        ...Object.entries(c.invalidBy)
          .filter(([, n]) => n > 0)
          .map(([reason, n]) => ({
            label: t('report.invalid_by', { reason: t(`paper.reason.${reason}`) }),
            value: String(n),
          })),
        { label: t('report.elected'), value: c.winners.join(', ') || t('report.none_elected') },
      ],
    },
  ];
  const table = opinionsTable(t, c) ?? roundTable(t, c);
  if (table) blocks.push(table);
  const lines = [
    ...roundLines(t, c),
    ...c.ties.map((x) =>
      t('report.tie_line', {
        round: x.round,
        names: x.candidates.join(', '),
        rule: t(`tie.${x.rule}`),
        chosen: x.chosen.join(', ') || '—',
      }),
    ),
    ...c.rulings.map((x) => t(x.key, x.params)),
    ...(c.furtherRound
      ? [
          t(`result.further_${c.furtherRound.kind}`, {
            seats: c.furtherRound.seats,
            names: c.furtherRound.candidates.join(', '),
          }),
        ]
      : []),
  ];
  if (lines.length > 0) blocks.push({ kind: 'list', items: lines });
  return blocks;
}

/** The results section: per round, per contest. */
export function resultBlocks(t: Translate, d: ReportData): DocBlock[] {
  const out: DocBlock[] = [{ kind: 'heading', level: 1, text: t('report.section.results') }];
  for (const r of d.rounds) {
    out.push({ kind: 'heading', level: 2, text: t('report.round_heading', { round: r.round }) });
    if (r.contests.length === 0) out.push({ kind: 'paragraph', text: t('report.not_counted') });
    for (const c of r.contests) out.push(...contestBlocks(t, c));
  }
  return out;
}
