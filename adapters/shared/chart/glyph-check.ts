// Which characters of a text the chart fonts cannot draw. resvg draws a missing glyph as the font's
// .notdef box (or nothing), so a character is missing when its rendering equals that of a private-use
// code point no font maps. Used at start-up to warn an operator whose install lacks the CJK font, and
// by the tests to prove Chinese names are legible rather than boxes.

import { Resvg } from '@resvg/resvg-js';
import { chartFonts } from './chart-fonts.js';
import { escapeXml } from './svg.js';

const NO_GLYPH = '\ue000';
const CELL = 32;
const PER_ROW = 16;

export function missingGlyphs(
  text: string,
  options: { fontFiles?: readonly string[]; systemFonts?: boolean } = {},
): string[] {
  const unique = [...new Set([...text].filter((ch) => ch.trim() !== ''))];
  if (unique.length === 0) return [];
  const fonts = chartFonts(options.fontFiles);
  const families = fonts.families.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');
  // one image, one cell per character and the reference in cell 0: loading a 10 MB font once, not per character
  const chars = [NO_GLYPH, ...unique];
  const rows = Math.ceil(chars.length / PER_ROW);
  const cells = chars.map(
    (ch, i) =>
      `<text x="${(i % PER_ROW) * CELL + 2}" y="${Math.floor(i / PER_ROW) * CELL + 26}" font-size="26">${escapeXml(ch)}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PER_ROW * CELL}" height="${rows * CELL}" font-family="${escapeXml(families)}">${cells.join('')}</svg>`;
  const image = new Resvg(svg, {
    font: {
      fontFiles: fonts.files,
      loadSystemFonts: options.systemFonts ?? true,
      defaultFontFamily: fonts.families[0],
    },
    logLevel: 'off',
  }).render();
  const stride = PER_ROW * CELL * 4;
  const cell = (i: number): Buffer => {
    const x = (i % PER_ROW) * CELL;
    const y = Math.floor(i / PER_ROW) * CELL;
    const rowsOf = Array.from({ length: CELL }, (_, dy) =>
      image.pixels.subarray((y + dy) * stride + x * 4, (y + dy) * stride + (x + CELL) * 4),
    );
    return Buffer.concat(rowsOf);
  };
  const notdef = cell(0);
  return unique.filter((_, k) => {
    const pixels = cell(k + 1);
    return pixels.equals(notdef) || pixels.every((b) => b === 0);
  });
}
