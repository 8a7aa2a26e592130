// Draws a draft as an ephemeral message: ephemeral so that the choices shown while voting never
// become part of the DM or channel history (workspace exports), and the final state is the receipt.
// Marks and opinions are select menus; scores go one candidate (and criterion) at a time; ranked
// ballots one rank at a time, or typed in a modal.
import type { BallotForm } from '../../../src/core/index.js';
import { escapeDiscordMarkdown as md } from '../../shared/index.js';
import { encodeCustomId } from '../custom-id.js';
import { clip, EPHEMERAL, type DiscordMessage } from '../render/message.js';
import { scoreSteps, type Draft } from './ballot-draft.js';

export const BALLOT_COMMAND = 'discord.ballot';
type T = (key: string, params?: Record<string, string | number>) => string;

export function ballotId(op: string, d: Draft): string {
  return encodeCustomId(BALLOT_COMMAND, { op, e: d.form.election, c: d.form.contest }, d.guildId);
}

export function renderDraft(d: Draft, t: T): DiscordMessage {
  const { form } = d;
  const lines = [form.instructions, '', ...form.options.map((o) => `**${o.number}.** ${md(o.name)}${o.statement ? ` — ${md(o.statement)}` : ''}`)];
  const progress = progressLine(d, t);
  if (progress) lines.push('', progress);
  if (d.error) lines.unshift(`⚠️ ${d.error}`, '');
  const embed = { title: clip(`${form.electionTitle} — ${form.contestName}`, 256), description: clip(lines.join('\n'), 4096), color: d.error ? 0xed4245 : 0x5865f2 };
  return { embeds: [embed], components: componentsFor(d, t), flags: EPHEMERAL, allowed_mentions: { parse: [] } };
}

function progressLine(d: Draft, t: T): string | undefined {
  const { form } = d;
  if (form.kind === 'ranking') {
    if (d.ranking.length === 0) return undefined;
    // names and statements are member-written: escaped so they cannot restyle the ballot
    const names = d.ranking.map((n, i) => `${i + 1}\\. ${md(nameOf(form, n))}`);
    return `${t('discord.ballot.your_ranking')}\n${names.join('\n')}`;
  }
  if (form.kind === 'scores' || form.kind === 'criteria') {
    const steps = scoreSteps(form);
    return d.stepScores.length >= steps.length ? t('discord.ballot.review') : t('discord.ballot.step', { step: d.stepScores.length + 1, total: steps.length });
  }
  return undefined;
}

function componentsFor(d: Draft, t: T): unknown[] {
  const { form } = d;
  const rows: unknown[] = [];
  const options = (exclude: number[] = [], selected: number[] = []) =>
    form.options
      .filter((o) => !exclude.includes(o.number))
      .slice(0, 25)
      .map((o) => ({
        label: clip(o.name, 100),
        value: String(o.number),
        ...(o.statement ? { description: clip(o.statement, 100) } : {}),
        ...(selected.includes(o.number) ? { default: true } : {}),
      }));
  const select = (op: string, placeholder: string, opts: unknown[], min: number, max: number) => ({
    type: 1,
    components: [{ type: 3, custom_id: ballotId(op, d), placeholder: clip(placeholder, 150), options: opts, min_values: min, max_values: Math.max(1, max) }],
  });
  const buttons: unknown[] = [];
  const button = (op: string, label: string, style: number, disabled = false) =>
    buttons.push({ type: 2, style, label: clip(label, 80), custom_id: ballotId(op, d), disabled });

  switch (form.kind) {
    case 'marks': {
      const opts = options([], d.marks);
      rows.push(select('marks', t('discord.ballot.marks_placeholder', { max: form.maxChoices }), opts, 0, Math.min(form.maxChoices, opts.length)));
      break;
    }
    case 'opinions': {
      const n = Math.min(form.options.length, 25);
      rows.push(select('approve', t('discord.ballot.approve_placeholder'), options(d.oppose, d.approve), 0, n));
      rows.push(select('oppose', t('discord.ballot.oppose_placeholder'), options(d.approve, d.oppose), 0, n));
      break;
    }
    case 'scores':
    case 'criteria': {
      const steps = scoreSteps(form);
      const step = steps[d.stepScores.length];
      if (step) {
        const range = form.scoreRange ?? { min: form.kind === 'criteria' ? 1 : 0, max: 5 };
        const values = [];
        for (let v = range.min; v <= range.max && values.length < 25; v++) values.push({ label: String(v), value: String(v) });
        const name = form.options[step.option].name;
        const placeholder =
          step.criterion === undefined
            ? t('discord.ballot.score_placeholder', { name })
            : t('discord.ballot.criterion_placeholder', { name, criterion: form.criteria?.[step.criterion] ?? String(step.criterion + 1) });
        rows.push(select('score', placeholder, values, 1, 1));
        button('skip', t('discord.ballot.skip'), 2);
      }
      break;
    }
    case 'ranking': {
      const rest = options(d.ranking);
      if (d.ranking.length < form.maxChoices && rest.length > 0) {
        rows.push(select('rank', t('discord.ballot.rank_placeholder', { rank: d.ranking.length + 1 }), rest, 1, 1));
      }
      button('typed', t('discord.ballot.type_ranking'), 2);
      break;
    }
  }
  button('reset', t('discord.ballot.reset'), 2);
  button('submit', t('discord.ballot.submit'), 1, !canSubmit(d));
  rows.push({ type: 1, components: buttons });
  return rows;
}

function canSubmit(d: Draft): boolean {
  const { form } = d;
  if (form.kind === 'ranking') return d.ranking.length >= form.minChoices || (form.allowBlank && d.ranking.length === 0);
  if (form.kind === 'scores' || form.kind === 'criteria') return d.stepScores.length >= scoreSteps(form).length;
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
          { type: 4, custom_id: 'ranking', style: 1, label: clip(t('discord.ballot.modal_label'), 45), placeholder: clip(t('discord.ballot.modal_placeholder'), 100), required: true, max_length: 200 },
        ],
      },
    ],
  };
}
