// Reply / MessageBody -> Block Kit. The chart is not drawn here: a message with a chart is posted as
// blocks and the PNG is uploaded beside it by the sender (Slack has no inline images from bytes).

import type { Action, MessageBody } from '../../../src/core/index.js';
import { encodeActionId } from '../action-id.js';
import { clip } from '../../shared/index.js';
import { chunks, escapeMrkdwn } from './mrkdwn.js';

export type Block = Record<string, unknown>;

const TONE_PREFIX: Record<string, string> = {
  info: '',
  success: ':white_check_mark: ',
  warning: ':warning: ',
  error: ':x: ',
};

export function renderBlocks(body: MessageBody): Block[] {
  const blocks: Block[] = [];
  if (body.title) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(body.title, 150), emoji: true } });
  }
  const prefix = TONE_PREFIX[body.tone ?? 'info'] ?? '';
  chunks(escapeMrkdwn(body.text)).forEach((part, i) => {
    if (part.trim() === '') return;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: i === 0 ? prefix + part : part } });
  });
  const fields = body.fields ?? [];
  for (let i = 0; i < fields.length; i += 10) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + 10).map((f) => ({
        type: 'mrkdwn',
        text: clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, 2000),
      })),
    });
  }
  const actions = body.actions ?? [];
  for (let i = 0; i < actions.length; i += 25) {
    blocks.push({ type: 'actions', elements: actions.slice(i, i + 25).map(renderButton) });
  }
  return blocks.slice(0, 50);
}

export function renderButton(action: Action): Block {
  const button: Block = {
    type: 'button',
    text: { type: 'plain_text', text: clip(action.label, 75), emoji: true },
    action_id: encodeActionId(action.command, action.args),
  };
  if (action.style) button.style = action.style;
  return button;
}

/** The notification / fallback text Slack shows where blocks cannot be (push notifications, exports). */
export function fallbackText(body: MessageBody): string {
  const text = body.title ? `${body.title}\n${body.text}` : body.text;
  return clip(escapeMrkdwn(text), 3000);
}
