// PrintDocument -> PDF, for the summary report's download. pdfkit embeds only the glyphs used (a subset
// of the font), so a report stays small even with Noto Sans SC's 8 MB faces. The fonts are the ones
// the charts use, shipped in an npm package (chart-fonts.ts): Chinese names and text print on a
// machine with no fonts installed. Pages are A4, numbered at the foot.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { DocBlock, PrintDocument } from '../../../src/core/index.js';
import { chartFonts } from '../chart/chart-fonts.js';

const MARGIN = 50;
const SIZE = { title: 18, subtitle: 10, h1: 14, h2: 12, h3: 11, body: 10, table: 9, foot: 8 } as const;
const GREY = '#555555';
const RULE = '#bbbbbb';

interface Faces {
  regular: Buffer | string;
  bold: Buffer | string;
}

let cached: Faces | undefined;

/** The packaged CJK faces, read once; without them pdfkit's Helvetica (no Chinese). */
export function pdfFaces(): Faces {
  if (cached) return cached;
  const files = chartFonts().files;
  const regular = files.find((f) => /Regular\.(otf|ttf)$/.test(f));
  const bold = files.find((f) => /Bold\.(otf|ttf)$/.test(f)) ?? regular;
  cached =
    regular && bold
      ? { regular: readFileSync(regular), bold: readFileSync(bold) }
      : { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  return cached;
}

type Doc = PDFKit.PDFDocument;
type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * The document and the text options every run of text takes. CJK fonts draw ’ “ ” full-width; in a
 * document that is not Chinese, the font's proportional forms (OpenType `pwid`) make them look like
 * English punctuation again, while Chinese names keep their own.
 */
interface Pen {
  doc: Doc;
  /** between a label and its value: a full-width colon in Chinese */
  colon: string;
  o(options?: TextOptions): TextOptions;
}

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN;
}

/** Start a new page unless `height` fits below the cursor. */
function room(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading({ doc, o }: Pen, level: 1 | 2 | 3, text: string): void {
  const size = level === 1 ? SIZE.h1 : level === 2 ? SIZE.h2 : SIZE.h3;
  doc.moveDown(level === 1 ? 0.8 : 0.5);
  room(doc, size * 3);
  doc.font('bold').fontSize(size).fillColor('black').text(text, MARGIN, undefined, o());
  doc.moveDown(0.25);
}

function table({ doc, o }: Pen, b: Extract<DocBlock, { kind: 'table' }>): void {
  const width = doc.page.width - 2 * MARGIN;
  const pad = 3;
  doc.fontSize(SIZE.table);
  // each column as wide as its widest cell, then scaled to the page when they do not fit
  const natural = b.head.map((h, i) => {
    doc.font('bold');
    let w = doc.widthOfString(h, o());
    doc.font('regular');
    for (const row of b.rows) w = Math.max(w, doc.widthOfString(row[i] ?? '', o()));
    return w + 2 * pad;
  });
  const sum = natural.reduce((a, x) => a + x, 0);
  const widths = sum > width ? natural.map((w) => (w / sum) * width) : natural;
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(SIZE.table);
    const heights = cells.map((c, i) => doc.heightOfString(c || ' ', o({ width: widths[i] - 2 * pad })));
    const h = Math.max(...heights) + 2 * pad;
    if (doc.y + h > bottom(doc)) {
      doc.addPage();
      // a table that goes on over the page says again what its columns are
      if (!bold) drawRow(b.head, true);
      doc.font('regular').fontSize(SIZE.table);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(
        c,
        x + pad,
        top + pad,
        o({ width: widths[i] - 2 * pad, align: b.numeric?.[i] ? 'right' : 'left', lineBreak: true }),
      );
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, top + h)
      .lineTo(MARGIN + widths.reduce((a, w) => a + w, 0), top + h)
      .strokeColor(RULE)
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + h;
  };
  room(doc, SIZE.table * 4);
  drawRow(b.head, true);
  for (const row of b.rows) drawRow(row, false);
  doc.moveDown(0.5);
}

function block(pen: Pen, b: DocBlock): void {
  const { doc, o } = pen;
  switch (b.kind) {
    case 'heading':
      heading(pen, b.level, b.text);
      return;
    case 'paragraph':
      doc.font('regular').fontSize(SIZE.body).fillColor('black').text(b.text, MARGIN, undefined, o());
      doc.moveDown(0.4);
      return;
    case 'facts':
      for (const r of b.rows) {
        doc
          .font('bold')
          .fontSize(SIZE.body)
          .fillColor('black')
          .text(`${r.label}${pen.colon}`, MARGIN, undefined, o({ continued: true }));
        doc.font('regular').text(r.value, o());
      }
      doc.moveDown(0.4);
      return;
    case 'list':
      for (const item of b.items) {
        doc
          .font('regular')
          .fontSize(SIZE.body)
          .fillColor('black')
          .text(`•  ${item}`, MARGIN + 8, undefined, o());
        doc.moveDown(0.15);
      }
      doc.x = MARGIN;
      doc.moveDown(0.3);
      return;
    case 'table':
      table(pen, b);
      return;
  }
}

/** The document as PDF bytes. */
export function printPdf(d: PrintDocument): Promise<Uint8Array> {
  const faces = pdfFaces();
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: d.lang,
    info: { Title: d.title, Creator: 'Teller' },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.registerFont('regular', faces.regular);
  doc.registerFont('bold', faces.bold);
  const features: TextOptions['features'] = d.lang.startsWith('zh') ? undefined : ['pwid'];
  const pen: Pen = {
    doc,
    colon: d.lang.startsWith('zh') ? '：' : ': ',
    o: (options = {}) => (features ? { ...options, features } : options),
  };
  doc.font('bold').fontSize(SIZE.title).text(d.title, pen.o());
  if (d.subtitle)
    doc.font('regular').fontSize(SIZE.subtitle).fillColor(GREY).text(d.subtitle, pen.o()).fillColor('black');
  for (const b of d.blocks) block(pen, b);
  // page numbers, once every page exists; written inside the bottom margin, which pdfkit would
  // otherwise take for the end of the page and start another
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc
      .font('regular')
      .fontSize(SIZE.foot)
      .fillColor(GREY)
      .text(`${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN + 15, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins = margins;
  }
  doc.end();
  return done;
}
