import { METHOD_IDS, type MethodId } from '../../counting/types.js';
import { arg } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { randomId } from '../shared/ids.js';
import { fail, ok, type Result } from '../shared/result.js';
import { discardBallotBox, planPurge } from './election.seal.js';
import { BEFORE_CERTIFIED } from './election.rules.js';
import { defineMove } from './election.move.js';
import { notifyChannel } from '../notices/notice.service.js';
import {
  TURNOUT_RULES,
  type Contest,
  type ContestOptions,
  type Election,
  type ElectionSettings,
  type TurnoutRule,
} from '../shared/election.types.js';
import { DEFAULT_REMINDER_HOURS, planOf, planStep, RESULT_NOTICE_MIN_DAYS } from './timetable.js';
import { PRESET_IDS, PRESETS, presetOf, type Preset, type PresetId } from '../shared/presets.js';
import { contestDefaults, describeElection } from './election.view.js';
import { baseOf, THRESHOLD_BASES, writeInOption } from './contest.rules.js';

/** Judged-scoring criteria: "Vision:2, Experience, Teamwork:1" (name, optional weight). */
function parseCriteria(text: string): Result<{ name: string; weight: number }[]> {
  const out: { name: string; weight: number }[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^:]+?)(?::\s*(\d+(?:\.\d+)?))?$/.exec(part);
    if (!m || (m[2] !== undefined && !(Number(m[2]) > 0)))
      return fail('contest.bad_criteria', { part }, 'criteria');
    out.push({ name: m[1].trim(), weight: m[2] === undefined ? 1 : Number(m[2]) });
  }
  return out.length > 0 ? ok(out) : fail('contest.bad_criteria', { part: text }, 'criteria');
}

/** `24,1` or `48h,2h`: hours before voting closes; none for no reminders. */
function parseReminderHours(text: string): Result<number[]> {
  if (text.trim().toLowerCase() === 'none') return ok([]);
  const hours = text.split(',').map((p) => p.trim().replace(/h$/i, ''));
  if (hours.some((h) => !/^\d{1,3}$/.test(h) || Number(h) < 1 || Number(h) > 720))
    return fail('election.bad_reminders', { text: text.slice(0, 40) });
  return ok([...new Set(hours.map(Number))].sort((a, b) => b - a));
}

/** A contest the election's rules forbid is refused, naming the rule and what they allow. */
function presetAllows(
  preset: Preset | undefined,
  args: { method: MethodId; tieBreak?: string },
): Result<true> {
  if (!preset) return ok(true);
  if (!preset.methods.includes(args.method))
    return fail(
      'preset.method_not_allowed',
      { method: args.method, preset: preset.id, allowed: preset.methods.join(', ') },
      'method',
    );
  if (args.tieBreak && !preset.tieBreaks.includes(args.tieBreak as Preset['tieBreak']))
    return fail(
      'preset.tie_not_allowed',
      { rule: preset.tieRule ?? preset.id, tie: args.tieBreak, allowed: preset.tieBreaks.join(', ') },
      'tieBreak',
    );
  return ok(true);
}

/** The first contest already added that the preset's rules forbid, as a refusal. */
async function contestsBreaking(ctx: ElectionContext, id: PresetId): Promise<Result<true> | undefined> {
  for (const c of await ctx.tx.contests.list(ctx.election.id)) {
    const allowed = presetAllows(PRESETS[id], { method: c.method, tieBreak: c.options.tieBreak });
    if (!allowed.ok) return allowed;
  }
  return undefined;
}

const METHODS = METHOD_IDS as unknown as readonly [MethodId, ...MethodId[]];

/** A new election's settings until an organiser configures them (the README's options table shows them). */
export const DEFAULT_SETTINGS = { seconders: 1, selfNomination: true, objectionDays: 3 } as const;

