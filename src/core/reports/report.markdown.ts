// A document as Markdown (CommonMark with GitHub's tables), for the `.md` download.
import type { DocBlock, PrintDocument } from '../shared/document.js';

/** Text as Markdown shows it literally: no emphasis, links or headings made of names and notes. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~])/g, '\\$1');
}

const cell = (text: string) => escapeMarkdown(text).replace(/\r?\n/g, ' ');

function block(b: DocBlock, colon: string): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level + 1)} ${cell(b.text)}`;
    case 'paragraph':
      return escapeMarkdown(b.text);
    case 'facts':
      return b.rows
        .map((r) => `- **${cell(r.label)}${colon}**${colon === ':' ? ' ' : ''}${cell(r.value)}`)
        .join('\n');
    case 'list':
      return b.items.map((i) => `- ${cell(i)}`).join('\n');
    case 'table': {
      const align = b.head.map((_, i) => (b.numeric?.[i] ? '---:' : '---'));
      return [b.head, align, ...b.rows]
        .map((row, i) => `| ${row.map((c) => (i === 1 ? c : cell(c))).join(' | ')} |`)
        .join('\n');
    }
  }
}

export function toMarkdown(doc: PrintDocument): string {
  const parts = [`# ${cell(doc.title)}`];
  if (doc.subtitle) parts.push(`*${cell(doc.subtitle)}*`);
  // a full-width colon after a label in Chinese
  const colon = doc.lang.startsWith('zh') ? '：' : ':';
  for (const b of doc.blocks) parts.push(block(b, colon));
  return `${parts.join('\n\n')}\n`;
}
