// How the timetable reads: the plan with what has happened and what comes next (`/election timeline`),
// the deadline line a phase's notice carries, and the line a late notice says it is late with.

import type { Reader } from '../kit/context.js';
import type { Election } from '../shared/election.types.js';
import { formatDeadline, formatDuration, formatTime } from '../shared/time.js';
import { STEPS, type Step, type TimetableEntry } from './timetable.types.js';

/** A notice more than this long after its planned time says it is late. */
export const LATE_AFTER_MS = 60_000;

export function when(r: Reader, at: Date | string, now: Date): string {
  return formatDeadline(new Date(at), r.zone, r.locale, now);
}

/** The next planned step after `now` that has not happened: what a phase's notice tells members to expect. */
export function nextStep(
  plan: ReadonlyMap<Step, TimetableEntry>,
  done: ReadonlyMap<string, Date>,
  now: Date,
): TimetableEntry | undefined {
  return [...plan.values()]
    .filter((p) => !done.has(p.step) && new Date(p.at) > now)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : STEPS.indexOf(a.step) - STEPS.indexOf(b.step)))[0];
}

/** "Voting closes Fri 18 Dec 17:00 UTC (in 2 days)." */
export function deadlineLine(r: Reader, entry: TimetableEntry, now: Date): string {
  return r.t(`timeline.next.${entry.step}`, { when: when(r, entry.at, now) });
}

/** "Voting opened at Mon 14 Dec 09:00 UTC; this notice is 2 h late because Teller was not running." */
export function lateLine(
  r: Reader,
  step: Step,
  plannedFor: Date,
  now: Date,
  retried = false,
): string | undefined {
  const late = now.getTime() - plannedFor.getTime();
  if (late <= LATE_AFTER_MS) return undefined;
  return r.t(retried ? 'timeline.late_retried' : 'timeline.late', {
    event: r.t(`timeline.done.${step}`),
    at: formatTime(plannedFor, r.zone, r.locale, now),
    late: formatDuration(late, r.locale),
  });
}

const item = (r: Reader, label: string, time: string) => r.t('timeline.item', { label, time });

export interface TimelineInput {
  election: Election;
  plan: ReadonlyMap<Step, TimetableEntry>;
  done: ReadonlyMap<Step | 'announce', Date>;
  overrides: { at: string; step: string; reason: string; actor: string }[];
  zone: string;
}

/** The whole timeline, in the reader's language and the organisation's zone. */
export function timelineText(r: Reader, input: TimelineInput, now: Date): string {
  const { election: e, plan, done } = input;
  const lines = [r.t('timeline.title', { number: e.number, title: e.title, zone: input.zone })];
  const z: Reader = { ...r, zone: input.zone };
  // once the election has ended, what was planned and never happened is no longer a plan
  const ended = ['certified', 'archived', 'cancelled'].includes(e.phase);
  const shown = STEPS.filter((s) => (plan.has(s) && !ended) || done.has(s));
  for (const step of shown) {
    const planned = plan.get(step);
    const happened = done.get(step);
    const label = r.t(`timeline.step.${step}`);
    if (happened) {
      const late =
        planned && happened.getTime() - new Date(planned.at).getTime() > LATE_AFTER_MS
          ? r.t('timeline.was_planned', { at: formatTime(new Date(planned.at), z.zone, z.locale, now) })
          : '';
      lines.push(`✓ ${item(r, label, formatTime(happened, z.zone, z.locale, now))}${late}`);
    } else if (planned && new Date(planned.at) <= now) {
      lines.push(`! ${item(r, label, when(z, planned.at, now))} ${r.t('timeline.overdue')}`);
    } else if (planned) {
      lines.push(`• ${item(r, label, when(z, planned.at, now))}`);
    }
    if (step === 'voting-close' && done.has('announce'))
      lines.push(
        `✓ ${item(r, r.t('timeline.step.announce'), formatTime(done.get('announce')!, z.zone, z.locale, now))}`,
      );
  }
  if (shown.length === 0) lines.push(r.t('timeline.empty', { number: e.number }));
  for (const o of input.overrides)
    lines.push(
      r.t('timeline.override_line', {
        at: formatTime(new Date(o.at), z.zone, z.locale, now),
        step: r.t(`timeline.step.${o.step}`),
        reason: o.reason,
        actor: o.actor,
      }),
    );
  const next = ended ? undefined : nextStep(plan, done as ReadonlyMap<string, Date>, now);
  if (next) lines.push(r.t('timeline.next_is', { what: deadlineLine(z, next, now) }));
  lines.push(r.t(`timeline.now.${e.phase}`, { number: e.number }));
  return lines.join('\n');
}
