// What the worker writes into `lastError` so that the next attempt knows whether the previous one may
// have reached the platform. The queue contract only stores attempts and lastError, so this prefix is
// the durable record of "certainly not sent" versus "outcome unknown".

export const NOT_SENT = 'not-sent: ';
export const UNKNOWN = 'unknown: ';

/**
 * Whether an earlier attempt may have delivered this message, so it must go through findSent first.
 * A fresh message (no attempts, no error) was never handed to a sender. A message reclaimed after a
 * crashed worker's lease ran out must come back from the queue with attempts raised or lastError set
 * (the queue's claim contract); anything not positively marked "not sent" is treated as maybe sent.
 */
export function maybeSentBefore(message: { attempts: number; lastError?: string }): boolean {
  if (message.lastError?.startsWith(NOT_SENT)) return false;
  return message.attempts > 0 || message.lastError !== undefined;
}
