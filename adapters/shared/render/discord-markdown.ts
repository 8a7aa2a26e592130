// Discord markdown is active in member-written text; a statement with `**` or a name with `_` must not
// restyle the rest of the post. Discord mentions are digits only, so escaping leaves them intact.
// `@everyone`/`@here` are defused with a zero-width space (adapters should still send allowed_mentions).
export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(/([\\*_~`|[])/g, '\\$1')
    .replace(/^(\s*)([>#-])/gm, '$1\\$2')
    .replace(/@(everyone|here)/g, '@\u200b$1');
}
