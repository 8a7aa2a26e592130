// The Discord adapter's public entry, for main.ts and the CLI.
export {
  createDiscordAdapter,
  DISCORD_LIMITS,
  type DiscordAdapter,
  type DiscordAdapterOptions,
  type DiscordConfig,
} from './discord-adapter.js';
export { deployCommands, type DeployOptions, type DeployResult } from './commands/deploy-commands.js';
export { buildCommandTable, optionName } from './commands/command-definitions.js';
export { DiscordSender } from './send/discord-sender.js';
export { INTERACTIONS_PATH } from './receive/http-interactions.js';
export {
  differencesMarkdown,
  withDifferences,
  README_END,
  README_START,
} from './commands/command-differences.js';
