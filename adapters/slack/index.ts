// The Slack adapter's public entry, for main.ts and the CLI.
export {
  createSlackAdapter,
  SLACK_SCOPES,
  type SlackAdapter,
  type SlackAdapterOptions,
  type SlackConfig,
} from './slack-adapter.js';
export { SlackSender } from './send/slack-sender.js';
export { SLACK_RATE_LIMITS } from './slack-limits.js';
