// `teller start`: every configured platform; the local console when none is.
import type { Config } from './config.js';
import { startJobLoop } from './job-loop.js';
import { createLogger } from './logger.js';
import { buildTeller, startPlatforms } from './main.js';

export async function start(
  config: Config,
  startConsole: (config: Config) => Promise<number>,
): Promise<number> {
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
