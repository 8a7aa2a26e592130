// The election's timetable: which command each planned step runs, the periods the steps bound and the
// minimum each period has, and the jobs a plan needs (the step itself, voters' reminders, organisers'
// reminders). Steps run through the same command path an organiser's typing does: the job runner asks
// dispatch to run the step's command as Teller, with the same checks, audit and posts.

import type { Tx } from '../kit/store.js';
import type { Election } from '../shared/election.types.js';
import { PHASE_MOVES } from './election.phases.js';
import { presetOf, type RuleDays } from '../shared/presets.js';
import { STEPS, type Step, type TimetableEntry } from './timetable.types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The command each step runs when it comes due: the phase table's row that names the step, and for the
 * roll's two steps (notices, not moves) the roll's commands.
 */
export const STEP_COMMAND: Record<Step, string> = {
  'roll-publish': 'roll.show',
  'roll-objections-close': 'roll.objections.close',
  ...(Object.fromEntries(PHASE_MOVES.filter((m) => m.step).map((m) => [m.step, m.command])) as Record<
    Exclude<Step, 'roll-publish' | 'roll-objections-close'>,
    string
  >),
};

/** The audit event that says a step happened (its time is when it did). */
export const STEP_EVENT: Record<Step, string> = {
  'roll-publish': 'roll.published',
  'roll-objections-close': 'roll.objections_closed',
  'nominations-open': 'phase.nominating',
  'nominations-close': 'phase.reviewing',
  'candidates-publish': 'phase.published',
  'voting-open': 'phase.voting',
  'voting-close': 'phase.closed',
  certify: 'phase.certified',
};

/** Arguments a step's command needs beyond the election: publishing the roll is `roll show publish=yes`. */
export const STEP_ARGS: Partial<Record<Step, Record<string, string>>> = {
  'roll-publish': { publish: 'yes' },
};

export function stepOfCommand(command: string): Step | undefined {
  return STEPS.find((s) => STEP_COMMAND[s] === command);
}

/**
 * Steps that must come in this order when both are planned. The roll's window is its own chain, and
 * must close before voting opens.
 */
const CHAINS: readonly (readonly Step[])[] = [
  ['nominations-open', 'nominations-close', 'candidates-publish', 'voting-open', 'voting-close', 'certify'],
  ['roll-publish', 'roll-objections-close', 'voting-open'],
];

/** The first pair of steps out of order; steps that both happened already are history, not a plan. */
export function orderProblem(
  plan: ReadonlyMap<Step, Date>,
  done: ReadonlySet<Step> = new Set(),
): { early: Step; late: Step } | undefined {
  for (const chain of CHAINS) {
    let last: { step: Step; at: Date } | undefined;
    for (const step of chain) {
      const at = plan.get(step);
      if (!at) continue;
      const history = done.has(step) && last !== undefined && done.has(last.step);
      if (last && !history && at.getTime() <= last.at.getTime()) return { early: last.step, late: step };
      last = { step, at };
    }
  }
  return undefined;
}

/** The step a duration is counted from: the nearest earlier step of its chain that has a time. */
export function previousStep(step: Step, plan: ReadonlyMap<Step, Date>): Date | undefined {
  for (const chain of CHAINS) {
    const i = chain.indexOf(step);
    for (let j = i - 1; j >= 0; j--) {
      const at = plan.get(chain[j]);
      if (at) return at;
    }
  }
  return undefined;
}

export type Period = 'roll-objections' | 'candidate-notice' | 'result-notice';

export interface Minimum {
  period: Period;
  ms: number;
  /** the rule it comes from, cited to members: `C15`, or the election's own setting */
  rule: string;
}

/** Teller's default minimum for the result's public notice (RULES C15: at least 3 days). */
export const RESULT_NOTICE_MIN_DAYS = 3;

/**
 * The minimum of each notice period under the election's rules. The next issue's presets raise them
 * (C10 for the roll, C11 for the candidate list); today the election's own settings set them, and the
 * result notice has Teller's default of 3 days (C15) under them.
 */
