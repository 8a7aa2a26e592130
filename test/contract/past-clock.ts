// A core clock that runs at wall-clock speed from a fixed instant in the past, for tests that drive a
// timetable through real adapters. Everything the core queues carries its own clock's time (notBefore),
// while the delivery workers and the console claim by the wall clock: a core clock behind the wall lets
// all of it be delivered at once, and advance() brings the timetable's jobs due for core.runJobs().
// Starting from a fixed instant keeps the dates the core writes the same on every run.

export class PastClock {
  private lag: number;

  constructor(start = '2026-03-01T09:00:00Z') {
    this.lag = Date.now() - Date.parse(start);
    if (this.lag <= 0) throw new Error(`PastClock: ${start} is not in the past`);
  }

  now = (): Date => new Date(Date.now() - this.lag);

  advance(ms: number): void {
    if (ms >= this.lag) throw new Error('PastClock: cannot pass the wall clock');
    this.lag -= ms;
  }
}
