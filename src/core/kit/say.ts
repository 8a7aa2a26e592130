import { ok, type Result } from '../shared/result.js';
import type { MessageBody, Reply } from '../shared/reply.js';

/** A successful reply to the actor only. */
export function toActor(text: string, extra: Omit<MessageBody, 'text'> = {}): Result<Reply> {
  return ok({ visibility: 'only-you', body: { tone: 'success', ...extra, text } });
}

/** A successful reply the whole channel sees. */
export function toChannel(text: string, extra: Omit<MessageBody, 'text'> = {}): Result<Reply> {
  return ok({ visibility: 'channel', body: { tone: 'success', ...extra, text } });
}

export const mention = (memberId: string) => `<@${memberId}>`;
