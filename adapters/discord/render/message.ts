// Reply / MessageBody -> a Discord message: one embed (title, text, fields, tone colour, the chart
// as an attached image) and action buttons. Limits are Discord's: 4096 characters of description,
// 25 fields of 256/1024, 5 buttons a row and 5 rows.
import type { Action, ChartData, MessageBody, Reply, Tone } from '../../../src/core/index.js';
import { clip, fileBytes } from '../../shared/index.js';
import { encodeCustomId } from '../custom-id.js';

export const EPHEMERAL = 1 << 6;
export const CHART_FILE = 'chart.png';
/** Discord takes at most 10 attachments a message */
const MAX_FILES = 10;

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

export async function renderBody(body: MessageBody, ctx: RenderContext): Promise<Rendered> {
  const embed: Record<string, unknown> = { description: clip(body.text || '\u200b', 4096) };
  if (body.title) embed.title = clip(body.title, 256);
  if (body.tone) embed.color = COLOURS[body.tone];
  if (body.fields?.length) {
    embed.fields = body.fields
      .slice(0, 25)
      .map((f) => ({ name: clip(f.label || '\u200b', 256), value: clip(f.value || '\u200b', 1024) }));
  }
  const files: OutFile[] = [];
  const message: DiscordMessage = {
    embeds: [embed],
    components: actionRows(body.actions ?? [], ctx.guildId),
    // Notices name candidates and voters; nobody should be pinged by an election post.
    allowed_mentions: { parse: [] },
  };
  if (body.chart && ctx.renderChart) {
    const png = await ctx.renderChart(body.chart, ctx.locale);
    files.push({ name: CHART_FILE, data: Buffer.from(png), contentType: 'image/png' });
    embed.image = { url: `attachment://${CHART_FILE}` };
  }
  // a report to download: attached as files of their own (a PDF printed here from its document)
  for (const f of (body.files ?? []).slice(0, MAX_FILES - files.length))
    files.push({ name: f.name, data: Buffer.from(await fileBytes(f)), contentType: f.mime });
  if (files.length > 0) message.attachments = files.map((f, id) => ({ id, filename: f.name }));
  return { message, files };
}

export async function renderReply(reply: Reply, ctx: RenderContext): Promise<Rendered> {
  const out = await renderBody(reply.body, ctx);
  if (reply.visibility === 'only-you') out.message.flags = EPHEMERAL;
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
