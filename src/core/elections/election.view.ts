import type { MethodId } from '../../counting/types.js';
import { happened, planOf } from './timetable.js';
import { deadlineLine, nextStep } from './timetable.view.js';
import type { CommandContext } from '../kit/context.js';
import type { MessageBody } from '../shared/reply.js';
import type { ContestOptions, Election } from '../shared/election.types.js';

export function contestDefaults(method: MethodId, seats: number): ContestOptions {
  const base: ContestOptions = { allowBlank: true, tieBreak: 'organiser', order: 'shuffled' };
  if (method === 'block') return { ...base, maxMarks: seats };
  if (method === 'approve-oppose') return { ...base, threshold: { share: 0.5, base: 'valid' } };
  if (method === 'score') return { ...base, scoreRange: { min: 0, max: 5 } };
  return base;
}

const ANNOUNCED: readonly Election['phase'][] = ['announced', 'certified', 'archived'];

/** Who was elected, once the result is public: before the announcement only scrutineers see a count. */
async function announcedResults(
  ctx: CommandContext,
  e: Election,
): Promise<{ label: string; value: string }[]> {
  if (!ANNOUNCED.includes(e.phase)) return [];
  const contests = await ctx.tx.contests.list(e.id);
  const results = await ctx.tx.results.list(e.id);
  const lines = contests.map((c) => {
    const r = results.filter((x) => x.contestId === c.id).at(-1)?.result;
    const elected = r
      ? r.winners.map((w) => r.candidates[w]).join(', ') || ctx.t('result.none_elected')
      : '—';
    return `${c.number}. ${c.name}: ${elected}`;
  });
  return [{ label: ctx.t('result.elected'), value: lines.join('\n') || '—' }];
}

export async function describeElection(
  ctx: CommandContext,
  e: Election,
): Promise<Omit<MessageBody, 'text'> & { text: string }> {
  const contests = await ctx.tx.contests.list(e.id);
  const roles = await ctx.tx.roles.list(e.id);
  const roll = await ctx.tx.roll.list(e.id);
  const who = (role: string) =>
    roles
      .filter((r) => r.role === role)
      .map((r) => `<@${r.memberId}>`)
      .join(', ') || '—';
  return {
    title: ctx.t('election.show_title', { number: e.number, title: e.title }),
    text:
      ctx.t('election.show_phase', { phase: ctx.t(`phase.${e.phase}`) }) +
      (e.seal === 'pending' ? ` — ${ctx.t('voting.seal_status', { number: e.number })}` : '') +
      (e.cancelReason ? `\n${ctx.t('election.cancel_reason', { reason: e.cancelReason })}` : ''),
    fields: [
      {
        label: ctx.t('field.contests'),
        value:
          contests
            .map((c) => `${c.number}. ${c.name} — ${c.seats} · ${ctx.t(`method.${c.method}`)}`)
            .join('\n') || '—',
      },
      { label: ctx.t('field.organisers'), value: who('organiser') },
      { label: ctx.t('field.scrutineers'), value: who('scrutineer') },
      { label: ctx.t('field.roll'), value: String(roll.filter((r) => r.status === 'eligible').length) },
      { label: ctx.t('field.channel'), value: e.channelId ? `<#${e.channelId}>` : '—' },
      {
        label: ctx.t('field.settings'),
        value: ctx.t('election.settings_value', {
          seconders: e.settings.seconders,
          self: ctx.t(e.settings.selfNomination ? 'word.yes' : 'word.no'),
          days: e.settings.objectionDays,
        }),
      },
      ...(await nextField(ctx, e)),
      ...(await announcedResults(ctx, e)),
    ],
    tone: 'info',
  };
}

/** What the timetable does next, and when, in the reader's zone (none once the election has ended). */
async function nextField(ctx: CommandContext, e: Election): Promise<{ label: string; value: string }[]> {
  if (['certified', 'archived', 'cancelled'].includes(e.phase)) return [];
  const next = nextStep(await planOf(ctx.tx, e.id), await happened(ctx.tx, e.id), ctx.now);
  return next ? [{ label: ctx.t('field.next'), value: deadlineLine(ctx.reader, next, ctx.now) }] : [];
}
