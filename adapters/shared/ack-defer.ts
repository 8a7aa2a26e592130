// Platforms give a bot about three seconds to answer an interaction (Slack: ack within 3 s or the
// member sees an error and Slack retries; Discord: an initial response within 3 s or the token is
// useless). Commands usually answer in milliseconds, so the best reply is the direct one; when a command
// is slow (a big count, a cold database) we acknowledge with a deferral before the deadline and deliver
// the result as a follow-up (Slack response_url / chat.postEphemeral, Discord editReply).

export interface AckDeferOptions<T> {
  /** how long to wait for the handler before deferring; leave a margin for the network (Slack/Discord: ~2500) */
  deadlineMs: number;
  /** defer at once without waiting, for commands known to be slow */
  deferImmediately?: boolean;
  run: () => Promise<T>;
  /** the handler finished in time: answer the request itself with the result */
  reply: (value: T) => Promise<void>;
  /** the deadline passed: acknowledge now (Slack ack() with no body, Discord deferReply) */
  defer: () => Promise<void>;
  /** after a deferral: deliver the result the other way */
  followUp: (value: T) => Promise<void>;
  /**
   * Turns a handler failure into a value to answer with (e.g. "Something went wrong (ref …)"), so the
   * request is still answered; without it the failure is rethrown after the request was acknowledged.
   */
  recover?: (error: unknown) => T;
}

export interface AckDeferOutcome<T> {
  mode: 'immediate' | 'deferred';
  value: T;
  /** time from start to the platform's acknowledgement (reply or defer), for benchmarks and logs */
  ackMs: number;
}

const TIMEOUT = Symbol('timeout');

export async function ackOrDefer<T>(options: AckDeferOptions<T>): Promise<AckDeferOutcome<T>> {
  const started = performance.now();
  // the handler starts now whatever happens below, and its failure is captured, never left unhandled
  const settled = options.run().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const settledValue = (r: Awaited<typeof settled>): T => {
    if (r.ok) return r.value;
    if (options.recover) return options.recover(r.error);
    throw r.error;
  };

  if (!options.deferImmediately) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof TIMEOUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMEOUT), Math.max(0, options.deadlineMs));
    });
    const first = await Promise.race([settled, timeout]);
    clearTimeout(timer);
    if (first !== TIMEOUT) {
      const value = settledValue(first);
      await options.reply(value);
      return { mode: 'immediate', value, ackMs: performance.now() - started };
    }
  }

  await options.defer();
  const ackMs = performance.now() - started;
  // the handler may finish while defer() is in flight; a follow-up must never overtake the deferral
  const value = settledValue(await settled);
  await options.followUp(value);
  return { mode: 'deferred', value, ackMs };
}
