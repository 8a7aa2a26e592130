// Platform output as one comparable text, laid out as the console prints a message:
//   == Title ==        (Slack header block, Discord embed title)
//   text lines          (Slack mrkdwn sections, Discord embed description)
//   label: value        (Slack section fields, Discord embed fields; a value of several lines goes
//   label:              under its label, indented)
//     line 1
//   [Button]            (Slack buttons, Discord buttons; the console prints "[Vote] → /election vote 1")
//   (chart)             (Slack's uploaded image, Discord's attached image, the console's "(chart: n bars)")
// Mentions become @name and #channel; formatting the platforms add (Slack's &amp; escapes and tone emoji,
// Discord's markdown escapes and zero-width placeholders) is taken off. Tone and colour are dropped.

/** how a platform's ids map back to the scenario's names */
export interface Names {
  member(platformId: string): string | undefined;
  channel(platformId: string): string | undefined;
}

interface Shown {
  title?: string;
  text: string;
  fields: { label: string; value: string }[];
  actions: string[];
  chart: boolean;
}

function layout(s: Shown): string {
  const out: string[] = [];
  if (s.title) out.push(`== ${s.title} ==`);
  if (s.text) out.push(s.text);
  for (const f of s.fields)
    out.push(
      f.value.includes('\n') ? `${f.label}:\n  ${f.value.replace(/\n/g, '\n  ')}` : `${f.label}: ${f.value}`,
    );
  for (const a of s.actions) out.push(`[${a}]`);
  if (s.chart) out.push('(chart)');
  return out.join('\n');
}

/** <@id> and <#id> (with Slack's optional |label) as the console prints them */
export function mentions(text: string, names: Names): string {
  return text
    .replace(/<@!?([^>|]+)(\|[^>]*)?>/g, (_, id: string) => `@${names.member(id) ?? id}`)
    .replace(/<#([^>|]+)(\|[^>]*)?>/g, (_, id: string) => `#${names.channel(id) ?? id}`);
}

// ---- console ----

/** A console print, without its "[DM to @x]" / "[only you, @x]" label line. */
export function fromConsole(printed: string): string {
  return printed
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/^(\[[^\]]+\]) → \/election .*$/, '$1').replace(/^\(chart: \d+ bars\)$/, '(chart)'))
    .join('\n');
}

/** "[only you, @olga]" -> 'only you'; "[#general] @olga:" -> 'channel' */
export function consoleVisibility(printed: string): Visibility {
  return printed.startsWith('[only you') ? 'only you' : 'channel';
}

// ---- Slack ----

const TONE_EMOJI = /^:(white_check_mark|warning|x): /;

function slackText(text: string, names: Names): string {
  return mentions(text, names).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Block Kit as posted (chat.postMessage, a command's ack, response_url, a modal's blocks) */
export function fromSlackBlocks(blocks: unknown, names: Names, chart = false): string {
  const s: Shown = { text: '', fields: [], actions: [], chart };
  const text: string[] = [];
  for (const b of (blocks ?? []) as SlackBlock[]) {
    if (b.type === 'header' && b.text) s.title = b.text.text;
    // a table is a section of its own, its label over a code block (blocks.ts monoText)
    const table = b.type === 'section' && b.text ? /^\*(.+?)\*\n```([\s\S]*)```$/.exec(b.text.text) : null;
    if (table) s.fields.push({ label: slackText(table[1], names), value: slackText(table[2], names) });
    else if (b.type === 'section' && b.text) text.push(slackText(b.text.text, names).replace(TONE_EMOJI, ''));
    for (const f of b.type === 'section' ? (b.fields ?? []) : []) {
      const [label, ...value] = slackText(f.text, names).split('\n');
      s.fields.push({ label: label.replace(/^\*(.*)\*$/s, '$1'), value: value.join('\n') });
    }
    if (b.type === 'actions')
      for (const e of b.elements ?? []) if (e.type === 'button' && e.text) s.actions.push(e.text.text);
  }
  s.text = text.join('\n');
  return layout(s);
}

interface SlackBlock {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; text?: { text: string } }[];
}

// ---- Discord ----

const ZWSP = '\u200b';

function discordText(text: string | undefined, names: Names): string {
  if (!text || text === ZWSP) return '';
  return mentions(text, names).replace(/\\([\\*_~`|[>#-])/g, '$1');
}

/** a Discord message (posted, edited, or an interaction's answer): its first embed and its buttons */
export function fromDiscord(
  message: { embeds?: any[]; components?: any[]; attachments?: { filename: string }[] },
  names: Names,
): string {
  const e = message.embeds?.[0] ?? {};
  const s: Shown = {
    title: e.title ? discordText(e.title, names) : undefined,
    text: discordText(e.description, names),
    fields: (e.fields ?? []).map((f: { name: string; value: string }) => ({
      label: discordText(f.name, names),
      // a table is a code block (discord-parts.ts fieldValue)
      value: discordText(/^```\n([\s\S]*)\n```$/.exec(f.value)?.[1] ?? f.value, names),
    })),
    actions: (message.components ?? []).flatMap((row: any) =>
      (row.components ?? []).filter((c: any) => c.type === 2).map((c: any) => String(c.label)),
    ),
    chart: Boolean(e.image?.url?.startsWith('attachment://')),
  };
  return layout(s);
}

// ---- answers ----

export type Visibility = 'only you' | 'channel';

/** a command's answer: who saw it, then what it said */
export function answer(visibility: Visibility, text: string): string {
  return `(${visibility})\n${text}`;
}

// ---- values that differ between runs ----

/**
 * Receipt codes (ABCD-EFGH-JKMN) become "<receipt of erin>" for the voter the code was issued to, and
 * hex digests (election ids, audit hashes) become <hex>, so two runs of the same election compare equal
 * and a receipt shown to the wrong member would still show.
 */
export function masked(text: string, receipts: ReadonlyMap<string, string>): string {
  return text
    .replace(RECEIPT, (code) => `<receipt of ${receipts.get(code) ?? 'nobody'}>`)
    .replace(/\b[0-9a-f]{16,}\b/g, '<hex>')
    .replace(WALL_TIME, '<time>');
}

/**
 * A deadline counted from when the command ran ("Fri 11 Dec 00:15 UTC"): transports run one after
 * another on the wall clock, so a minute may turn between them.
 */
const WALL_TIME =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}(?: \d{4})? \d{2}:\d{2} [A-Z]{2,5}(?:[+-]\d{1,2})?/g;

export const RECEIPT = /\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/g;
