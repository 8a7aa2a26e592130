// Virtual time for delivery tests: sleeping advances the clock instead of waiting, so a test with
// Retry-After of minutes runs in milliseconds. Every sleep still guarantees at least `ms` of virtual time
// passes for the sleeper, which is what "Retry-After honoured" means.

import type { Clock } from '../../adapters/shared/index.js';

export class VirtualClock implements Clock {
  constructor(private t = Date.parse('2026-11-23T12:00:00Z')) {}

  now(): Date {
    return new Date(this.t);
  }

  advance(ms: number): void {
    this.t += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    this.t += Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
