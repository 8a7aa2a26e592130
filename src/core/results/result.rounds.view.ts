// The round-by-round part of an announcement, for a contest counted over more than one round (STV,
// IRV): each round's votes per candidate, the quota where there is one and the exhausted weight, then
// what each round did (a surplus transferred, a candidate excluded or elected). The figures and their
// layout are src/counting/report-table.ts's, the same as `teller tally` prints for the same ballots,
// so anyone holding the published ballots can check the announcement line by line.
import {
  columnsOf,
  formattedParams,
  roundSteps,
  roundTable,
  roundTableRows,
  type RoundTableLabels,
} from '../../counting/report-table.js';
import type { CountResult } from '../../counting/types.js';
import type { Translate } from '../../i18n/index.js';
import type { Field } from '../shared/reply.js';
import { shownName } from './result.aoa.view.js';

/**
 * How wide a table may be before its rounds go on in another table (each with the names again): a
 * chat code block wraps longer lines on a phone, and a wrapped row no longer lines up.
 */
export const TABLE_COLUMNS = 60;

/** [from, to) positions of result.rounds, each slice as many rounds as fit in TABLE_COLUMNS */
function slices(rows: string[][]): [number, number][] {
  const width = (i: number) => Math.max(...rows.map((r) => columnsOf(r[i] ?? '')));
  const rounds = rows[0].length - 1;
  const out: [number, number][] = [];
  let from = 0;
  let used = width(0);
  for (let i = 0; i < rounds; i++) {
    const more = 2 + width(i + 1);
    if (i > from && used + more > TABLE_COLUMNS) {
      out.push([from, i]);
      from = i;
      used = width(0);
    }
    used += more;
  }
  out.push([from, rounds]);
  return out;
}

export function roundFields(t: Translate, r: CountResult): Field[] {
  if (r.rounds.length < 2) return [];
  const names = r.candidates.map((_, i) => shownName(t, r, i));
  const labels: RoundTableLabels = {
    round: (round) => t('announce.round_column', { round }),
    quota: t('announce.quota'),
    exhausted: t('announce.exhausted'),
  };
  const parts = slices(roundTableRows(r, labels, { names }));
  const tables: Field[] = parts.map((slice) => ({
    label:
      parts.length === 1
        ? t('announce.rounds_table')
        : t('announce.rounds_table_part', {
            from: r.rounds[slice[0]].number,
            to: r.rounds[slice[1] - 1].number,
          }),
    value: roundTable(r, labels, { names, slice }).join('\n'),
    mono: true,
  }));
  const steps = roundSteps(
    r,
    {
      heading: (round, elected, eliminated) => {
        const events = [
          ...(elected.length ? [t('announce.round_elected', { names: elected.join(', ') })] : []),
          ...(eliminated.length ? [t('announce.round_eliminated', { names: eliminated.join(', ') })] : []),
        ];
        return events.length
          ? t('announce.round_heading_events', {
              round: round.number,
              events: events.join(t('announce.round_separator')),
            })
          : t('announce.round_heading', { round: round.number });
      },
      line: (line) => t(line.key, formattedParams(line)),
    },
    names,
  );
  return [...tables, { label: t('announce.round_steps'), value: steps.flat().join('\n') }];
}
