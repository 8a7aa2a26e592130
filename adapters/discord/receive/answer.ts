// Acknowledge within Discord's 3 seconds: if the work is done in time, answer with it; otherwise
// defer, and deliver the result when it comes. A deferred answer is ephemeral (the flag is fixed at
// deferral), so a result meant for the channel replaces the placeholder with a public follow-up.
import { EPHEMERAL, type Rendered } from '../render/message.js';
import { CallbackType, type Responder } from './responder.js';

const LATE = Symbol('late');

/** 'new' answers with a new message; 'update' edits the message whose component was used */
export type AnswerMode = 'new' | 'update';

export async function answer(r: Responder, work: Promise<Rendered>, mode: AnswerMode, deferAfterMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), deferAfterMs);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== LATE) {
    await r.respond({ type: mode === 'update' ? CallbackType.UpdateMessage : CallbackType.Message, data: first.message }, first.files);
    return;
  }
  await r.respond(mode === 'update' ? { type: CallbackType.DeferredUpdate } : { type: CallbackType.DeferredMessage, data: { flags: EPHEMERAL } });
  const out = await work;
  const ephemeral = ((out.message.flags ?? 0) & EPHEMERAL) !== 0;
  if (mode === 'update' || ephemeral) {
    const { flags: _flags, ...rest } = out.message;
    await r.editOriginal(rest, out.files);
    return;
  }
  await r.deleteOriginal();
  await r.followUp(out.message, out.files);
}
