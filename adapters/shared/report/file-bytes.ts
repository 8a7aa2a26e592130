// A reply's file as the bytes a platform uploads: text as UTF-8, a document printed as PDF here (core
// has no PDF library), bytes as they are.
import type { ReplyFile } from '../../../src/core/index.js';
import { printPdf } from './print-pdf.js';

export async function fileBytes(file: ReplyFile): Promise<Uint8Array> {
  if (file.document) return printPdf(file.document);
  const data = file.data ?? '';
  return typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : data;
}
