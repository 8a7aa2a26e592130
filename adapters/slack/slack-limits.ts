// Slack's published limits, as token buckets for the delivery worker. chat.postMessage is "special":
// about one message per second per channel with short bursts, plus a workspace-wide ceiling Slack
// describes only as "several hundred a minute"; 4/s keeps well inside it. Updates (chat.update) and
// history lookups (conversations.history) are Tier 3 (50+/min); uploads Tier 4 (100+/min).
import type { RateLimitConfig } from '../shared/index.js';

export const SLACK_RATE_LIMITS: RateLimitConfig = {
  buckets: {
    'chat.postMessage': { ratePerSecond: 4, burst: 10 },
    channel: { ratePerSecond: 1, burst: 3 },
    'chat.update': { ratePerSecond: 50 / 60, burst: 10 },
    'files.upload': { ratePerSecond: 100 / 60, burst: 5 },
    'find-sent': { ratePerSecond: 50 / 60, burst: 5 },
  },
};
