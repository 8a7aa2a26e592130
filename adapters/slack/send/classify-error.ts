// A failed Web API call -> what the delivery worker should do about it. WebClient is built with no
// retries and rejectRateLimitedCalls, so 429s and 5xx surface here instead of being retried silently
// inside the client (the worker owns waiting, so one slow message does not hold a concurrency slot).

import type { SendResult } from '../../shared/index.js';

/** the destination cannot take messages: no point retrying */
const UNREACHABLE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'cannot_dm_bot',
  'user_not_found',
  'user_disabled',
  'user_not_visible',
  'messages_tab_disabled',
  'account_inactive',
  'token_revoked',
  'no_permission',
  'restricted_action',
]);

/** Slack's own trouble: worth retrying, and the message may already be posted */
const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

interface SlackErrorLike {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  original?: { code?: string; message?: string };
  message?: string;
}

/**
 * `sideEffect`: whether the failed call could itself have delivered the message (chat.postMessage yes,
 * conversations.open or an upload no), which decides if the worker must look before re-sending.
 */
export function classifySlackError(err: unknown, method: string, sideEffect: boolean): SendResult {
  const e = (err ?? {}) as SlackErrorLike;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error':
      // A 429 means Slack did not act. The bucket to pause is the method that was refused.
      return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000, keys: [method] };
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      if (status >= 500 || status === 408)
        return { kind: 'retry', error: `${method}: HTTP ${status}`, maybeSent: sideEffect };
      return { kind: 'failed', error: `${method}: HTTP ${status}` };
    }
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return { kind: 'rate-limited', retryAfterMs: 1000, keys: [method] };
      if (UNREACHABLE.has(code)) return { kind: 'unreachable', error: `${method}: ${code}` };
      if (TRANSIENT.has(code)) return { kind: 'retry', error: `${method}: ${code}`, maybeSent: sideEffect };
      return { kind: 'failed', error: `${method}: ${code}` };
    }
    case 'slack_webapi_request_error': {
      // Refused or unresolvable connections never reached Slack; anything else (reset, timeout) might have.
      const net = e.original?.code ?? '';
      const neverSent = net === 'ECONNREFUSED' || net === 'ENOTFOUND' || net === 'EAI_AGAIN';
      return {
        kind: 'retry',
        error: `${method}: ${net || e.original?.message || 'request error'}`,
        maybeSent: sideEffect && !neverSent,
      };
    }
    default:
      return { kind: 'retry', error: `${method}: ${e.message ?? String(err)}`, maybeSent: sideEffect };
  }
}
