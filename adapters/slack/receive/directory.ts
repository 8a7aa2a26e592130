// The workspace's members and channels, for turning what an organiser typed (`@carol`, `#branch-elections`)
// into ids. With the manifest's should_escape: false Slack sends a name as typed unless it was picked from
// autocomplete, so `@carol` arrives as plain text and only the Web API can say who carol is.
//
// users.list and conversations.list are Tier 2 (about 20 calls a minute) and paginated, so each list is
// read whole once and kept for `ttlMs`; a name not found in a list older than `refreshAfterMs` reads it
// again once (someone who joined a minute ago). Concurrent commands share one read.

import type { WebClient } from '@slack/web-api';

export interface DirectoryUser {
  id: string;
  /** the legacy username */
  name?: string;
  displayName?: string;
  realName?: string;
  /** present because the list is read with include_locale */
  locale?: string;
  /** the member's IANA zone (`tz`, in every users.list entry) */
  timeZone?: string;
  /** what to show for the member: display name, else real name, else username */
  shown: string;
  /** deactivated accounts and bots are found by id (to remove one from a roll) but never by name */
  inactive: boolean;
}

export interface DirectoryChannel {
  id: string;
  name: string;
}

export type Match<T> = { kind: 'one'; item: T } | { kind: 'many'; items: T[] } | { kind: 'none' };

interface Listing<T> {
  at: number;
  items: Promise<T[]>;
}

/** Slack's recommended page size for cursor pagination */
const PAGE = 200;
const MAX_TEAMS = 100;

export class SlackDirectory {
  private readonly users = new Map<string, Listing<DirectoryUser>>();
  private readonly channels = new Map<string, Listing<DirectoryChannel>>();

  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly refreshAfterMs = 30_000,
  ) {}

  /** every member of the workspace (deactivated accounts and bots marked inactive) */
  listUsers(client: WebClient, teamId: string, now = Date.now()): Promise<DirectoryUser[]> {
    return this.cached(this.users, teamId, now, () => readUsers(client));
  }

  listChannels(client: WebClient, teamId: string, now = Date.now()): Promise<DirectoryChannel[]> {
    return this.cached(this.channels, teamId, now, () => readChannels(client));
  }

  /** `@carol`, `carol`, `"Carol Smith"` or a member id -> who that is, by id, username, display or real name */
  async findMember(client: WebClient, teamId: string, typed: string): Promise<Match<DirectoryUser>> {
    const wanted = fold(typed.replace(/^@/, ''));
    if (!wanted) return { kind: 'none' };
    const match = (all: DirectoryUser[]) => {
      const byId = all.find((u) => u.id === typed.replace(/^@/, ''));
      return byId
        ? [byId]
        : all.filter(
            (u) =>
              !u.inactive &&
              [u.name, u.displayName, u.realName].some((n) => n !== undefined && fold(n) === wanted),
          );
    };
    return this.find(
      this.users,
      teamId,
      () => this.listUsers(client, teamId),
      () => readUsers(client),
      match,
    );
  }

  /** `#branch-elections`, `branch-elections` or a channel id -> that channel (names are unique in a workspace) */
  async findChannel(client: WebClient, teamId: string, typed: string): Promise<Match<DirectoryChannel>> {
    const bare = typed.replace(/^#/, '');
    const wanted = fold(bare);
    if (!wanted) return { kind: 'none' };
    const match = (all: DirectoryChannel[]) => all.filter((c) => c.id === bare || fold(c.name) === wanted);
    return this.find(
      this.channels,
      teamId,
      () => this.listChannels(client, teamId),
      () => readChannels(client),
      match,
    );
  }

  /** the cached member with this id, without reading anything */
  async knownUser(teamId: string, id: string, now = Date.now()): Promise<DirectoryUser | undefined> {
    const hit = this.users.get(teamId);
    if (!hit || now - hit.at >= this.ttlMs) return undefined;
    const all = await hit.items.catch(() => [] as DirectoryUser[]);
    return all.find((u) => u.id === id);
  }

  private async find<T>(
    cache: Map<string, Listing<T>>,
    teamId: string,
    list: () => Promise<T[]>,
    read: () => Promise<T[]>,
    match: (all: T[]) => T[],
  ): Promise<Match<T>> {
    let found = match(await list());
    const age = Date.now() - (cache.get(teamId)?.at ?? 0);
    if (found.length === 0 && age >= this.refreshAfterMs) {
      const items = read();
      cache.set(teamId, { at: Date.now(), items });
      items.catch(() => cache.delete(teamId));
      found = match(await items);
    }
    if (found.length === 1) return { kind: 'one', item: found[0] };
    return found.length === 0 ? { kind: 'none' } : { kind: 'many', items: found };
  }

  private cached<T>(
    cache: Map<string, Listing<T>>,
    teamId: string,
    now: number,
    read: () => Promise<T[]>,
  ): Promise<T[]> {
    const hit = cache.get(teamId);
    if (hit && now - hit.at < this.ttlMs) return hit.items;
    const items = read();
    cache.set(teamId, { at: now, items });
    // a failed read is not remembered: the next command asks again
    items.catch(() => cache.delete(teamId));
    if (cache.size > MAX_TEAMS) cache.delete(cache.keys().next().value!);
    return items;
  }
}

/** Names compare without case, width or accents' composition differences ("Carol" = "carol" = "ｃａｒｏｌ"). */
function fold(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase();
}

async function readUsers(client: WebClient): Promise<DirectoryUser[]> {
  const out: DirectoryUser[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.users.list({
      limit: PAGE,
      include_locale: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const u of page.members ?? []) {
      if (!u.id) continue;
      const displayName = u.profile?.display_name || undefined;
      const realName = u.real_name || u.profile?.real_name || undefined;
      const inactive = Boolean(u.deleted || u.is_bot || u.id === 'USLACKBOT');
      out.push({
        id: u.id,
        name: u.name,
        displayName,
        realName,
        locale: u.locale,
        ...(u.tz ? { timeZone: u.tz } : {}),
        shown: displayName ?? realName ?? u.name ?? u.id,
        inactive,
      });
    }
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return out;
}

async function readChannels(client: WebClient): Promise<DirectoryChannel[]> {
  const out: DirectoryChannel[] = [];
  let cursor: string | undefined;
  do {
    // private channels are listed only when Teller was invited to them (groups:read), which is also
    // the only way it could post there
    const page = await client.conversations.list({
      limit: PAGE,
      types: 'public_channel,private_channel',
      exclude_archived: true,
      ...(cursor ? { cursor } : {}),
    });
    for (const c of page.channels ?? []) if (c.id && c.name) out.push({ id: c.id, name: c.name });
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return out;
}
