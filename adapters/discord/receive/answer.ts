// Acknowledge within Discord's 3 seconds (adapters/shared ackOrDefer): if the work is done in time,
// answer with it; otherwise defer and deliver the result when it comes. A deferred answer is
// ephemeral (the flag is fixed at deferral), so a result meant for the channel replaces the
// placeholder with a public follow-up. An answer too long for one message continues in follow-ups
// (the interaction's webhook takes them for 15 minutes), ephemeral like the first where it is.
import { ackOrDefer } from '../../shared/index.js';
import { EPHEMERAL, type Rendered } from '../render/message.js';
import { CallbackType, type Responder } from './responder.js';

/** 'new' answers with a new message; 'update' edits the message whose component was used */
export type AnswerMode = 'new' | 'update';

async function continued(r: Responder, out: Rendered): Promise<void> {
  for (const more of out.more ?? []) await r.followUp(more.message, more.files);
}

export async function answer(
  r: Responder,
  work: Promise<Rendered>,
  mode: AnswerMode,
  deferAfterMs: number,
): Promise<void> {
  await ackOrDefer<Rendered>({
    deadlineMs: deferAfterMs,
    run: () => work,
    reply: async (out) => {
      await r.respond(
        { type: mode === 'update' ? CallbackType.UpdateMessage : CallbackType.Message, data: out.message },
        out.files,
      );
      await continued(r, out);
    },
    defer: () =>
      r.respond(
        mode === 'update'
          ? { type: CallbackType.DeferredUpdate }
          : { type: CallbackType.DeferredMessage, data: { flags: EPHEMERAL } },
      ),
    followUp: async (out) => {
      const ephemeral = ((out.message.flags ?? 0) & EPHEMERAL) !== 0;
      if (mode === 'update' || ephemeral) {
        const { flags: _flags, ...rest } = out.message;
        await r.editOriginal(rest, out.files);
        return continued(r, out);
      }
      await r.deleteOriginal();
      await r.followUp(out.message, out.files);
      await continued(r, out);
    },
  });
}
