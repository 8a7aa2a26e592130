import type { Logger } from './core/index.js';

type Level = 'debug' | 'info' | 'error' | 'silent';

/** One line per event on stderr. Callers never pass ballot choices (see core/commands/dispatch.ts). */
export function createLogger(level: Level, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const show = (l: 'info' | 'error') => level !== 'silent' && (l === 'error' || level !== 'error');
  const line = (l: 'info' | 'error', message: string, meta?: Record<string, unknown>) => {
    if (show(l)) write(`${new Date().toISOString()} ${l.toUpperCase()} ${message}${meta ? ' ' + JSON.stringify(meta) : ''}`);
  };
  return { info: (m, meta) => line('info', m, meta), error: (m, meta) => line('error', m, meta) };
}
