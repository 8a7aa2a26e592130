// The text of a PDF as a reader's copy-paste would give it, read with pdf.js (no pdftotext on CI):
// every text run in drawing order, one space between runs, so a table row reads "Alice 4 5 elected".
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await pdf.destroy();
  return { pages: pdf.numPages, text: parts.join(' ').replace(/\s+/g, ' ') };
}
