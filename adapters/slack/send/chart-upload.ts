// Slack's current file upload flow (files.upload is retired): ask for an upload URL, POST the bytes
// there, and share the file later with files.completeUploadExternal. Until completed, nothing is
// visible in any channel, so a failed upload can simply be retried.

import type { WebClient } from '@slack/web-api';

/** `index`: which of a message's several charts this is (its file is named for it); none for the only one */
export async function uploadChart(
  client: WebClient,
  png: Uint8Array,
  signal?: AbortSignal,
  index?: number,
): Promise<string> {
  const filename = index === undefined ? 'chart.png' : `chart-${index + 1}.png`;
  const target = await client.files.getUploadURLExternal({ filename, length: png.byteLength });
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal returned no URL');
  const res = await fetch(target.upload_url, {
    method: 'POST',
    body: png,
    headers: { 'content-type': 'image/png' },
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
