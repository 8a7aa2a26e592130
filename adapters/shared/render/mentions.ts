// Member and channel mentions. Replies write members as `<@memberId>` (the form Slack and Discord
// both use) and channels as `<#channelId>`; the console has no mention syntax and prints names.

import type { Platform } from '../../../src/core/index.js';

const MEMBER = /<@([A-Za-z0-9_.-]+)(?:\|[^>]*)?>/g;
const CHANNEL = /<#([A-Za-z0-9_.-]+)(?:\|[^>]*)?>/g;

export function mention(memberId: string): string {
  return `<@${memberId}>`;
}

export function channelMention(channelId: string): string {
  return `<#${channelId}>`;
}

/** member ids mentioned in a text, in order, without repeats */
export function mentionedMembers(text: string): string[] {
  return [...new Set([...text.matchAll(MEMBER)].map((m) => m[1]))];
}

/**
 * Mentions as the platform shows them. Slack and Discord render `<@id>` and `<#id>` themselves (Slack's
 * optional `|label` is dropped on Discord, which does not know it); the console prints `@name` from
 * `names` when known, else `@id`.
 */
export function renderMentions(
  text: string,
  platform: Platform,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  if (platform === 'slack') return text;
  if (platform === 'discord') return text.replace(MEMBER, '<@$1>').replace(CHANNEL, '<#$1>');
  return text
    .replace(MEMBER, (_, id: string) => `@${names.get(id) ?? id}`)
    .replace(CHANNEL, (_, id: string) => `#${names.get(id) ?? id}`);
}

/**
 * Slack mrkdwn needs &, < and > escaped in text, but the mention tokens must stay as they are or they
 * would print literally. Member-written text (titles, statements, names) passes through here.
 */
export function escapeSlackText(text: string): string {
  const tokens = /<[@#!][^<>\s]+>/g;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(tokens)) {
    out += escapeSlackPlain(text.slice(last, m.index));
    out += m[0];
    last = m.index + m[0].length;
  }
  return out + escapeSlackPlain(text.slice(last));
}

function escapeSlackPlain(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Discord markdown is active in member-written text; a statement with `**` or a name with `_` must not
 * restyle the rest of the post. Discord mentions are digits only, so escaping leaves them intact.
 * `@everyone`/`@here` are defused with a zero-width space (adapters should still send allowed_mentions).
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(/([\\*_~`|[])/g, '\\$1')
    .replace(/^(\s*)([>#-])/gm, '$1\\$2')
    .replace(/@(everyone|here)/g, '@\u200b$1');
}
