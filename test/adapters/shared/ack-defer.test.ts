import { describe, expect, it } from 'vitest';
import { ackOrDefer } from '../../../adapters/shared/index.js';

function recorder() {
  const events: string[] = [];
  return {
    events,
    reply: async (v: string) => void events.push(`reply:${v}`),
    defer: async () => void events.push('defer'),
    followUp: async (v: string) => void events.push(`followUp:${v}`),
  };
}

/** a promise the test settles by hand, so ordering is decided by the test and not by timing */
function gate<T>() {
  let open!: (v: T) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    open = res;
    fail = rej;
  });
  return { promise, open, fail };
}

describe('ackOrDefer', () => {
  it('answers directly when the handler is done before the deadline', async () => {
    const r = recorder();
    const outcome = await ackOrDefer({ deadlineMs: 60_000, run: async () => 'done', ...r });
    expect(outcome.mode).toBe('immediate');
    expect(outcome.value).toBe('done');
    expect(r.events).toEqual(['reply:done']);
  });

  it('defers when the deadline passes, then follows up with the result', async () => {
    const r = recorder();
    const slow = gate<string>();
    const running = ackOrDefer({
      deadlineMs: 5,
      run: () => slow.promise,
      ...r,
      defer: async () => {
        r.events.push('defer');
        slow.open('late');
      },
    });
    const outcome = await running;
    expect(outcome.mode).toBe('deferred');
    expect(r.events).toEqual(['defer', 'followUp:late']);
  });

  it('never lets the follow-up overtake a slow deferral', async () => {
    const r = recorder();
    const slowDefer = gate<void>();
    const running = ackOrDefer({
      deadlineMs: 0,
      deferImmediately: true,
      run: async () => 'fast',
      reply: r.reply,
      followUp: r.followUp,
      defer: async () => {
        await slowDefer.promise;
        r.events.push('defer');
      },
    });
    await new Promise((res) => setTimeout(res, 10));
    expect(r.events).toEqual([]);
    slowDefer.open();
    await running;
    expect(r.events).toEqual(['defer', 'followUp:fast']);
  });

  it('answers a failed handler with the recovered value, in time or after deferring', async () => {
    const r = recorder();
    const recover = (e: unknown) => `oops:${(e as Error).message}`;
    await ackOrDefer({
      deadlineMs: 60_000,
      run: async () => Promise.reject(new Error('db down')),
      ...r,
      recover,
    });
    const late = gate<string>();
    await ackOrDefer({
      deadlineMs: 1,
      run: () => late.promise,
      ...r,
      defer: async () => {
        r.events.push('defer');
        late.fail(new Error('timeout'));
      },
      recover,
    });
    expect(r.events).toEqual(['reply:oops:db down', 'defer', 'followUp:oops:timeout']);
  });

  it('rethrows a handler failure without recover, after acknowledging', async () => {
    const r = recorder();
    const late = gate<string>();
    const running = ackOrDefer({
      deadlineMs: 1,
      run: () => late.promise,
      ...r,
      defer: async () => {
        r.events.push('defer');
        late.fail(new Error('boom'));
      },
    });
    await expect(running).rejects.toThrow('boom');
    expect(r.events).toEqual(['defer']);
  });
});
