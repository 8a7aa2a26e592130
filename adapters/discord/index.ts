// The Discord adapter's public entry, for main.ts and the CLI.
export {
  createDiscordBot,
  DISCORD_LIMITS,
  type DiscordBot,
  type DiscordBotOptions,
  type DiscordConfig,
} from './bot.js';
export { deployCommands, type DeployOptions, type DeployResult } from './commands/deploy-commands.js';
export { buildCommandTable, optionName } from './commands/command-definitions.js';
export { DiscordSender } from './delivery/discord-sender.js';
export { INTERACTIONS_PATH } from './receive/http-interactions.js';
export {
  differencesMarkdown,
  withDifferences,
  README_END,
  README_START,
} from './commands/command-differences.js';
