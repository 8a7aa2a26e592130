// One message body as several platform messages, each within the platform's limits, without cutting a
// figure off: a long announcement (many contests, many rounds, many candidates) goes out whole. Fields
// too long for one are split between lines (a round table keeps whole rows), and labelled "(1/3)",
// "(2/3)"...; the fields are then packed in order into as few messages as the platform takes, and the
// parts' titles numbered the same way. What "fits" means is the platform's (Slack blocks, Discord
// embeds); this file only knows that it can ask.

import type { Field, MessageBody } from '../../../src/core/index.js';

export interface PartLimits {
  /** whether one field, rendered, is within the platform's limit for a field */
  fieldFits(field: Field): boolean;
  /** whether the message text (above the fields), rendered, is within the platform's limit */
  textFits(text: string): boolean;
  /** whether a whole part, rendered, fits in one platform message */
  fits(part: MessageBody): boolean;
}

/** the longest "(n/m)" a label or title gets, reserved while measuring so numbering cannot overflow */
const WIDEST_MARK = ' (999/999)';

const numbered = (text: string, i: number, n: number) => (n > 1 ? `${text} (${i + 1}/${n})` : text);

/**
 * Pieces of `text`, each as long as `fits` allows: whole lines where one fits, a line cut between
 * characters only where a single line alone is too long. Nothing is left out or changed.
 */
export function splitLines(text: string, fits: (piece: string) => boolean): string[] {
  const out: string[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const joined = current === undefined ? line : `${current}\n${line}`;
    if (fits(joined)) {
      current = joined;
      continue;
    }
    if (current !== undefined) out.push(current);
    current = undefined;
    let rest = line;
    while (rest.length > 1 && !fits(rest)) {
      const chars = [...rest];
      let n = chars.length - 1;
      while (n > 1 && !fits(chars.slice(0, n).join(''))) n = Math.floor(n * 0.9);
      // grow back to the longest prefix that fits (the shrink above overshoots by up to a tenth)
      while (n + 1 < chars.length && fits(chars.slice(0, n + 1).join(''))) n++;
      out.push(chars.slice(0, Math.max(1, n)).join(''));
      rest = chars.slice(Math.max(1, n)).join('');
    }
    current = rest;
  }
  if (current !== undefined) out.push(current);
  return out;
}

/** a field the platform cannot take in one, as several that it can */
function splitField(field: Field, limits: PartLimits): Field[] {
  if (limits.fieldFits(field)) return [field];
  const wide = `${field.label}${WIDEST_MARK}`;
  const pieces = splitLines(field.value, (value) => limits.fieldFits({ ...field, label: wide, value }));
  return pieces.map((value, i) => ({ ...field, label: numbered(field.label, i, pieces.length), value }));
}

/**
 * The parts to post, in order: the first carries the title, text, actions, ballot and charts (the
 * platform decides where charts go); the rest carry fields, and text that did not fit the first.
 */
export function splitBody(body: MessageBody, limits: PartLimits): MessageBody[] {
  const { fields = [], text, title, tone } = body;
  const pieces = fields.flatMap((f) => splitField(f, limits));
  const texts = limits.textFits(text) ? [text] : splitLines(text, limits.textFits);
  const wideTitle = title === undefined ? undefined : `${title}${WIDEST_MARK}`;
  const bare = (t: string): MessageBody => ({
    text: t,
    ...(wideTitle !== undefined ? { title: wideTitle } : {}),
    ...(tone ? { tone } : {}),
  });
  const { fields: _fields, text: _text, ...rest } = body;
  const parts: MessageBody[] = [
    { ...rest, ...(wideTitle !== undefined ? { title: wideTitle } : {}), text: texts[0] },
    ...texts.slice(1).map(bare),
  ];
  for (const piece of pieces) {
    const last = parts[parts.length - 1];
    const tried = { ...last, fields: [...(last.fields ?? []), piece] };
    if (limits.fits(tried)) parts[parts.length - 1] = tried;
    else parts.push({ ...bare(''), fields: [piece] });
  }
  return parts.map((p, i) => (title === undefined ? p : { ...p, title: numbered(title, i, parts.length) }));
}
