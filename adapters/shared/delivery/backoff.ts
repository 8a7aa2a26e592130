// Exponential backoff with "equal jitter": half the capped delay is fixed, half random. Pure jitter can
// retry a failing platform almost at once; no jitter makes thousands of DMs that failed together
// retry together.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** delay before attempt `attempt + 1`, after `attempt` (>= 1) failed attempts */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(cap / 2 + random() * (cap / 2));
}
