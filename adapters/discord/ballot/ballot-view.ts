// Draws a draft as an ephemeral message: ephemeral so that the choices shown while voting never
// become part of the DM or channel history (workspace exports), and the final state is the receipt.
// Marks and opinions are select menus; scores go one candidate (and criterion) at a time; ranked
// ballots one rank at a time, or typed in a modal. Long candidate lists take several selects and pages
// (ballot-pages.ts), so every candidate can be chosen on every ballot.
import type { BallotForm } from '../../../src/core/index.js';
import { escapeDiscordMarkdown as md } from '../../shared/index.js';
import { encodeCustomId } from '../custom-id.js';
import { clip, EPHEMERAL, type DiscordMessage } from '../render/message.js';
import { scoreSteps, type Draft } from './ballot-draft.js';
import { OPTIONS_PER_SELECT, pageOf, type Chunk } from './ballot-pages.js';

export const BALLOT_COMMAND = 'discord.ballot';
type T = (key: string, params?: Record<string, string | number>) => string;

/** `k` names which select of several sent a pick (custom ids must differ within a message) */
export function ballotId(op: string, d: Draft, chunk?: number): string {
  return encodeCustomId(
    BALLOT_COMMAND,
    { op, e: d.form.election, c: d.form.contest, ...(chunk === undefined ? {} : { k: String(chunk) }) },
    d.guildId,
  );
}

export function renderDraft(d: Draft, t: T): DiscordMessage {
  const { form } = d;
  const page = paged(d) ? pageOf(d) : undefined;
  // one page: every candidate, as before; several: the candidates this page's selects offer
  const listed = page ? page.chunks.flatMap((c) => c.options) : form.options;
  const lines = [
    form.instructions,
    '',
    ...listed.map((o) => `**${o.number}.** ${md(o.name)}${o.statement ? ` — ${md(o.statement)}` : ''}`),
  ];
  if (page && page.total > 0)
    lines.push(
      '',
      t('discord.ballot.page', {
        from: page.from,
        to: page.to,
        total: page.total,
        page: page.page + 1,
        pages: page.pages,
      }),
    );
  const progress = progressLine(d, t, page !== undefined);
  if (progress) lines.push('', progress);
  if (d.error) lines.unshift(`⚠️ ${d.error}`, '');
  const embed = {
    title: clip(`${form.electionTitle} — ${form.contestName}`, 256),
    description: clip(lines.join('\n'), 4096),
    color: d.error ? 0xed4245 : 0x5865f2,
  };
  return {
    embeds: [embed],
    components: componentsFor(d, t),
    flags: EPHEMERAL,
    allowed_mentions: { parse: [] },
  };
}

/** whether the candidates need more than one select of a kind, so picks on other selects are not in view */
function paged(d: Draft): boolean {
  return ['marks', 'opinions', 'ranking'].includes(d.form.kind) && pageOf(d).totalChunks > 1;
}

function progressLine(d: Draft, t: T, paginated: boolean): string | undefined {
  const { form } = d;
  // names and statements are member-written: escaped so they cannot restyle the ballot
  const names = (ns: number[]) => ns.map((n) => md(nameOf(form, n))).join(', ');
  if (form.kind === 'ranking') {
    if (d.ranking.length === 0) return undefined;
    const ranked = d.ranking.map((n, i) => `${i + 1}\\. ${md(nameOf(form, n))}`);
    return `${t('discord.ballot.your_ranking')}\n${ranked.join('\n')}`;
  }
  if (form.kind === 'scores' || form.kind === 'criteria') {
    const steps = scoreSteps(form);
    return d.stepScores.length >= steps.length
      ? t('discord.ballot.review')
      : t('discord.ballot.step', { step: d.stepScores.length + 1, total: steps.length });
  }
  // with several selects a pick on another page is out of sight: say what is picked so far
  if (!paginated) return undefined;
  if (form.kind === 'marks')
    return d.marks.length > 0 ? t('discord.ballot.your_marks', { names: names(d.marks) }) : undefined;
  if (d.approve.length + d.oppose.length === 0) return undefined;
  return t('discord.ballot.your_opinions', {
    approve: names(d.approve) || '—',
    oppose: names(d.oppose) || '—',
  });
}

