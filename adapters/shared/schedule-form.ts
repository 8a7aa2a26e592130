// The timetable form, as both platforms offer it for `/election schedule <election>` typed with no
// times: one text field per step that has not happened yet, prefilled with the plan as the organisation's
// wall clock (`2026-12-14 09:00`, what election.schedule reads back as the same instant). Submitting
// runs election.schedule with what the organiser changed, through the same dispatch as typed commands.
//
// What a submitted field means: left as shown, or emptied, keeps the step as it is; `none` unplans it
// (the core reads it); anything else is passed on as typed, a time or a duration, for the core to read.
// Only changed fields are sent, so a prefilled time that has since passed, or an unchanged step, is never
// "planned again" and refused.
//
// The form carries a stamp of what it showed. Another organiser (or the clock) may change the plan while
// the form is open; a submit whose stamp no longer matches the plan is refused rather than applied, since
// "unchanged" would then mean a time the member never saw.
import { createHash } from 'node:crypto';
import type { TimetableSummary } from '../../src/core/index.js';

export const OVERRIDE_FIELD = 'override';

export interface ScheduleField {
  step: string;
  /** the step's argument in election.schedule, and the field's id in the form */
  arg: string;
  /** what the field shows: the planned time, or '' when unplanned */
  value: string;
}

/** the steps a form offers (those that have not happened), optionally only some of them */
export function scheduleFields(plan: TimetableSummary, only?: readonly string[]): ScheduleField[] {
  return plan.steps
    .filter((s) => !s.happened && (!only || only.includes(s.step)))
    .map((s) => ({ step: s.step, arg: s.arg, value: s.plannedText ?? '' }));
}

/** a short fingerprint of the fields as a form showed them */
export function stampOf(fields: readonly ScheduleField[]): string {
  const shown = fields.map((f) => `${f.arg}=${f.value}`).join('\n');
  return createHash('sha256').update(shown).digest('base64url').slice(0, 12);
}

export type ScheduleSubmit = { kind: 'args'; args: Record<string, string> } | { kind: 'stale' };

/**
 * election.schedule's arguments for a submitted form: the election, each field the member changed, and
 * the override reason if one was given. `current` is the plan now, for the fields the form showed.
 */
export function scheduleArgs(
  election: string,
  stamp: string,
  current: readonly ScheduleField[],
  typed: Readonly<Record<string, string | undefined>>,
): ScheduleSubmit {
  if (stampOf(current) !== stamp) return { kind: 'stale' };
  const args: Record<string, string> = { election };
  for (const f of current) {
    const value = (typed[f.arg] ?? '').trim();
    if (value !== '' && value !== f.value) args[f.arg] = value;
  }
  const override = (typed[OVERRIDE_FIELD] ?? '').trim();
  if (override !== '') args[OVERRIDE_FIELD] = override;
  return { kind: 'args', args };
}

/** `3` or `#3` as an election number; undefined for anything else (left to the core to refuse) */
export function electionNumber(token: string): number | undefined {
  const m = /^#?(\d{1,9})$/.exec(token.trim());
  return m ? Number(m[1]) : undefined;
}
