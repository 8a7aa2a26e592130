import { describe, expect, it } from 'vitest';
import { RequestPacer } from '../../../adapters/discord/send/request-pacer.js';

describe('RequestPacer', () => {
  it('never lets more than the limit through in any one-second window, serving takes in order', async () => {
    const pacer = new RequestPacer(10, 1000);
    const order: number[] = [];
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        pacer.take().then(() => {
          order.push(i);
          at.push(Date.now());
        }),
      ),
    );
    expect(order).toEqual(Array.from({ length: 25 }, (_, i) => i));
    for (let i = 0; i + 10 < at.length; i++) expect(at[i + 10] - at[i]).toBeGreaterThanOrEqual(1000);
  });

  it('holds everything back during a global pause', async () => {
    const pacer = new RequestPacer(100, 1000);
    pacer.pause(150);
    const t0 = Date.now();
    await pacer.take();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(145);
  });

  it('stops waiting when the send is aborted', async () => {
    const pacer = new RequestPacer(1, 1000);
    await pacer.take();
    const abort = new AbortController();
    const waiting = pacer.take(abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow('aborted');
  });
});
