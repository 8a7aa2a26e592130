// Slack's limits on one message (Block Kit reference: at most 50 blocks, a section's text at most 3000
// characters, at most 10 fields of at most 2000 each, a header at most 150), and a body as the messages
// that hold it within them. The sender posts the first part and the rest as replies in its thread.
//
// Slack also refuses a message whose blocks hold too much text in all (msg_blocks_too_long), a limit it
// does not publish: Slack's SDK maintainers put it at 12,000 characters of text with some allowance for
// the blocks around it (slackapi/bolt-js#2509, #2867), so parts are kept to 10,000.

import type { MessageBody } from '../../../src/core/index.js';
import { splitBody } from '../../shared/index.js';
import { type Block, blocksOf, fieldText, monoText } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  blocksText: 10_000,
};

/** every text in the blocks, counted together as msg_blocks_too_long counts them */
function textLength(blocks: readonly Block[]): number {
  let n = 0;
  const walk = (v: unknown, key?: string): void => {
    if (typeof v === 'string') {
      if (key === 'text') n += v.length;
    } else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(blocks);
  return n;
}

/** what Slack would refuse in these blocks (invalid_blocks, msg_blocks_too_long); empty when it takes them */
export function blockProblems(blocks: readonly Block[]): string[] {
  const problems: string[] = [];
  if (blocks.length > SLACK_LIMITS.blocks) problems.push(`${blocks.length} blocks`);
  if (textLength(blocks) > SLACK_LIMITS.blocksText) problems.push('too much text in all');
  for (const b of blocks) {
    const text = (b.text as { text?: string } | undefined)?.text ?? '';
    if (b.type === 'header' && text.length > SLACK_LIMITS.header) problems.push('header too long');
    if (b.type === 'section' && text.length > SLACK_LIMITS.sectionText)
      problems.push('section text too long');
    const fields = (b.fields as { text: string }[] | undefined) ?? [];
    if (fields.length > SLACK_LIMITS.fields) problems.push(`${fields.length} fields in a section`);
    if (fields.some((f) => f.text.length > SLACK_LIMITS.fieldText)) problems.push('field text too long');
  }
  return problems;
}

/** the body as Slack messages, each within Slack's limits, holding every figure between them */
export function slackParts(body: MessageBody): MessageBody[] {
  return splitBody(body, {
    fieldFits: (f) =>
      f.mono ? monoText(f).length <= SLACK_LIMITS.sectionText : fieldText(f).length <= SLACK_LIMITS.fieldText,
    // longer text goes into several sections of one message (blocks.ts), as long as blocks remain
    textFits: (text) => escapeMrkdwn(text).length <= SLACK_LIMITS.sectionText * 5,
    fits: (part) => blockProblems(blocksOf(part, false)).length === 0,
  });
}