export const createElection = defineCommand<{ title: string; channel?: string; preset?: PresetId }>({
  id: 'election.create',
  path: ['create'],
  access: 'creator',
  args: {
    title: arg.text('arg.title', 200),
    channel: arg.channel('arg.channel', { optional: true, named: true }),
    preset: arg.choice('arg.preset', PRESET_IDS, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const now = ctx.now.toISOString();
    const election: Election = {
      id: randomId(),
      orgId: ctx.org.id,
      number: await ctx.tx.elections.nextNumber(ctx.org.id),
      title: args.title,
      channelId: args.channel ?? ctx.channelId ?? null,
      phase: 'draft',
      createdBy: ctx.actor.memberId,
      settings: { ...DEFAULT_SETTINGS, ...(args.preset ? { preset: args.preset } : {}) },
      cancelReason: null,
      phaseSince: now,
      createdAt: now,
    };
    await ctx.tx.elections.insert(election);
    await ctx.tx.roles.add({ electionId: election.id, memberId: ctx.actor.memberId, role: 'organiser' });
    ctx.election = election;
    await ctx.audit('election.created', { title: election.title, preset: args.preset ?? null });
    return toActor(ctx.t('election.created', { number: election.number, title: election.title }));
  },
});

export const showElection = defineCommand<{ election: number }>({
  id: 'election.show',
  path: ['show'],
  access: 'anyone',
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const { text, ...rest } = await describeElection(ctx, ctx.election);
    return toActor(text, rest);
  },
});

export const listElections = defineCommand<Record<string, never>>({
  id: 'election.list',
  path: ['list'],
  access: 'anyone',
  args: {},
  async handler(ctx) {
    const all = await ctx.tx.elections.list(ctx.org.id);
    if (all.length === 0) return toActor(ctx.t('election.list_empty'), { tone: 'info' });
    const lines = all.map((e) =>
      ctx.t('election.list_line', { number: e.number, title: e.title, phase: ctx.t(`phase.${e.phase}`) }),
    );
    return toActor(lines.join('\n'), { title: ctx.t('election.list_title'), tone: 'info' });
  },
});

