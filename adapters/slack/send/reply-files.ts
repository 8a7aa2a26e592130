// A command's reply that carries files (the summary report as Markdown, JSON or PDF). Slash-command
// replies go back through response_url, which takes no files, and an ephemeral message cannot hold one;
// so the files are uploaded and shared into the member's own DM with Teller, where only they see them,
// and the reply says so.
import type { WebClient } from '@slack/web-api';
import type { Reply, ReplyFile } from '../../../src/core/index.js';
import { fileBytes } from '../../shared/index.js';
import { uploadFile } from './chart-upload.js';

export interface FileShareLog {
  warn(message: string, meta?: Record<string, unknown>): void;
}

/** The reply as the member sees it on Slack: a line that says where its files went. */
export function withFilesNote(reply: Reply, note: string): Reply {
  if (!reply.body.files?.length) return reply;
  return { ...reply, body: { ...reply.body, text: [reply.body.text, note].filter(Boolean).join('\n') } };
}

/** Upload the reply's files and share them into the member's DM; false when that failed. */
export async function shareReplyFiles(
  client: WebClient,
  memberId: string,
  files: readonly ReplyFile[] | undefined,
  log: FileShareLog,
): Promise<boolean> {
  if (!files?.length) return true;
  try {
    const uploaded: { id: string; title: string }[] = [];
    for (const f of files)
      uploaded.push({ id: await uploadFile(client, await fileBytes(f), f), title: f.name });
    const dm = await client.conversations.open({ users: memberId });
    const channel = dm.channel?.id;
    if (!channel) throw new Error('conversations.open returned no channel');
    await client.files.completeUploadExternal({
      files: uploaded as [{ id: string; title: string }],
      channel_id: channel,
    });
    return true;
  } catch (err) {
    log.warn('slack reply files not shared', { files: files.map((f) => f.name), error: String(err) });
    return false;
  }
}