function componentsFor(d: Draft, t: T): unknown[] {
  const { form } = d;
  const rows: unknown[] = [];
  const page = pageOf(d);
  const optionsOf = (chunk: Chunk, exclude: number[] = [], selected: number[] = []) =>
    chunk.options
      .filter((o) => !exclude.includes(o.number))
      .map((o) => ({
        label: clip(o.name, 100),
        value: String(o.number),
        ...(o.statement ? { description: clip(o.statement, 100) } : {}),
        ...(selected.includes(o.number) ? { default: true } : {}),
      }));
  // A select needs at least one option, and may not allow more picks than it offers.
  const select = (
    op: string,
    chunk: Chunk | undefined,
    placeholder: string,
    opts: unknown[],
    min: number,
    max: number,
  ) => {
    if (opts.length === 0) return;
    const label =
      chunk && page.totalChunks > 1 ? `${placeholder} (${chunk.index + 1}/${page.totalChunks})` : placeholder;
    rows.push({
      type: 1,
      components: [
        {
          type: 3,
          custom_id: ballotId(op, d, chunk?.index),
          placeholder: clip(label, 150),
          options: opts,
          min_values: Math.min(min, opts.length),
          max_values: Math.max(1, Math.min(max, opts.length)),
        },
      ],
    });
  };
  const buttons: unknown[] = [];
  const button = (op: string, label: string, style: number, disabled = false) =>
    buttons.push({ type: 2, style, label: clip(label, 80), custom_id: ballotId(op, d), disabled });

  switch (form.kind) {
    case 'marks':
      for (const chunk of page.chunks)
        select(
          'marks',
          chunk,
          t('discord.ballot.marks_placeholder', { max: form.maxChoices }),
          optionsOf(chunk, [], d.marks),
          0,
          form.maxChoices,
        );
      break;
    case 'opinions':
      for (const chunk of page.chunks) {
        select(
          'approve',
          chunk,
          t('discord.ballot.approve_placeholder'),
          optionsOf(chunk, d.oppose, d.approve),
          0,
          OPTIONS_PER_SELECT,
        );
        select(
          'oppose',
          chunk,
          t('discord.ballot.oppose_placeholder'),
          optionsOf(chunk, d.approve, d.oppose),
          0,
          OPTIONS_PER_SELECT,
        );
      }
      break;
    case 'scores':
    case 'criteria': {
      const steps = scoreSteps(form);
      const step = steps[d.stepScores.length];
      if (step) {
        const range = form.scoreRange ?? { min: form.kind === 'criteria' ? 1 : 0, max: 5 };
        const values = [];
        for (let v = range.min; v <= range.max && values.length < OPTIONS_PER_SELECT; v++)
          values.push({ label: String(v), value: String(v) });
        const name = form.options[step.option].name;
        const placeholder =
          step.criterion === undefined
            ? t('discord.ballot.score_placeholder', { name })
            : t('discord.ballot.criterion_placeholder', {
                name,
                criterion: form.criteria?.[step.criterion] ?? String(step.criterion + 1),
              });
        select('score', undefined, placeholder, values, 1, 1);
        button('skip', t('discord.ballot.skip'), 2);
      }
      break;
    }
    case 'ranking': {
      if (d.ranking.length < form.maxChoices) {
        for (const chunk of page.chunks)
          select(
            'rank',
            chunk,
            t('discord.ballot.rank_placeholder', { rank: d.ranking.length + 1 }),
            optionsOf(chunk),
            1,
            1,
          );
      }
      button('typed', t('discord.ballot.type_ranking'), 2);
      break;
    }
  }
  // R5, C4: members not on the list, from the server's member picker (Discord gives their ids)
  if (form.writeIns && (form.kind === 'marks' || form.kind === 'opinions'))
    rows.push({
      type: 1,
      components: [
        {
          type: 5,
          custom_id: ballotId('writein', d),
          placeholder: clip(t('discord.ballot.write_in_placeholder'), 150),
          min_values: 0,
          max_values: form.writeIns,
          ...(d.writeIns.length > 0
            ? { default_values: d.writeIns.map((id) => ({ id, type: 'user' })) }
            : {}),
        },
      ],
    });
  if (page.pages > 1 && ['marks', 'opinions', 'ranking'].includes(form.kind)) {
    button('prev', t('discord.ballot.previous_page'), 2, page.page === 0);
    button('next', t('discord.ballot.next_page'), 2, page.page >= page.pages - 1);
  }
  button('reset', t('discord.ballot.reset'), 2);
  button('submit', t('discord.ballot.submit'), 1, !canSubmit(d));
  rows.push({ type: 1, components: buttons });
  return rows;
}

function canSubmit(d: Draft): boolean {
  const { form } = d;
  if (form.kind === 'ranking')
    return d.ranking.length >= form.minChoices || (form.allowBlank && d.ranking.length === 0);
  if (form.kind === 'scores' || form.kind === 'criteria')
    return d.stepScores.length >= scoreSteps(form).length;
  // marks and opinions: the core checks counts and says what is wrong, shown inline
  return true;
}

function nameOf(form: BallotForm, n: number): string {
  return form.options.find((o) => o.number === n)?.name ?? String(n);
}

/** the modal for typing a ranking: candidate numbers in order of preference */
export function rankingModal(d: Draft, t: T): unknown {
  return {
    custom_id: ballotId('typed', d),
    title: clip(t('discord.ballot.modal_title'), 45),
    components: [
      {
        type: 1,
        components: [
          {
            type: 4,
            custom_id: 'ranking',
            style: 1,
            label: clip(t('discord.ballot.modal_label'), 45),
            placeholder: clip(t('discord.ballot.modal_placeholder'), 100),
            required: true,
            max_length: 200,
          },
        ],
      },
    ],
  };
}
