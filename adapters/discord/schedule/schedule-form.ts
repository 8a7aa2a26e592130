// The timetable form on Discord (adapters/shared/schedule-form.ts says what its fields mean).
//
// A Discord modal holds at most 5 text inputs; the timetable has 8 steps and an override reason. So it
// comes in two parts, split where the review is: `early` is what happens before the candidates are
// known (the roll's objection window and the nomination period), `late` what follows (the candidates'
// public notice, voting and the result's notice). Four steps each leaves room for the override reason in
// both, and each part holds both ends of every notice period it can cut short (roll published ->
// objections close in the first; candidates published -> voting opens, and the announcement ->
// certification, in the second), so the reason a short period needs is asked in the same modal.
//
// A modal can only be the first answer to a command or a button, never to another modal, so the parts
// cannot follow one another by themselves: `/election schedule 3` answers with the timeline and one
// button per part that still has steps to plan (a "which part" select would cost the same click and
// hide the plan), and each submit answers with the timeline and the buttons again. When only one part
// has steps left (later in the election), its modal opens at once.
import type { Reply, TimetableSummary } from '../../../src/core/index.js';
import { clip, OVERRIDE_FIELD, type ScheduleField, scheduleFields, stampOf } from '../../shared/index.js';
import { encodeCustomId } from '../custom-id.js';

/** the component id prefix of the parts' buttons and modals: Discord's own, never dispatched */
export const SCHEDULE_FORM = 'discord.schedule';

export const PARTS = {
  early: ['roll-publish', 'roll-objections-close', 'nominations-open', 'nominations-close'],
  late: ['candidates-publish', 'voting-open', 'voting-close', 'certify'],
} as const;
export type Part = keyof typeof PARTS;

type T = (key: string, params?: Record<string, string | number>) => string;

export function isPart(p: string | undefined): p is Part {
  return p === 'early' || p === 'late';
}

export function partFields(plan: TimetableSummary, part: Part): ScheduleField[] {
  return scheduleFields(plan, PARTS[part]);
}

/** the parts that still have a step to plan, in order */
export function partsLeft(plan: TimetableSummary | undefined): Part[] {
  if (!plan) return [];
  return (Object.keys(PARTS) as Part[]).filter((p) => partFields(plan, p).length > 0);
}

export function scheduleModal(
  election: string,
  part: Part,
  fields: readonly ScheduleField[],
  zone: string,
  t: T,
): Record<string, unknown> {
  const input = (id: string, label: string, extra: Record<string, unknown>) => ({
    type: 1,
    components: [{ type: 4, custom_id: id, style: 1, label: clip(label, 45), required: false, ...extra }],
  });
  return {
    custom_id: encodeCustomId(SCHEDULE_FORM, { op: 'submit', e: election, p: part, s: stampOf(fields) }),
    title: clip(
      t('discord.schedule.modal_title', { number: election, part: t(`discord.schedule.part.${part}`) }),
      45,
    ),
    components: [
      ...fields.map((f) =>
        input(f.arg, t(`discord.schedule.step.${f.step}`), {
          max_length: 40,
          placeholder: clip(t('discord.schedule.placeholder', { zone }), 100),
          ...(f.value ? { value: f.value } : {}),
        }),
      ),
      input(OVERRIDE_FIELD, t('discord.schedule.override'), { max_length: 500 }),
    ],
  };
}

/** a reply with, under it, one button per part still to plan (and a line saying what they are for) */
export function withPartButtons(
  reply: Reply,
  election: string,
  parts: readonly Part[],
  zone: string,
  t: T,
  lead?: string,
): { reply: Reply; buttons: unknown[] } {
  const intro = [lead, parts.length > 0 ? t('discord.schedule.choose', { zone }) : undefined].filter(Boolean);
  const text = [...intro, reply.body.text].join('\n\n');
  const buttons =
    parts.length === 0
      ? []
      : [
          {
            type: 1,
            components: parts.map((p) => ({
              type: 2,
              style: 1,
              label: clip(t('discord.schedule.open', { part: t(`discord.schedule.part.${p}`) }), 80),
              custom_id: encodeCustomId(SCHEDULE_FORM, { op: 'open', e: election, p }),
            })),
          },
        ];
  return { reply: { ...reply, body: { ...reply.body, text } }, buttons };
}

/** every text input of a submitted modal, by its custom id */
// biome-ignore lint/suspicious/noExplicitAny: the raw modal payload, whose nesting discord.js does not type
export function modalValues(data: any): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of data?.components ?? [])
    for (const c of row.components ?? [])
      if (typeof c.custom_id === 'string') out[c.custom_id] = String(c.value ?? '');
  return out;
}
