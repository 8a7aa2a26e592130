// Slack's limits on a message (Block Kit reference; chat.postMessage), checked by the fake the way
// Slack answers a message that breaks them: `invalid_blocks` for blocks over a limit, `msg_too_long` for
// text over 40,000 characters, and `msg_blocks_too_long` for blocks holding more than about 12,000
// characters of text in all (unpublished; as Slack's SDK maintainers measured it, slackapi/bolt-js#2509).
// Without this a long announcement would pass every test and be refused by the real Slack.
const MAX_BLOCKS = 50;
const SECTION_TEXT = 3000;
const SECTION_FIELDS = 10;
const FIELD_TEXT = 2000;
const HEADER_TEXT = 150;
const ACTION_ELEMENTS = 25;
export const MAX_TEXT = 40_000;
export const MAX_BLOCKS_TEXT = 12_000;

interface TextObject {
  text?: unknown;
}

/** what is wrong with blocks as a caller sent them, checked field by field */
export function blockProblems(blocks: any): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const problems: string[] = [];
  if (blocks.length > MAX_BLOCKS) problems.push(`${blocks.length} blocks, over ${MAX_BLOCKS}`);
  const len = (t: TextObject | undefined) => String(t?.text ?? '').length;
  blocks.forEach((b, i) => {
    if (b?.type === 'header' && len(b.text) > HEADER_TEXT)
      problems.push(`block ${i}: header text over ${HEADER_TEXT}`);
    if (b?.type === 'section') {
      if (b.text === undefined && b.fields === undefined) problems.push(`block ${i}: section without text`);
      if (len(b.text) > SECTION_TEXT) problems.push(`block ${i}: section text over ${SECTION_TEXT}`);
      const fields: TextObject[] = b.fields ?? [];
      if (fields.length > SECTION_FIELDS)
        problems.push(`block ${i}: ${fields.length} fields, over ${SECTION_FIELDS}`);
      fields.forEach((f, j) => {
        if (len(f) > FIELD_TEXT) problems.push(`block ${i} field ${j}: text over ${FIELD_TEXT}`);
      });
    }
    if (b?.type === 'actions' && (b.elements ?? []).length > ACTION_ELEMENTS)
      problems.push(`block ${i}: over ${ACTION_ELEMENTS} elements`);
  });
  return problems;
}

/** the characters of every `text` in the blocks, however deep */
export function blocksText(v: unknown, key?: string): number {
  if (typeof v === 'string') return key === 'text' ? v.length : 0;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + blocksText(x), 0);
  if (v && typeof v === 'object') return Object.entries(v).reduce((n, [k, x]) => n + blocksText(x, k), 0);
  return 0;
}

/** the error Slack answers a message with, or undefined when it takes it */
export function messageError(p: { text?: unknown; blocks?: unknown }): string | undefined {
  if (blockProblems(p.blocks).length > 0) return 'invalid_blocks';
  if (blocksText(p.blocks) > MAX_BLOCKS_TEXT) return 'msg_blocks_too_long';
  if (String(p.text ?? '').length > MAX_TEXT) return 'msg_too_long';
  return undefined;
}
