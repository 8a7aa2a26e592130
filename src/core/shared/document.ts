// A printable document, as a report is before it becomes Markdown, a chat message or a PDF. Text is
// already translated for its reader and plain: no mentions, no markup. Core builds documents; the
// adapters print them as PDF (core has no PDF library, ARCHITECTURE §3), as they draw charts from data.

export type DocBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  /** label: value pairs (the facts of an election, a turnout) */
  | { kind: 'facts'; rows: { label: string; value: string }[] }
  /** figures in columns; `numeric` columns are right-aligned */
  | { kind: 'table'; head: string[]; rows: string[][]; numeric?: boolean[] }
  | { kind: 'list'; items: string[] };

export interface PrintDocument {
  title: string;
  subtitle?: string;
  /** the reader's language ('en', 'zh-Hans'): the PDF's language tag */
  lang: string;
  blocks: DocBlock[];
}
