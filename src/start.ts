// `teller start`: every configured platform; the local console when none is.
import type { Config } from './config.js';

export async function start(config: Config, startConsole: (config: Config) => Promise<number>): Promise<number> {
  if (!config.slack && !config.discord) return startConsole(config);
  console.error('Slack and Discord are not wired in yet; unset their variables to use the console.');
  return 2;
}
