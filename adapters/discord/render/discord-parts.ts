// Discord's limits on one message (embed reference: a title of at most 256 characters, a description
// of at most 4096, at most 25 fields of a 256-character name and a 1024-character value, at most 6000
// characters across all of a message's embeds, at most 10 embeds and 10 attachments), and a body as
// the messages that hold it within them: the first, then follow-ups in the same channel.

import type { Field, MessageBody } from '../../../src/core/index.js';
import { splitBody } from '../../shared/index.js';

export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedChars: 6000,
  embeds: 10,
  attachments: 10,
};

/** an empty field name or value is refused; a zero-width space stands in */
const ZWSP = '\u200b';

/**
 * A table as Discord shows it: in a code block, whose fence needs a line of its own. Inside a code
 * block ``` is shown as typed, so a name with backticks cannot end it early; a zero-width space keeps
 * three of them apart.
 */
export function fieldValue(f: Field): string {
  if (!f.mono) return f.value || ZWSP;
  return `\`\`\`\n${f.value.replace(/```/g, `\`\`${ZWSP}\``)}\n\`\`\``;
}

export const fieldName = (f: Field) => f.label || ZWSP;

/** the characters Discord counts towards a message's 6000 for this body's embed */
function embedChars(body: MessageBody): number {
  return (
    (body.title ?? '').length +
    (body.text || ZWSP).length +
    (body.fields ?? []).reduce((n, f) => n + fieldName(f).length + fieldValue(f).length, 0)
  );
}

/** the body as Discord messages, each within Discord's limits, holding every figure between them */
export function discordParts(body: MessageBody): MessageBody[] {
  return splitBody(body, {
    fieldFits: (f) =>
      fieldName(f).length <= DISCORD_LIMITS.fieldName && fieldValue(f).length <= DISCORD_LIMITS.fieldValue,
    textFits: (text) => text.length <= DISCORD_LIMITS.description,
    fits: (part) =>
      (part.fields?.length ?? 0) <= DISCORD_LIMITS.fields && embedChars(part) <= DISCORD_LIMITS.embedChars,
  });
}
