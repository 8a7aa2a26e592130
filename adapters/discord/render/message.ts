// Reply / MessageBody -> Discord messages: an embed (title, text, fields, tone colour, the first chart
// as its image), further charts as image embeds beside it, and action buttons. A body over Discord's
// limits (discord-parts.ts) continues in follow-up messages, so nothing is cut off; buttons allow 5 a
// row and 5 rows.
import {
  type Action,
  type ChartData,
  chartsOf,
  type MessageBody,
  type Reply,
  type ReplyFile,
  type Tone,
} from '../../../src/core/index.js';
import { clip, fileBytes } from '../../shared/index.js';
import { encodeCustomId } from '../custom-id.js';
import { DISCORD_LIMITS, discordParts, fieldName, fieldValue } from './discord-parts.js';

export const EPHEMERAL = 1 << 6;
export const CHART_FILE = 'chart.png';

export interface OutFile {
  name: string;
  data: Buffer;
  contentType?: string;
}

export interface DiscordMessage {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  attachments?: { id: number; filename: string }[];
  allowed_mentions?: { parse: string[] };
  nonce?: string;
  enforce_nonce?: boolean;
}

export interface Rendered {
  message: DiscordMessage;
  files: OutFile[];
  /** the messages a long body continues in, to be posted after this one, in order */
  more?: Rendered[];
}

export type ChartRenderer = (chart: ChartData, locale?: string) => Promise<Uint8Array>;

const COLOURS: Record<Tone, number> = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  error: 0xed4245,
};

export interface RenderContext {
  /** the organisation's guild, put in button ids so buttons pressed in a DM find their server */
  guildId?: string;
  renderChart?: ChartRenderer;
  locale?: string;
}

/** one part as a message: its embed and buttons, charts not yet attached */
function renderPart(body: MessageBody, ctx: RenderContext): Rendered {
  const embed: Record<string, unknown> = { description: clip(body.text || '\u200b', 4096) };
  if (body.title) embed.title = clip(body.title, 256);
  if (body.tone) embed.color = COLOURS[body.tone];
  // parts are cut to fit (discord-parts.ts); the clips only guard a body that was not
  if (body.fields?.length) {
    embed.fields = body.fields
      .slice(0, 25)
      .map((f) => ({ name: clip(fieldName(f), 256), value: clip(fieldValue(f), 1024) }));
  }
  return {
    message: {
      embeds: [embed],
      components: actionRows(body.actions ?? [], ctx.guildId),
      // Notices name candidates and voters; nobody should be pinged by an election post.
      allowed_mentions: { parse: [] },
    },
    files: [],
  };
}

const chartFile = (i: number, count: number) => (count === 1 ? CHART_FILE : `chart-${i + 1}.png`);

/**
 * The charts go with the first message, up to Discord's 10 embeds and 10 attachments: the first as its
 * embed's image, the others as embeds of their own; any more in messages of their own after the rest.
 */
async function attachCharts(parts: Rendered[], charts: ChartData[], ctx: RenderContext): Promise<Rendered[]> {
  const render = ctx.renderChart;
  if (!render || charts.length === 0) return parts;
  const files = await Promise.all(
    charts.map(async (chart, i) => ({
      name: chartFile(i, charts.length),
      data: Buffer.from(await render(chart, ctx.locale)),
      contentType: 'image/png',
    })),
  );
  const attach = (target: Rendered, batch: OutFile[], intoFirst: boolean) => {
    const embeds = target.message.embeds as Record<string, unknown>[];
    batch.forEach((f, i) => {
      const image = { url: `attachment://${f.name}` };
      if (i === 0 && intoFirst) embeds[0].image = image;
      else embeds.push({ image });
    });
    target.files.push(...batch);
    target.message.attachments = target.files.map((f, id) => ({ id, filename: f.name }));
  };
  const first = files.slice(0, DISCORD_LIMITS.attachments);
  attach(parts[0], first, true);
  const out = [...parts];
  for (let i = first.length; i < files.length; i += DISCORD_LIMITS.attachments) {
    const only: Rendered = { message: { embeds: [], allowed_mentions: { parse: [] } }, files: [] };
    attach(only, files.slice(i, i + DISCORD_LIMITS.attachments), false);
    out.push(only);
  }
  return out;
}

/**
 * Files to download (an export, a report: a PDF printed here from its document) go with the first
 * message beside its charts, up to Discord's 10 attachments, and any more in messages of their own.
 */
async function attachFiles(parts: Rendered[], files: readonly ReplyFile[]): Promise<Rendered[]> {
  if (files.length === 0) return parts;
  const out = [...parts];
  let target = out[0];
  for (const f of files) {
    if (target.files.length >= DISCORD_LIMITS.attachments) {
      target = { message: { embeds: [], allowed_mentions: { parse: [] } }, files: [] };
      out.push(target);
    }
    target.files.push({ name: f.name, data: Buffer.from(await fileBytes(f)), contentType: f.mime });
    target.message.attachments = target.files.map((x, id) => ({ id, filename: x.name }));
  }
  return out;
}

/** The body as the first message, with `more` holding the follow-ups a long body needs. */
export async function renderBody(body: MessageBody, ctx: RenderContext): Promise<Rendered> {
  const parts = discordParts(body).map((p) => renderPart(p, ctx));
  const withCharts = await attachCharts(parts, chartsOf(body), ctx);
  const [first, ...more] = await attachFiles(withCharts, body.files ?? []);
  return more.length > 0 ? { ...first, more } : first;
}

export async function renderReply(reply: Reply, ctx: RenderContext): Promise<Rendered> {
  const out = await renderBody(reply.body, ctx);
  if (reply.visibility === 'only-you')
    for (const m of [out, ...(out.more ?? [])]) m.message.flags = EPHEMERAL;
  return out;
}

/** plain text for an error or notice the adapter itself raises */
export function notice(text: string, tone: Tone = 'error', ephemeral = true): DiscordMessage {
  return {
    embeds: [{ description: clip(text, 4096), color: COLOURS[tone] }],
    components: [],
    ...(ephemeral ? { flags: EPHEMERAL } : {}),
    allowed_mentions: { parse: [] },
  };
}

export function actionRows(actions: readonly Action[], guildId?: string): unknown[] {
  const rows: unknown[] = [];
  for (let i = 0; i < actions.length && rows.length < 5; i += 5) {
    rows.push({
      type: 1,
      components: actions.slice(i, i + 5).map((a) => ({
        type: 2,
        style: a.style === 'danger' ? 4 : a.style === 'primary' ? 1 : 2,
        label: clip(a.label, 80),
        custom_id: encodeCustomId(a.command, a.args, guildId),
      })),
    });
  }
  return rows;
}

// ballot/ballot-view.ts takes clip from here
export { clip };
