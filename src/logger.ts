// The app's logger has the shape adapters/shared defines: the core's Logger plus debug and warn.
import type { Logger } from '../adapters/shared/index.js';

type Level = 'debug' | 'info' | 'error' | 'silent';
const RANK = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;

/** One line per event on stderr, at LOG_LEVEL and above. Callers never pass ballot choices (see core/app/dispatch.ts). */
export function createLogger(
  level: Level,
  write: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Logger {
  const line =
    (l: 'debug' | 'info' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) => {
      if (RANK[l] >= RANK[level])
        write(
          `${new Date().toISOString()} ${l.toUpperCase()} ${message}${meta ? ` ${JSON.stringify(meta)}` : ''}`,
        );
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}
