// `teller start`: every configured platform; the local console when none is.
import { runConsoleLoop } from '../adapters/console/console-loop.js';
import type { Config } from './config.js';
import { startJobLoop } from './job-loop.js';
import { createLogger } from './logger.js';
import { buildTeller, createConsoleSession, startPlatforms } from './main.js';

export async function start(config: Config): Promise<number> {
  if (!config.slack && !config.discord) return startConsole(config);
  const logger = createLogger(config.logLevel);
  const teller = await buildTeller(config, logger);
  const running = await startPlatforms(teller, config, logger);
  const jobs = startJobLoop(teller.core, logger);
  console.log(`Teller is running: ${running.platforms.join(', ')}. Ctrl-C stops it.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // stop taking work, let delivery workers hand back their claims, then close the database
  await jobs.stop();
  await running.stop();
  await teller.close();
  return 0;
}

/** A PostgreSQL URL as it may be shown on screen: the password never is. */
function withoutPassword(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@');
}

async function startConsole(config: Config): Promise<number> {
  // info lines would interleave with the conversation on the same terminal
  const logger = createLogger(config.logLevel === 'info' ? 'error' : config.logLevel);
  const teller = await buildTeller(config, logger);
  const jobs = startJobLoop(teller.core, logger);
  const session = createConsoleSession(teller, config, (t) => console.log(`${t}\n`));
  console.log(
    `Teller console on ${withoutPassword(config.databaseUrl)}. You are @${session.member}; /as <member> switches, /election help lists commands, /quit leaves.`,
  );
  await runConsoleLoop(session, { input: process.stdin, output: process.stdout });
  await jobs.stop();
  await teller.close();
  return 0;
}
