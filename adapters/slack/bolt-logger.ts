// Bolt wants its own Logger shape; route it into Teller's logger so one place decides what is kept.
// Bolt's debug output is dropped, never forwarded: it logs every incoming payload verbatim
// (JSON.stringify(body)), and a ballot modal's view_submission carries the voter's choices.
import { LogLevel, type Logger } from '@slack/bolt';
import type { Logger as TellerLogger } from '../shared/index.js';

export function boltLogger(logger: TellerLogger): Logger {
  let level = LogLevel.INFO;
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : String(m))).join(' ');
  return {
    debug: () => {},
    info: (...msg) => logger.info(text(msg)),
    warn: (...msg) => logger.warn(text(msg)),
    error: (...msg) => logger.error(text(msg)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
