import type { MethodId } from '../../counting/types.js';
import type { CommandContext } from '../commands/context.js';
import type { MessageBody } from '../commands/reply.js';
import type { ContestOptions, Election } from './election.types.js';

export function contestDefaults(method: MethodId, seats: number): ContestOptions {
  const base: ContestOptions = { allowBlank: true, tieBreak: 'organiser', order: 'shuffled' };
  if (method === 'block') return { ...base, maxMarks: seats };
  if (method === 'approve-oppose') return { ...base, threshold: { share: 0.5, base: 'valid' } };
  if (method === 'score') return { ...base, scoreRange: { min: 0, max: 5 } };
  return base;
}

export async function describeElection(ctx: CommandContext, e: Election): Promise<Omit<MessageBody, 'text'> & { text: string }> {
  const contests = await ctx.tx.contests.list(e.id);
  const roles = await ctx.tx.roles.list(e.id);
  const roll = await ctx.tx.roll.list(e.id);
  const who = (role: string) => roles.filter((r) => r.role === role).map((r) => `<@${r.memberId}>`).join(', ') || '—';
  return {
    title: ctx.t('election.show_title', { number: e.number, title: e.title }),
    text:
      ctx.t('election.show_phase', { phase: ctx.t(`phase.${e.phase}`) }) +
      (e.seal === 'pending' ? ` — ${ctx.t('voting.seal_status', { number: e.number })}` : '') +
      (e.cancelReason ? `\n${ctx.t('election.cancel_reason', { reason: e.cancelReason })}` : ''),
    fields: [
      { label: ctx.t('field.contests'), value: contests.map((c) => `${c.number}. ${c.name} — ${c.seats} · ${ctx.t(`method.${c.method}`)}`).join('\n') || '—' },
      { label: ctx.t('field.organisers'), value: who('organiser') },
      { label: ctx.t('field.scrutineers'), value: who('scrutineer') },
      { label: ctx.t('field.roll'), value: String(roll.filter((r) => r.status === 'eligible').length) },
      { label: ctx.t('field.channel'), value: e.channelId ? `<#${e.channelId}>` : '—' },
    ],
    tone: 'info',
  };
}
