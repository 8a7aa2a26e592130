// What the worker writes into `lastError` so that the next attempt knows whether the previous one may
// have reached the platform. The queue contract stores only attempts and lastError, so this text is the
// durable record of "certainly not sent" versus "outcome unknown".
//
// "Not sent" carries the attempts count the queue will hold after the retryLater that writes it. The
// queue raises attempts again when it reclaims a message whose lease ran out (a worker died mid-send),
// without touching lastError; the count then no longer matches and the message counts as maybe sent.

const NOT_SENT = /^not-sent#(\d+): /;
export const UNKNOWN = 'unknown: ';

/** lastError for a message handed back by a retryLater that certainly follows no send */
export function notSent(message: { attempts: number }, reason: string): string {
  return `not-sent#${message.attempts + 1}: ${reason}`;
}

/**
 * Whether an earlier attempt may have delivered this message, so it must go through findSent first.
 * A fresh message (no attempts, no error) was never handed to a sender.
 */
export function maybeSentBefore(message: { attempts: number; lastError?: string }): boolean {
  const marked = NOT_SENT.exec(message.lastError ?? '');
  if (marked) return Number(marked[1]) !== message.attempts;
  return message.attempts > 0 || message.lastError !== undefined;
}

/**
 * Counts carried in lastError across attempts: failed sends (5xx, network; what maxAttempts limits) and
 * waits for a replaced message. The queue's own `attempts` also counts 429s and hand-backs, which must
 * never make a message give up, so they are kept apart here.
 */
export interface Counters {
  failures: number;
  waits: number;
}

export function countersOf(lastError: string | undefined): Counters {
  const f = /\[f=(\d+)\]/.exec(lastError ?? '');
  const w = /\[w=(\d+)\]/.exec(lastError ?? '');
  return { failures: f ? Number(f[1]) : 0, waits: w ? Number(w[1]) : 0 };
}

export function withCounters(text: string, c: Counters): string {
  const tags = [c.failures > 0 ? `[f=${c.failures}]` : '', c.waits > 0 ? `[w=${c.waits}]` : ''].filter(
    Boolean,
  );
  return tags.length ? `${text} ${tags.join(' ')}` : text;
}
