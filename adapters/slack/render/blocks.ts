// Reply / MessageBody -> Block Kit. Charts are not drawn here: a message with charts is posted as
// blocks and the PNGs are uploaded beside it by the sender (Slack has no inline images from bytes).
// A body too long for one message is cut into parts (slack-parts.ts) before it is rendered here.

import type { Action, Field, MessageBody } from '../../../src/core/index.js';
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

/** a field's text as Slack shows it: the label in bold over the value */
export function fieldText(f: Field): string {
  return `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`;
}

/**
 * A table's text: in a code block, as a section of its own, because section fields are laid out two to
 * a row, too narrow for columns of figures. Inside a code block Slack shows ``` as typed, so a name
 * with backticks cannot end it early; a zero-width space keeps three of them apart.
 */
export function monoText(f: Field): string {
  const value = escapeMrkdwn(f.value).replace(/```/g, '``\u200b`');
  return `*${escapeMrkdwn(f.label)}*\n\`\`\`${value}\`\`\``;
}

/** Block Kit for a body; `clipped` cuts what is over a limit (a body not split into parts first). */
export function blocksOf(body: MessageBody, clipped: boolean): Block[] {
  const cut = (text: string, max: number) => (clipped ? clip(text, max) : text);
  const blocks: Block[] = [];
  if (body.title) {
    blocks.push({ type: 'header', text: { type: 'plain_text', text: clip(body.title, 150), emoji: true } });
  }
  const prefix = TONE_PREFIX[body.tone ?? 'info'] ?? '';
  // the tone's emoji goes before the first chunk, and must not take it over the 3000 a section holds
  chunks(escapeMrkdwn(body.text), 3000 - prefix.length).forEach((part, i) => {
    if (part.trim() === '') return;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: i === 0 ? prefix + part : part } });
  });
  let row: Field[] = [];
  const flush = () => {
    if (row.length === 0) return;
    blocks.push({
      type: 'section',
      fields: row.map((f) => ({ type: 'mrkdwn', text: cut(fieldText(f), 2000) })),
    });
    row = [];
  };
  for (const f of body.fields ?? []) {
    if (f.mono) {
      flush();
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: cut(monoText(f), 3000) } });
      continue;
    }
    row.push(f);
    if (row.length === 10) flush();
  }
  flush();
  const actions = body.actions ?? [];
  for (let i = 0; i < actions.length; i += 25) {
    blocks.push({ type: 'actions', elements: actions.slice(i, i + 25).map(renderButton) });
  }
  return clipped ? blocks.slice(0, 50) : blocks;
}

/** One message's blocks, cut to Slack's limits where over them (modals, and bodies that fit anyway). */
export function renderBlocks(body: MessageBody): Block[] {
  return blocksOf(body, true);
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
