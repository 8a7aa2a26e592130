// A reply's file as the bytes a platform uploads: text as UTF-8, a document printed as PDF here (core
// has no PDF library), bytes as they are.
import type { ReplyFile } from '../../../src/core/index.js';
import { printPdf } from './print-pdf.js';

export async function fileBytes(file: ReplyFile): Promise<Uint8Array> {
  if ('document' in file) return printPdf(file.document);
  return typeof file.data === 'string' ? new Uint8Array(Buffer.from(file.data, 'utf8')) : file.data;
}