export function minimums(e: Election): Minimum[] {
  const s = e.settings;
  const preset = presetOf(s);
  // the longer of the election's own setting and its rules' minimum, citing whichever it is
  const longer = (period: Period, days: number, setting: string, rule?: RuleDays): Minimum =>
    rule && rule.days >= days
      ? { period, ms: rule.days * DAY, rule: rule.rule }
      : { period, ms: days * DAY, rule: setting };
  return [
    longer(
      'roll-objections',
      s.rollObjectionDays ?? 0,
      'setting.roll_objection_days',
      preset?.rollObjections,
    ),
    longer(
      'candidate-notice',
      s.candidateNoticeDays ?? 0,
      'setting.candidate_notice_days',
      preset?.candidateNotice,
    ),
    s.objectionDays > RESULT_NOTICE_MIN_DAYS
      ? { period: 'result-notice', ms: s.objectionDays * DAY, rule: 'setting.objection_days' }
      : { period: 'result-notice', ms: RESULT_NOTICE_MIN_DAYS * DAY, rule: 'C15' },
  ];
}

/** The period a step ends, and the step (or phase) that starts it. */
export const PERIOD_ENDED_BY: Partial<Record<Step, { period: Period; from: Step | 'announce' }>> = {
  'roll-objections-close': { period: 'roll-objections', from: 'roll-publish' },
  'voting-open': { period: 'candidate-notice', from: 'candidates-publish' },
  certify: { period: 'result-notice', from: 'announce' },
};

export function minimumOf(e: Election, period: Period): Minimum {
  return minimums(e).find((m) => m.period === period)!;
}

/** When each step happened, from the audit chain (the last time, if it happened more than once). */
export async function happened(
  tx: { audit: Pick<Tx['audit'], 'list'> },
  electionId: string,
): Promise<Map<Step | 'announce', Date>> {
  const events = new Map<string, Step | 'announce'>(STEPS.map((s) => [STEP_EVENT[s], s]));
  events.set('phase.announced', 'announce');
  const out = new Map<Step | 'announce', Date>();
  for (const a of await tx.audit.list(electionId)) {
    // a further round opens voting again: its close, announcement and certification are still to come
    const again = a.data.from === 'counted' || a.data.from === 'announced';
    if (a.event === 'phase.voting' && again)
      for (const later of ['voting-close', 'announce', 'certify'] as const) out.delete(later);
    // nominations re-opened for seats RON won: everything after nominations opening is to come again
    if (a.event === 'phase.nominating' && again)
      for (const later of [
        'nominations-close',
        'candidates-publish',
        'voting-open',
        'voting-close',
        'announce',
        'certify',
      ] as const)
        out.delete(later);
    const step = events.get(a.event);
    if (step) out.set(step, new Date(a.at));
  }
  return out;
}

export async function planOf(tx: Tx, electionId: string): Promise<Map<Step, TimetableEntry>> {
  const entries = await tx.timetable.list(electionId);
  return new Map(entries.map((e) => [e.step, e]));
}

export const STEP_JOB = 'timetable.step';
export const REMIND_JOB = 'voting.reminder';
export const ORGANISER_JOB = 'organisers.reminder';

export const stepJobKey = (electionId: string, step: Step, at: string) => `step:${electionId}:${step}:${at}`;

/** Hours before voting closes at which voters who have not voted are reminded, by default. */
export const DEFAULT_REMINDER_HOURS: readonly number[] = [24, 1];

/** What organisers are reminded of, how long before which step, and in which phases it still applies. */
const ORGANISER_REMINDERS: readonly {
  about: string;
  step: Step;
  beforeMs: number;
  phases: readonly Election['phase'][];
}[] = [
  { about: 'review_due', step: 'candidates-publish', beforeMs: DAY, phases: ['nominating', 'reviewing'] },
  { about: 'publish_due', step: 'voting-open', beforeMs: DAY, phases: ['nominating', 'reviewing'] },
  { about: 'count_due', step: 'voting-close', beforeMs: -HOUR, phases: ['closed'] },
];

interface Planner {
  tx: Tx;
  now: Date;
  schedule(job: {
    kind: string;
    dedupeKey: string;
    runAt: string;
    payload?: Record<string, string | number | boolean | null>;
  }): Promise<boolean>;
}

