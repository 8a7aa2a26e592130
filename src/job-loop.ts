// Runs the core's durable jobs on a timer for as long as Teller runs. Every process runs one; the
// jobs table's leases make each job run once however many there are.
import type { Logger, TellerCore } from './core/index.js';

export const JOB_EVERY_MS = 5_000;

export function startJobLoop(
  core: TellerCore,
  logger: Logger,
  everyMs = JOB_EVERY_MS,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = core
      .runJobs()
      .catch((error: unknown) => logger.error('running due jobs failed', { error: String(error) }));
  };
  const timer = setInterval(() => {
    if (!stopped) void running.then(tick);
  }, everyMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
