import type { ChartData } from '../../counting/types.js';
import type { Translate } from '../../i18n/index.js';
import type { Field, MessageBody } from '../shared/reply.js';
import type { Contest } from '../shared/election.types.js';
import type { StoredResult } from './result.types.js';
import { hasOpinions, opinionFields, shownName } from './result.aoa.view.js';
import { channelFields } from './result.channels.view.js';
import { roundFields } from './result.rounds.view.js';
import { latestRounds } from './round.commands.js';

const fmt = (n: number) =>
  Number.isInteger(n) ? String(n) : n.toFixed(Math.min(5, String(n).split('.')[1]?.length ?? 0));

/** Turnout, ballots and votes per candidate, as every method but approve-oppose shows them. */
function voteFields(t: Translate, stored: StoredResult, weighted: boolean): Field[] {
  const r = stored.result;
  const b = r.ballots;
  const turnout = stored.eligible === 0 ? 0 : Math.round((b.cast / stored.eligible) * 1000) / 10;
  const first = r.rounds[0];
  const last = r.rounds[r.rounds.length - 1];
  const votes = r.candidates
    .map((_, i) => ({
      name: shownName(t, r, i),
      first: first?.counts[i] ?? 0,
      last: last?.counts[i] ?? 0,
      i,
    }))
    .sort((a, b2) => b2.first - a.first || a.name.localeCompare(b2.name));
  const multi = r.rounds.length > 1;
  const voteLines = votes.map(
    (v) =>
      `${v.name}: ${fmt(v.first)}${multi ? ` → ${fmt(v.last)}` : ''}${r.winners.includes(v.i) ? ' ✓' : ''}`,
  );
  return [
    {
      label: t('result.turnout'),
      value: t('result.turnout_value', {
        eligible: stored.eligible,
        issued: stored.issued,
        cast: b.cast,
        pct: turnout,
      }),
    },
    {
      label: t('result.ballots'),
      // with weights, ballots and votes differ: say both, so "valid 13" is not read as 13 votes
      value: weighted
        ? t('result.ballots_value_weighted', {
            valid: b.valid,
            blank: b.blank,
            invalid: b.invalid,
            weight: fmt(b.validWeight),
          })
        : t('result.ballots_value', { valid: b.valid, blank: b.blank, invalid: b.invalid }),
    },
    {
      label: multi ? t('result.votes_rounds', { rounds: r.rounds.length }) : t('result.votes'),
      value: voteLines.join('\n') || '—',
    },
  ];
}

/** The figures an announcement needs, for one contest. Names only: no ballot, no voter. */
export function contestSummary(
  t: Translate,
  contest: Contest,
  stored: StoredResult,
  weighted: boolean,
): Field[] {
  const r = stored.result;
  const fields: Field[] = [
    ...(hasOpinions(r) ? opinionFields(t, stored, r, weighted, fmt) : voteFields(t, stored, weighted)),
    ...channelFields(t, stored),
    {
      label: t('result.elected'),
      value: r.winners.map((w) => shownName(t, r, w)).join(', ') || t('result.none_elected'),
    },
    ...roundFields(t, r),
  ];
  if (r.ties.length > 0) {
    fields.push({
      label: t('result.ties'),
      value: r.ties
        .map((x) =>
          t('result.tie_line', {
            round: x.round,
            names: x.candidates.map((c) => r.candidates[c]).join(', '),
            rule: t(
              x.rule === 'organiser' && x.chosen.length > 0 ? 'tie.organiser_decided' : `tie.${x.rule}`,
            ),
            chosen: x.chosen.map((c) => r.candidates[c]).join(', ') || '—',
          }),
        )
        .join('\n'),
    });
  }
  if (r.rulings && r.rulings.length > 0)
    fields.push({ label: t('result.rulings'), value: r.rulings.map((x) => t(x.key, x.params)).join('\n') });
  if (r.furtherRound) {
    const fr = r.furtherRound;
    fields.push({
      label: t('result.further_round'),
      value: t(`result.further_${fr.kind}`, {
        seats: fr.seats,
        names: fr.candidates.map((c) => r.candidates[c]).join(', '),
      }),
    });
  }
  return fields.map((f, i) => (i === 0 ? { ...f, label: `${contest.name} — ${f.label}` } : f));
}

/**
 * A contest's chart, titled with the contest's name: an announcement of several contests posts several
 * images, and each must say which contest it is. The chart's own title is put in the announcement's
 * language here, as the rest of the announcement is.
 */
function namedChart(t: Translate, contests: Contest[], stored: StoredResult): ChartData {
  const chart = stored.result.chart;
  const contest = contests.find((c) => c.id === stored.contestId)?.name ?? '';
  return {
    ...chart,
    title: {
      key: 'announce.chart_title',
      params: { contest, chart: t(chart.title.key, chart.title.params) },
    },
  };
}

export function announcement(
  t: Translate,
  title: string,
  contests: Contest[],
  results: StoredResult[],
  weighted: boolean,
  confirmedBy: string[],
): MessageBody {
  const fields: Field[] = [];
  for (const c of contests) {
    const stored = results.find((r) => r.contestId === c.id);
    if (stored) fields.push(...contestSummary(t, c, stored, weighted));
  }
  // one warning for the whole announcement, not one under every contest
  if (weighted && fields.length > 0)
    fields.push({ label: t('result.weighted'), value: t('result.weighted_note') });
  const confirm =
    confirmedBy.length > 0
      ? t('result.confirmed_by', { names: confirmedBy.map((m) => `<@${m}>`).join(', ') })
      : t('result.unconfirmed');
  // one chart per contest: a contest held over further rounds is drawn as its latest round counted
  const shown = results.filter((r) => contests.some((c) => c.id === r.contestId));
  const charts = latestRounds(shown, contests).map((r) => namedChart(t, contests, r));
  return {
    title: t('result.title', { title }),
    text: confirm,
    fields,
    ...(charts.length > 0 ? { charts } : {}),
    tone: 'success',
  };
}
