// The logger every adapter and the app's entry points take: the core's Logger (src/core/index.ts) plus
// the two levels only adapters use, debug and warn. The core's own Logger needs just info and error, so
// one object serves both. Never log ballot choices.
import type { Logger as CoreLogger } from '../../src/core/index.js';

export interface Logger extends CoreLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

/** the fallback when main.ts passes no logger: debug is dropped, the rest goes to the console */
export const consoleLogger: Logger = {
  debug: () => {},
  info: (m, meta) => console.info(m, meta ?? ''),
  warn: (m, meta) => console.warn(m, meta ?? ''),
  error: (m, meta) => console.error(m, meta ?? ''),
};