export const configureElection = defineCommand<{
  election: number;
  seconders?: number;
  selfNomination?: 'yes' | 'no';
  objectionDays?: number;
  objectionDecisionDays?: number;
  candidateNoticeDays?: number;
  rollObjectionDays?: number;
  reminders?: string;
  preset?: PresetId | 'none';
  differential?: number;
  proxyLimit?: number;
  turnout?: TurnoutRule;
  confirmations?: number;
  survey?: 'yes' | 'no';
  override?: string;
}>({
  id: 'election.configure',
  path: ['configure'],
  access: 'organiser',
  phases: ['draft'],
  args: {
    election: arg.election('arg.election'),
    seconders: arg.int('arg.seconders', 0, 10, { optional: true, named: true }),
    selfNomination: arg.choice('arg.self_nomination', ['yes', 'no'], { optional: true, named: true }),
    objectionDays: arg.int('arg.objection_days', 0, 60, { optional: true, named: true }),
    objectionDecisionDays: arg.int('arg.objection_decision_days', 1, 30, { optional: true, named: true }),
    candidateNoticeDays: arg.int('arg.candidate_notice_days', 0, 60, { optional: true, named: true }),
    rollObjectionDays: arg.int('arg.roll_objection_days', 0, 60, { optional: true, named: true }),
    reminders: arg.word('arg.reminders', 40, { optional: true, named: true }),
    preset: arg.choice('arg.preset', [...PRESET_IDS, 'none'] as const, { optional: true, named: true }),
    differential: arg.int('arg.differential', 0, 100, { optional: true, named: true }),
    proxyLimit: arg.int('arg.proxy_limit', 1, 10, { optional: true, named: true }),
    turnout: arg.choice('arg.turnout', TURNOUT_RULES, { optional: true, named: true }),
    confirmations: arg.int('arg.confirmations', 0, 10, { optional: true, named: true }),
    survey: arg.choice('arg.survey', ['yes', 'no'], { optional: true, named: true }),
    override: arg.text('arg.override', 500, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const reminders = args.reminders === undefined ? undefined : parseReminderHours(args.reminders);
    if (reminders && !reminders.ok) return reminders;
    const { preset: _preset, ...current } = e.settings;
    const preset =
      args.preset === undefined ? e.settings.preset : args.preset === 'none' ? undefined : args.preset;
    if (preset && args.preset !== undefined && args.preset !== 'none') {
      // contests added under other rules may break these: the organisers set those up again
      const clash = await contestsBreaking(ctx, preset);
      if (clash && !clash.ok) return clash;
    }
    const rules = preset ? PRESETS[preset] : undefined;
    if (args.turnout !== undefined && !rules?.turnoutQuorum)
      return fail('preset.turnout_not_provided', { preset: preset ?? '—' }, 'turnout');
    const settings: ElectionSettings = {
      ...current,
      ...(args.turnout !== undefined ? { turnout: args.turnout } : {}),
      ...(args.confirmations !== undefined ? { confirmations: args.confirmations } : {}),
      ...(args.survey !== undefined ? { survey: args.survey === 'yes' } : {}),
      ...(preset ? { preset } : {}),
      ...(args.differential !== undefined ? { differential: args.differential } : {}),
      ...(args.proxyLimit !== undefined ? { proxyLimit: args.proxyLimit } : {}),
      seconders: args.seconders ?? e.settings.seconders,
      selfNomination: args.selfNomination ? args.selfNomination === 'yes' : e.settings.selfNomination,
      objectionDays: args.objectionDays ?? e.settings.objectionDays,
      ...(args.objectionDecisionDays !== undefined
        ? { objectionDecisionDays: args.objectionDecisionDays }
        : {}),
      ...(args.candidateNoticeDays !== undefined ? { candidateNoticeDays: args.candidateNoticeDays } : {}),
      ...(args.rollObjectionDays !== undefined ? { rollObjectionDays: args.rollObjectionDays } : {}),
      ...(reminders ? { reminderHours: reminders.value } : {}),
    };
    // C15: the result is on public notice for at least 3 days; shorter only with a reason, on record
    if (args.objectionDays !== undefined && args.objectionDays < RESULT_NOTICE_MIN_DAYS) {
      if (!args.override)
        return fail('election.objection_days_minimum', {
          days: args.objectionDays,
          min: RESULT_NOTICE_MIN_DAYS,
        });
      await ctx.audit('timetable.override', {
        step: 'certify',
        rule: 'C15',
        days: args.objectionDays,
        reason: args.override,
      });
    }
    await ctx.tx.elections.update({ ...e, settings });
    ctx.election = { ...e, settings };
    const close = (await planOf(ctx.tx, e.id)).get('voting-close');
    if (reminders && close) {
      // the reminders are counted from the planned close: replace those of the old hours
      await planStep(ctx, e, 'voting-close', undefined, new Date(close.at));
      await planStep(ctx, ctx.election, 'voting-close', new Date(close.at), undefined);
    }
    await ctx.audit('election.configured', {
      seconders: settings.seconders,
      selfNomination: settings.selfNomination,
      objectionDays: settings.objectionDays,
      objectionDecisionDays: settings.objectionDecisionDays ?? 3,
      candidateNoticeDays: settings.candidateNoticeDays ?? 0,
      rollObjectionDays: settings.rollObjectionDays ?? 0,
      reminders: (settings.reminderHours ?? DEFAULT_REMINDER_HOURS).join(','),
      preset: settings.preset ?? null,
      survey: settings.survey ?? false,
    });
    return toActor(
      ctx.t('election.configured', {
        number: e.number,
        seconders: settings.seconders,
        days: settings.objectionDays,
        self: ctx.t(settings.selfNomination ? 'word.yes' : 'word.no'),
      }),
    );
  },
});

export const addContest = defineCommand<{
  election: number;
  name: string;
  seats: number;
  method: MethodId;
  maxMarks?: number;
  share?: number;
  base?: (typeof THRESHOLD_BASES)[number];
  blank?: 'yes' | 'no';
  tieBreak?: 'lot' | 'backwards' | 'forwards' | 'organiser' | 'revote';
  order?: 'shuffled' | 'alphabetical' | 'fixed' | 'stroke';
  quota?: 'droop' | 'hare';
  batch?: 'yes' | 'no';
  precision?: number;
  strength?: 'winning' | 'margin' | 'ratio';
  borda?: 'start-1' | 'start-0';
  scoreMin?: number;
  scoreMax?: number;
  criteria?: string;
  writeIn?: 'yes' | 'no';
}>({
  id: 'election.contest.add',
  path: ['contest', 'add'],
  access: 'organiser',
  phases: ['draft'],
  args: {
    election: arg.election('arg.election'),
    name: arg.word('arg.contest_name', 100),
    seats: arg.int('arg.seats', 1, 100),
    method: arg.choice('arg.method', METHODS, { optional: true }),
    maxMarks: arg.int('arg.max_marks', 1, 100, { optional: true, named: true }),
    share: arg.int('arg.share', 1, 100, { optional: true, named: true }),
    base: arg.choice('arg.base', THRESHOLD_BASES, { optional: true, named: true }),
    blank: arg.choice('arg.blank', ['yes', 'no'], { optional: true, named: true }),
    tieBreak: arg.choice('arg.tie_break', ['lot', 'backwards', 'forwards', 'organiser', 'revote'], {
      optional: true,
      named: true,
    }),
    order: arg.choice('arg.order', ['shuffled', 'alphabetical', 'fixed', 'stroke'], {
      optional: true,
      named: true,
    }),
    quota: arg.choice('arg.quota', ['droop', 'hare'], { optional: true, named: true }),
    batch: arg.choice('arg.batch', ['yes', 'no'], { optional: true, named: true }),
    precision: arg.int('arg.precision', 4, 15, { optional: true, named: true }),
    strength: arg.choice('arg.strength', ['winning', 'margin', 'ratio'], { optional: true, named: true }),
    borda: arg.choice('arg.borda', ['start-1', 'start-0'], { optional: true, named: true }),
    scoreMin: arg.int('arg.score_min', 0, 100, { optional: true, named: true }),
    scoreMax: arg.int('arg.score_max', 1, 100, { optional: true, named: true }),
    criteria: arg.text('arg.criteria', 500, { optional: true, named: true }),
    writeIn: arg.choice('arg.write_in_allowed', ['yes', 'no'], { optional: true, named: true }),
  },
  async handler(ctx, input) {
    const e = ctx.election;
    const preset = presetOf(e.settings);
    // the rules' own method when the organiser names none
    const method = input.method ?? preset?.methods[0];
    if (!method) return fail('contest.method_needed', {}, 'method');
    const args = { ...input, method };
    const allowed = presetAllows(preset, args);
    if (!allowed.ok) return allowed;
    const contests = await ctx.tx.contests.list(e.id);
    if (contests.some((c) => c.name.toLowerCase() === args.name.toLowerCase()))
      return fail('contest.duplicate', { name: args.name }, 'name');
    if (/^\d+$/.test(args.name)) return fail('contest.numeric_name', {}, 'name');
    if (args.method === 'plurality' && args.seats !== 1)
      return fail('contest.single_seat', { method: args.method }, 'seats');
    const writeIn = writeInOption(args.method, args.writeIn, preset);
    if (!writeIn.ok) return writeIn;
    const criteria = args.criteria === undefined ? undefined : parseCriteria(args.criteria);
    if (criteria && !criteria.ok) return criteria;
    const range =
      args.scoreMin !== undefined || args.scoreMax !== undefined
        ? { min: args.scoreMin ?? 0, max: args.scoreMax ?? 5 }
        : undefined;
    if (range && range.min >= range.max)
      return fail('contest.bad_score_range', { min: range.min, max: range.max }, 'scoreMax');
    const options: ContestOptions = {
      ...contestDefaults(args.method, args.seats),
      ...(preset ? { tieBreak: preset.tieBreak } : {}),
      ...(preset?.order ? { order: preset.order } : {}),
      ...(preset?.threshold && args.method === 'approve-oppose' ? { threshold: preset.threshold } : {}),
      ...(args.quota ? { quota: args.quota } : {}),
      ...(args.batch ? { batchElimination: args.batch === 'yes' } : {}),
      ...(args.precision !== undefined ? { precision: args.precision } : {}),
      ...(args.strength ? { strength: args.strength } : {}),
      ...(args.borda ? { borda: args.borda } : {}),
      ...(range ? { scoreRange: range } : {}),
      ...(criteria?.ok ? { criteria: criteria.value } : {}),
      ...(args.maxMarks !== undefined ? { maxMarks: args.maxMarks } : {}),
      ...(args.share !== undefined || args.base !== undefined
        ? { threshold: { share: (args.share ?? 50) / 100, base: baseOf(args.base ?? 'valid') } }
        : {}),
      ...(args.blank ? { allowBlank: args.blank === 'yes' } : {}),
      ...(args.tieBreak ? { tieBreak: args.tieBreak } : {}),
      ...(args.order ? { order: args.order } : {}),
      ...(writeIn.value ? { writeIn: true } : {}),
    };
    const contest: Contest = {
      id: randomId(),
      electionId: e.id,
      number: contests.length + 1,
      name: args.name,
      seats: args.seats,
      method: args.method,
      options,
    };
    await ctx.tx.contests.insert(contest);
    await ctx.audit('contest.added', {
      contest: contest.number,
      name: contest.name,
      seats: contest.seats,
      method: contest.method,
    });
    return toActor(
      ctx.t('contest.added', {
        number: contest.number,
        name: contest.name,
        seats: contest.seats,
        method: ctx.t(`method.${contest.method}`),
        election: e.number,
      }),
    );
  },
});

function roleCommand(
  id: 'election.organiser.add' | 'election.scrutineer.add',
  role: 'organiser' | 'scrutineer',
) {
  return defineCommand<{ election: number; member: string }>({
    id,
    path: [role, 'add'],
    access: 'organiser',
    phases: BEFORE_CERTIFIED,
    args: { election: arg.election('arg.election'), member: arg.member('arg.member') },
    async handler(ctx, args) {
      const e = ctx.election;
      if (role === 'scrutineer') {
        const standing = (await ctx.tx.nominations.list(e.id)).some(
          (n) => n.nominee === args.member && !['declined', 'rejected', 'withdrawn'].includes(n.status),
        );
        if (standing) return fail('role.scrutineer_is_candidate', { member: mention(args.member) }, 'member');
      }
      await ctx.tx.roles.add({ electionId: e.id, memberId: args.member, role });
      await ctx.audit(`role.${role}_added`, { member: args.member });
      return toActor(ctx.t(`role.${role}_added`, { member: mention(args.member), number: e.number }));
    },
  });
}
export const addOrganiser = roleCommand('election.organiser.add', 'organiser');
export const addScrutineer = roleCommand('election.scrutineer.add', 'scrutineer');

export const cancelElection = defineMove<{ election: number; reason: string }>({
  id: 'election.cancel',
  path: ['cancel'],
  args: { election: arg.election('arg.election'), reason: arg.text('arg.reason', 500) },
  async handler(ctx, args, step) {
    const e = ctx.election;
    const moved = await step.move({ reason: args.reason });
    if (!moved.ok) return moved;
    ctx.election = { ...moved.value, cancelReason: args.reason };
    await ctx.tx.elections.update(ctx.election);
    if (e.phase === 'voting') {
      // voting never finished: destroy the ballots and links, and purge them as a close would
      await discardBallotBox(ctx, e);
      await planPurge(ctx, { report: false });
    }
    const text = ctx.t('election.cancelled', { number: e.number, title: e.title, reason: args.reason });
    await notifyChannel(ctx, step.notice, { text, tone: 'warning' });
    return toActor(text);
  },
});
