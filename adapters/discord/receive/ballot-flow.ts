// The voter's side of a ballot: open a draft from a BallotForm, apply each pick, and cast. Every
// message here is ephemeral. The cast answer shows the core's reply (receipt code), never the choices.
import type { BallotForm, DispatchResult, Invocation } from '../../../src/core/index.js';
import {
  choicesOf,
  DraftStore,
  newDraft,
  resetDraft,
  scoreSteps,
  type Draft,
} from '../ballot/ballot-draft.js';
import { chunkNumbers, pageOf, replaceWithin } from '../ballot/ballot-pages.js';
import { rankingModal, renderDraft } from '../ballot/ballot-view.js';
import { EPHEMERAL, renderReply, type Rendered } from '../render/message.js';
import type { HandlerDeps } from './handler-deps.js';
import { CallbackType, type Responder } from './responder.js';
import { answer } from './answer.js';

export interface BallotContext {
  deps: HandlerDeps;
  base: Omit<Invocation, 'command' | 'args'>;
  guildId: string;
  userId: string;
  t: (key: string, params?: Record<string, string | number>) => string;
}

export function openDraft(ctx: BallotContext, form: BallotForm): Rendered {
  const d = newDraft(form, ctx.guildId);
  ctx.deps.drafts.put(DraftStore.key(ctx.guildId, ctx.userId, form.election, form.contest), d);
  return { message: renderDraft(d, ctx.t), files: [] };
}

/** a select, button or modal submit on a ballot message */
export async function onBallotComponent(
  ctx: BallotContext,
  r: Responder,
  args: Record<string, string>,
  values: string[],
  typed: string | undefined,
  messageId?: string,
): Promise<void> {
  const { op, e, c } = args;
  const key = DraftStore.key(ctx.guildId, ctx.userId, e, c);
  // this message was cast already: it keeps showing its receipt, whatever is pressed on it
  const shown = ctx.deps.drafts.receiptOn(messageId);
  if (shown) return r.respond({ type: CallbackType.UpdateMessage, data: shown.message });
  const draft = ctx.deps.drafts.get(key);
  if (draft?.casting) return answer(r, draft.casting, 'update', ctx.deps.deferAfterMs);
  if (!draft) {
    // Lost to a restart or expiry: fetch the ballot afresh rather than guess what the member meant.
    const work = ctx.deps
      .dispatch({ ...ctx.base, command: 'ballot.get', args: { election: e, contest: c } })
      .then((res) => outcome(ctx, res));
    return answer(r, work, 'update', ctx.deps.deferAfterMs);
  }
  draft.error = undefined;
  switch (op) {
    case 'marks': {
      // each select holds one share of the candidates: its picks replace that share's only; with a
      // single mark to give, a pick anywhere replaces the mark wherever it was
      const within = chunkNumbers(draft, Number(args.k ?? 0));
      draft.marks = replaceWithin(
        draft.form.maxChoices === 1 && values.length > 0 ? [] : draft.marks,
        within,
        values,
      );
      break;
    }
    case 'approve':
      draft.approve = replaceWithin(draft.approve, chunkNumbers(draft, Number(args.k ?? 0)), values);
      draft.oppose = draft.oppose.filter((n) => !draft.approve.includes(n));
      break;
    case 'oppose':
      draft.oppose = replaceWithin(draft.oppose, chunkNumbers(draft, Number(args.k ?? 0)), values);
      draft.approve = draft.approve.filter((n) => !draft.oppose.includes(n));
      break;
    case 'writein':
      // user ids only, at most as many as the ballot takes; the core checks who may be written in
      draft.writeIns = values.filter((v) => /^\d{1,20}$/.test(v)).slice(0, draft.form.writeIns ?? 0);
      break;
    case 'prev':
    case 'next':
      draft.page = Math.min(
        Math.max(0, pageOf(draft).page + (op === 'next' ? 1 : -1)),
        pageOf(draft).pages - 1,
      );
      break;
    case 'score':
      if (draft.stepScores.length < scoreSteps(draft.form).length) draft.stepScores.push(Number(values[0]));
      break;
    case 'skip':
      if (draft.stepScores.length < scoreSteps(draft.form).length) draft.stepScores.push(null);
      break;
    case 'rank': {
      const n = Number(values[0]);
      const listed = draft.form.options.some((o) => o.number === n);
      if (listed && !draft.ranking.includes(n) && draft.ranking.length < draft.form.maxChoices)
        draft.ranking.push(n);
      // the ranked candidate leaves the selects; stay on a page that still exists
      draft.page = pageOf(draft).page;
      break;
    }
    case 'reset':
      resetDraft(draft);
      break;
    case 'typed':
      if (typed === undefined)
        return r.respond({ type: CallbackType.Modal, data: rankingModal(draft, ctx.t) });
      // As typed: the core reads rankings ("3 1 2", "3>1>2") and refuses, by name, anything that is
      // not one. Cleaning the text here once turned "Dan first" into an empty, blank ballot.
      return answer(r, cast(ctx, key, draft, typed, messageId), 'update', ctx.deps.deferAfterMs);
    case 'submit':
      return answer(r, cast(ctx, key, draft, choicesOf(draft), messageId), 'update', ctx.deps.deferAfterMs);
  }
  draft.expiresAt = Math.max(draft.expiresAt, Date.now() + 15 * 60 * 1000);
  await r.respond({ type: CallbackType.UpdateMessage, data: renderDraft(draft, ctx.t) });
}

/** One cast per press of Cast, however often it is pressed: presses while it runs share its answer. */
function cast(
  ctx: BallotContext,
  key: string,
  draft: Draft,
  choices: string,
  messageId: string | undefined,
): Promise<Rendered> {
  const running = castOnce(ctx, key, draft, choices, messageId).finally(() => {
    draft.casting = undefined;
  });
  draft.casting = running;
  return running;
}

async function castOnce(
  ctx: BallotContext,
  key: string,
  draft: Draft,
  choices: string,
  messageId: string | undefined,
): Promise<Rendered> {
  const { election, contest, for: principal } = draft.form;
  const res = await ctx.deps.dispatch({
    ...ctx.base,
    command: 'ballot.cast',
    // a proxy's ballot is the principal's (C13): the form names them and the cast must too
    args: {
      election,
      contest,
      choices,
      ...(draft.writeIns.length > 0 ? { writeIn: draft.writeIns } : {}),
      ...(principal ? { for: principal } : {}),
    },
  });
  if (res.kind === 'ok') {
    if (ctx.deps.drafts.get(key) === draft) ctx.deps.drafts.delete(key);
    // The receipt replaces the ballot, so the message's final state holds no choices.
    const out = await renderReply(
      { ...res.reply, visibility: 'only-you' },
      { guildId: ctx.guildId, locale: ctx.base.actor.locale },
    );
    if (messageId) ctx.deps.drafts.castOn(messageId, out);
    return out;
  }
  // Shown inline, above the ballot, which stays as the voter left it so they can fix it.
  draft.error = res.reply.body.text;
  return { message: renderDraft(draft, ctx.t), files: [] };
}

/** a dispatch result as the answer to a ballot interaction: a fresh draft if it carries a ballot */
export async function outcome(ctx: BallotContext, res: DispatchResult): Promise<Rendered> {
  if (res.kind === 'ok' && res.reply.body.ballot) return openDraft(ctx, res.reply.body.ballot);
  const out = await renderReply(
    { ...res.reply, visibility: 'only-you' },
    { guildId: ctx.guildId, renderChart: ctx.deps.renderChart, locale: ctx.base.actor.locale },
  );
  out.message.flags = EPHEMERAL;
  return out;
}
