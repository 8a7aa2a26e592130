// The adapter logs through whatever main.ts passes in; console is the fallback. Never log ballot choices.
export interface SlackLogger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export const consoleLogger: SlackLogger = {
  debug: () => {},
  info: (m, e) => console.info(m, e ?? ''),
  warn: (m, e) => console.warn(m, e ?? ''),
  error: (m, e) => console.error(m, e ?? ''),
};
