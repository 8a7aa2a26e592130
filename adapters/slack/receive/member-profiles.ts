// Slash commands and interactions do not carry the member's locale, display name or time zone, so they
// come from users.info (include_locale; `tz` is always there) and are cached: looking them up on every
// command would cost a Web API round trip inside Slack's 3-second acknowledgement window.

import type { WebClient } from '@slack/web-api';

export interface MemberProfile {
  locale?: string;
  displayName?: string;
  /** the IANA zone of the member's Slack preferences (`tz`); the core shows their DMs' times in it */
  timeZone?: string;
}

interface Entry {
  at: number;
  profile: Promise<MemberProfile>;
}

export class MemberProfiles {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly ttlMs = 10 * 60_000) {}

  get(client: WebClient, teamId: string, userId: string, now = Date.now()): Promise<MemberProfile> {
    const key = `${teamId}:${userId}`;
    const hit = this.cache.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.profile;
    const profile = client.users
      .info({ user: userId, include_locale: true })
      .then((r) => ({
        locale: r.user?.locale,
        displayName: r.user?.profile?.display_name || r.user?.real_name || undefined,
        ...(r.user?.tz ? { timeZone: r.user.tz } : {}),
      }))
      // A failed lookup must not block the command: fall back to the organisation's default locale
      // and no display name, and forget the failure so the next command asks again.
      .catch(() => {
        this.cache.delete(key);
        return {} satisfies MemberProfile;
      });
    this.cache.set(key, { at: now, profile });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return profile;
  }
}
