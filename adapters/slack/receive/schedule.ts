// `/election schedule 3` typed with no times opens the timetable modal instead of answering with the
// timeline. Whether the member may plan it, and whether the election can still be planned, is the core's
// to say: the command is dispatched as typed first (with no times it changes nothing and answers with
// the timeline), and only an 'ok' opens the form; any refusal is shown as typed commands show theirs.
// The plan comes from the core's read-only timetable query, never from a rendered reply.

import type { AckFn, App, RespondFn, SlashCommand, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { CommandSpec, DispatchResult, TellerCore } from '../../../src/core/index.js';
import {
  ackOrDefer,
  clip,
  electionNumber,
  OVERRIDE_FIELD,
  scheduleArgs,
  scheduleFields,
  stampOf,
  type ScheduleField,
} from '../../shared/index.js';
import { renderScheduleForm, SCHEDULE_CALLBACK, type ScheduleMeta } from '../render/schedule-form.js';
import { buildInvocation, translator, type PayloadSource, type SlackContext } from './context.js';
import { readFormArgs } from './form-values.js';
import { logResult, replyMessage } from './present.js';
import { inlineErrors, postReply, viewSource } from './view-replies.js';

export const SCHEDULE_COMMAND = 'election.schedule';

/** the election of `schedule 3` typed with nothing else; undefined for anything else */
export function scheduleFormElection(specs: readonly CommandSpec[], text: string): string | undefined {
  const spec = specs.find((c) => c.id === SCHEDULE_COMMAND);
  if (!spec) return undefined;
  const words = text.split(/\s+/).filter(Boolean);
  const n = spec.path.length;
  if (words.length !== n + 1) return undefined;
  if (!spec.path.every((w, i) => w.toLowerCase() === words[i].toLowerCase())) return undefined;
  return electionNumber(words[n]) === undefined ? undefined : words[n];
}

async function currentFields(core: TellerCore, teamId: string, election: string) {
  const plan = await core.timetable({
    platform: 'slack',
    platformOrgId: teamId,
    election: electionNumber(election)!,
  });
  return { plan, fields: plan ? scheduleFields(plan) : [] };
}

/**
 * The timetable modal for `election`, if the core accepts the command as typed and a step is left to
 * plan; else only the core's answer (a refusal, or the timeline when everything has happened).
 */
async function prepareForm(
  ctx: SlackContext,
  client: WebClient,
  src: PayloadSource,
  election: string,
): Promise<{ result: DispatchResult; view?: Record<string, unknown> }> {
  const inv = await buildInvocation(ctx, client, src, SCHEDULE_COMMAND, { election });
  const result = await ctx.core.dispatch(inv);
  logResult(ctx, SCHEDULE_COMMAND, result);
  if (result.kind !== 'ok') return { result };
  const { plan, fields } = await currentFields(ctx.core, src.teamId, election);
  if (!plan || fields.length === 0) return { result };
  const meta: ScheduleMeta = { election, stamp: stampOf(fields), channel: src.channelId };
  const view = renderScheduleForm(
    fields,
    { meta, zone: plan.zone, someHappened: plan.steps.some((s) => s.happened) },
    translator(ctx, inv.actor.locale),
  );
  return { result, view };
}

/** Acked already; the modal opens on the command's trigger_id, which lasts 3 s from the command. */
export async function openScheduleForm(
  ctx: SlackContext,
  client: WebClient,
  respond: RespondFn,
  command: SlashCommand,
  src: PayloadSource,
  election: string,
): Promise<void> {
  const { result, view } = await prepareForm(ctx, client, src, election);
  if (!view) return void (await respond(replyMessage(result.reply)));
  try {
    await client.views.open({ trigger_id: command.trigger_id, view: view as never });
  } catch (err) {
    // the trigger expired (a slow lookup): the timeline still answers, and typing times still works
    ctx.logger.warn('slack views.open (schedule) failed', { error: String(err) });
    await respond(replyMessage(result.reply));
  }
}

/**
 * `/election schedule` typed alone asks for the election first (the registry's form, with that one
 * field: its eight times all share one description, which would make eight identical labels); once it
 * is given, the same modal becomes the timetable form for that election.
 */
export function electionFirst(spec: CommandSpec): CommandSpec {
  return spec.id === SCHEDULE_COMMAND
    ? { ...spec, args: spec.args.filter((a) => a.kind === 'election') }
    : spec;
}

export async function scheduleFromElectionForm(
  ctx: SlackContext,
  submit: {
    ack: AckFn<ViewResponseAction>;
    client: WebClient;
    blocks: { type: string; block_id?: string }[];
  },
  src: PayloadSource,
  election: string,
): Promise<void> {
  const started = Date.now();
  const { ack, client } = submit;
  await ackOrDefer({
    deadlineMs: ctx.ackBudgetMs - (Date.now() - started),
    run: () => prepareForm(ctx, client, src, election),
    reply: async ({ result, view }) => {
      if (view) return ack({ response_action: 'update', view: view as never });
      if (result.kind !== 'ok')
        return ack({ response_action: 'errors', errors: inlineErrors(submit.blocks, result) });
      await ack({ response_action: 'clear' });
      await postReply(ctx, client, src.userId, src.channelId, result.reply);
    },
    defer: () => ack(),
    followUp: ({ result }) => postReply(ctx, client, src.userId, src.channelId, result.reply),
  });
}

export function registerScheduleView(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>(SCHEDULE_CALLBACK, async ({ ack, body, view, client }) => {
    const started = Date.now();
    const meta = JSON.parse(view.private_metadata) as ScheduleMeta;
    const src = { ...viewSource(body), channelId: meta.channel };
    const typed = readFormArgs(view.state.values as never);
    const work = (async () => {
      const inv = await buildInvocation(ctx, client, src, SCHEDULE_COMMAND, {});
      const t = translator(ctx, inv.actor.locale);
      const { fields } = await currentFields(ctx.core, src.teamId, meta.election);
      const submit = scheduleArgs(meta.election, meta.stamp, fields, typed);
      if (submit.kind === 'stale') {
        const first = fields[0]?.arg ?? OVERRIDE_FIELD;
        return { errors: { [first]: t('slack.schedule.stale', { number: meta.election }) } };
      }
      const result = await ctx.core.dispatch({ ...inv, args: submit.args });
      logResult(ctx, SCHEDULE_COMMAND, result);
      if (result.kind === 'ok') return { result };
      return { errors: errorsFor(result, fields, t), result };
    })();
    await ackOrDefer({
      deadlineMs: ctx.ackBudgetMs - (Date.now() - started),
      run: () => work,
      reply: async (done) => {
        if (done.errors) return ack({ response_action: 'errors', errors: done.errors });
        await ack({ response_action: 'clear' });
        await postReply(ctx, client, src.userId, meta.channel, done.result.reply);
      },
      defer: () => ack(),
      // the modal closed without an answer: the timeline, or the refusal, goes beside the command
      followUp: async (late) => {
        if (late.result) await postReply(ctx, client, src.userId, meta.channel, late.result.reply);
      },
    });
  });
}

/**
 * A refusal beside the field it is about. The core's timetable messages begin with the step's name
 * ("Voting closes: “soon” is not a time"; "Voting closes must come after Voting opens"), and a notice
 * period cut short is answered by the override reason, so that is where those go; the rest go first.
 */
function errorsFor(
  result: Exclude<DispatchResult, { kind: 'ok' }>,
  fields: readonly ScheduleField[],
  t: (key: string) => string,
): Record<string, string> {
  const blocks = [
    ...fields.map((f) => ({ type: 'input', block_id: f.arg })),
    { type: 'input', block_id: OVERRIDE_FIELD },
  ];
  if (result.kind !== 'domain-error') return inlineErrors(blocks, result);
  const { title, text: said } = result.reply.body;
  const text = clip(title ? `${title}\n${said}` : said, 2000);
  if (result.code === 'timetable.period_too_short') return { [OVERRIDE_FIELD]: text };
  const about = fields
    .map((f) => ({ arg: f.arg, label: t(`timeline.step.${f.step}`) }))
    .sort((a, b) => b.label.length - a.label.length)
    .find((f) => text.replace(/^\W+/u, '').startsWith(f.label));
  return { [about?.arg ?? blocks[0].block_id]: text };
}