/**
 * The jobs one step's time needs, replacing those of its previous time: the step itself, and the
 * reminders counted from it. Written in the caller's transaction, so the plan and its jobs commit together.
 */
export async function planStep(
  p: Planner,
  e: Election,
  step: Step,
  at: Date | undefined,
  previous: Date | undefined,
): Promise<void> {
  const nowIso = p.now.toISOString();
  if (previous) {
    for (const key of jobKeys(e, step, previous)) await p.tx.jobs.cancelByKey(key, nowIso);
  }
  if (!at) return;
  const atIso = at.toISOString();
  await p.schedule({
    kind: STEP_JOB,
    dedupeKey: stepJobKey(e.id, step, atIso),
    runAt: atIso,
    payload: { step, at: atIso },
  });
  if (step === 'voting-close') {
    const hours = [...(e.settings.reminderHours ?? DEFAULT_REMINDER_HOURS)].sort((a, b) => b - a);
    for (let i = 0; i < hours.length; i++) {
      const runAt = at.getTime() - hours[i] * HOUR;
      if (runAt <= p.now.getTime()) continue;
      // a reminder that comes due after the next one's time (Teller was down) is skipped, not doubled
      const next = hours[i + 1];
      await p.schedule({
        kind: REMIND_JOB,
        dedupeKey: remindKey(e.id, hours[i], atIso),
        runAt: new Date(runAt).toISOString(),
        payload: {
          hours: hours[i],
          skipAfter: next === undefined ? atIso : new Date(at.getTime() - next * HOUR).toISOString(),
        },
      });
    }
  }
  for (const r of ORGANISER_REMINDERS) {
    if (r.step !== step) continue;
    const runAt = at.getTime() - r.beforeMs;
    if (runAt <= p.now.getTime()) continue;
    await p.schedule({
      kind: ORGANISER_JOB,
      dedupeKey: organiserKey(e.id, r.about, atIso),
      runAt: new Date(runAt).toISOString(),
      payload: { about: r.about, phases: r.phases.join(',') },
    });
  }
}

/** After the announcement with no planned certification: remind the organisers when the notice ends. */
export async function planCertifyReminder(p: Planner, e: Election, endsAt: Date): Promise<void> {
  await p.schedule({
    kind: ORGANISER_JOB,
    dedupeKey: organiserKey(e.id, 'certify_due', endsAt.toISOString()),
    runAt: endsAt.toISOString(),
    payload: { about: 'certify_due', phases: 'announced' },
  });
}

/** After a count, remind the scrutineers who have not confirmed it, if it is still waiting then. */
export async function planConfirmReminder(p: Planner, e: Election, at: Date): Promise<void> {
  await p.schedule({
    kind: ORGANISER_JOB,
    dedupeKey: organiserKey(e.id, 'confirm_due', at.toISOString()),
    runAt: at.toISOString(),
    payload: { about: 'confirm_due', phases: 'counted' },
  });
}

const remindKey = (id: string, hours: number, closeAt: string) => `remind:${id}:${hours}:${closeAt}`;
const organiserKey = (id: string, about: string, at: string) => `orgremind:${id}:${about}:${at}`;

function jobKeys(e: Election, step: Step, at: Date): string[] {
  const iso = at.toISOString();
  const keys = [stepJobKey(e.id, step, iso)];
  if (step === 'voting-close')
    for (const h of e.settings.reminderHours ?? DEFAULT_REMINDER_HOURS) keys.push(remindKey(e.id, h, iso));
  for (const r of ORGANISER_REMINDERS) if (r.step === step) keys.push(organiserKey(e.id, r.about, iso));
  return keys;
}

export interface Override {
  at: string;
  step: string;
  reason: string;
  actor: string;
}

/** Every time an organiser overrode the timetable or a notice minimum, with their reason (from the audit chain). */
export async function overridesOf(tx: Tx, electionId: string): Promise<Override[]> {
  return (await tx.audit.list(electionId))
    .filter((a) => a.event === 'timetable.override')
    .map((a) => ({ at: a.at, step: String(a.data.step), reason: String(a.data.reason), actor: a.actor }));
}
