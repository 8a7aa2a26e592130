// `/election schedule election:3` with no times: the timetable form (schedule/schedule-form.ts). Whether
// the member may plan the election, and whether it can still be planned, is the core's to say: the
// command is dispatched as typed first (with no times it changes nothing and answers with the timeline),
// and only an 'ok' offers the form. The plan comes from the core's read-only timetable query. A submit
// dispatches election.schedule with what was changed, exactly as the typed command with those options.
import type { DispatchResult, Invocation, Reply } from '../../../src/core/index.js';
import { ackOrDefer, electionNumber, scheduleArgs } from '../../shared/index.js';
import { EPHEMERAL, type Rendered } from '../render/message.js';
import {
  isPart,
  modalValues,
  type Part,
  partFields,
  partsLeft,
  scheduleModal,
  withPartButtons,
} from '../schedule/schedule-form.js';
import type { RawInteraction } from './actor.js';
import { answer } from './answer.js';
import type { HandlerDeps } from './handler-deps.js';
import { CallbackType, type Responder } from './responder.js';

export const SCHEDULE_COMMAND = 'election.schedule';

export interface ScheduleContext {
  deps: HandlerDeps;
  base: Omit<Invocation, 'command' | 'args'>;
  guildId: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** a dispatch result as a message, as every other command's is rendered */
  render(res: DispatchResult): Promise<Rendered>;
}

/** typed with its election only: the form; with any time (or an override) it is an ordinary command */
export function wantsScheduleForm(command: string, args: Record<string, unknown>): boolean {
  const given = Object.keys(args);
  return (
    command === SCHEDULE_COMMAND &&
    given.length === 1 &&
    given[0] === 'election' &&
    electionNumber(String(args.election)) !== undefined
  );
}

function plan(ctx: ScheduleContext, election: string) {
  return ctx.deps.core.timetable({
    platform: 'discord',
    platformOrgId: ctx.guildId,
    election: electionNumber(election)!,
  });
}

/** a reply (the timeline, or a refusal) with the buttons of the parts still to plan */
async function withButtons(ctx: ScheduleContext, res: DispatchResult, election: string, lead?: string) {
  const p = await plan(ctx, election);
  const reply: Reply =
    res.kind === 'ok' ? res.reply : { visibility: 'only-you', body: { tone: 'error', ...res.reply.body } };
  const shown = withPartButtons(reply, election, partsLeft(p), p?.zone ?? 'UTC', ctx.t, lead);
  const out = await ctx.render({ kind: 'ok', reply: shown.reply });
  out.message.components = [...(out.message.components ?? []), ...shown.buttons];
  return out;
}

type Offer = { modal: Record<string, unknown>; instead: Rendered } | { message: Rendered };

export async function onScheduleCommand(ctx: ScheduleContext, r: Responder, election: string): Promise<void> {
  const work = (async (): Promise<Offer> => {
    const res = await ctx.deps.dispatch({ ...ctx.base, command: SCHEDULE_COMMAND, args: { election } });
    if (res.kind !== 'ok') return { message: await ctx.render(res) };
    const p = await plan(ctx, election);
    const parts = partsLeft(p);
    const choice = await withButtons(ctx, res, election);
    if (p && parts.length === 1)
      return {
        modal: scheduleModal(election, parts[0], partFields(p, parts[0]), p.zone, ctx.t),
        instead: choice,
      };
    return { message: choice };
  })();
  await ackOrDefer<Offer>({
    deadlineMs: ctx.deps.deferAfterMs,
    run: () => work,
    reply: (o) =>
      'modal' in o
        ? r.respond({ type: CallbackType.Modal, data: o.modal })
        : r.respond({ type: CallbackType.Message, data: o.message.message }, o.message.files),
    defer: () => r.respond({ type: CallbackType.DeferredMessage, data: { flags: EPHEMERAL } }),
    // too late for a modal (it must be the first answer): the timeline and its buttons instead
    followUp: async (o) => {
      const { message, files } = 'modal' in o ? o.instead : o.message;
      const { flags: _flags, ...rest } = message;
      await r.editOriginal(rest, files);
    },
  });
}

/** a part's button (open its modal) or a part's modal submitted */
export async function onScheduleComponent(
  ctx: ScheduleContext,
  r: Responder,
  i: RawInteraction,
  args: Record<string, string>,
): Promise<void> {
  const { e: election = '', p: part } = args;
  if (!isPart(part) || electionNumber(election) === undefined) return;
  if (args.op === 'open') return openPart(ctx, r, election, part);
  if (args.op !== 'submit' || i.type !== 5) return;
  const typed = modalValues(i.data);
  const work = (async () => {
    const p = await plan(ctx, election);
    const submit = scheduleArgs(election, args.s ?? '', p ? partFields(p, part) : [], typed);
    if (submit.kind === 'stale') {
      const res = await ctx.deps.dispatch({ ...ctx.base, command: SCHEDULE_COMMAND, args: { election } });
      return withButtons(ctx, res, election, ctx.t('discord.schedule.stale'));
    }
    const res = await ctx.deps.dispatch({ ...ctx.base, command: SCHEDULE_COMMAND, args: submit.args });
    // the timeline, or what was wrong; either way with the buttons to go on (or try again)
    return res.kind === 'ok' || res.kind === 'domain-error' || res.kind === 'invalid'
      ? withButtons(ctx, res, election)
      : ctx.render(res);
  })();
  await answer(r, work, 'new', ctx.deps.deferAfterMs);
}

async function openPart(ctx: ScheduleContext, r: Responder, election: string, part: Part): Promise<void> {
  const p = await plan(ctx, election);
  const fields = p ? partFields(p, part) : [];
  if (p && fields.length > 0)
    return r.respond({
      type: CallbackType.Modal,
      data: scheduleModal(election, part, fields, p.zone, ctx.t),
    });
  // nothing left in this part (it has happened since the button was shown): say where things stand
  const work = ctx.deps
    .dispatch({ ...ctx.base, command: SCHEDULE_COMMAND, args: { election } })
    .then((res) => withButtons(ctx, res, election));
  await answer(r, work, 'new', ctx.deps.deferAfterMs);
}
