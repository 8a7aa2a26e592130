// Slack's current file upload flow (files.upload is retired): ask for an upload URL, POST the bytes
// there, and share the file later with files.completeUploadExternal. Until completed, nothing is
// visible in any channel, so a failed upload can simply be retried.

import type { WebClient } from '@slack/web-api';

/** Upload bytes under a name; the file id to share with files.completeUploadExternal. */
export async function uploadFile(
  client: WebClient,
  bytes: Uint8Array,
  file: { name: string; mime: string },
  signal?: AbortSignal,
): Promise<string> {
  const target = await client.files.getUploadURLExternal({ filename: file.name, length: bytes.byteLength });
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal returned no URL');
  const res = await fetch(target.upload_url, {
    method: 'POST',
    body: bytes,
    headers: { 'content-type': file.mime },
    signal,
  });
  if (!res.ok) {
    // shaped like WebClient's HTTP error so the sender classifies it the same way
    throw Object.assign(new Error(`upload ${res.status}`), {
      code: 'slack_webapi_http_error',
      statusCode: res.status,
    });
  }
  return target.file_id;
}

/** `index`: which of a message's several charts this is (its file is named for it); none for the only one */
export function uploadChart(
  client: WebClient,
  png: Uint8Array,
  signal?: AbortSignal,
  index?: number,
): Promise<string> {
  const name = index === undefined ? 'chart.png' : `chart-${index + 1}.png`;
  return uploadFile(client, png, { name, mime: 'image/png' }, signal);
}
