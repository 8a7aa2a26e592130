// Display width of text, in "columns" (monospace table layout) and in em (chart label layout).
// Chinese, Japanese and Korean characters and fullwidth forms take two columns / about one em; Latin
// about half that. Precise metrics would need the font; this estimate only has to keep labels from
// overlapping, so it errs on the wide side.

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), the ones names and tables actually use */
const WIDE: readonly [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo
  [0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
  [0x3041, 0x33ff], // kana, bopomofo, Hangul compatibility, CJK compatibility
  [0x3400, 0x4dbf], // CJK Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // emoji commonly shown wide
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK Extensions B and later
];

function isWide(cp: number): boolean {
  for (const [lo, hi] of WIDE) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** combining marks and zero-width characters take no column */
function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0x200d ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x20d0 && cp <= 0x20ff)
  );
}

/** columns a monospace terminal or code block gives the text */
export function displayColumns(text: string): number {
  let columns = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isZeroWidth(cp)) continue;
    columns += isWide(cp) ? 2 : 1;
  }
  return columns;
}

/** approximate advance width in em for a proportional sans-serif font */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isZeroWidth(cp)) continue;
    if (isWide(cp)) em += 1;
    else if (/[MWmw@%]/.test(ch)) em += 0.85;
    else if (/[A-Z0-9]/.test(ch)) em += 0.66;
    else if (/[iljft.,:;'|! ]/.test(ch)) em += 0.32;
    else em += 0.56;
  }
  return em;
}

/** cut text to at most `columns`, ending with an ellipsis when cut, never splitting a character */
export function truncateColumns(text: string, columns: number): string {
  if (displayColumns(text) <= columns) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = displayColumns(ch);
    if (used + w > columns - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/** cut text to at most `em` of estimated width, ending with an ellipsis when cut */
export function truncateEm(text: string, em: number): string {
  if (textWidthEm(text) <= em) return text;
  let out = '';
  for (const ch of text) {
    if (textWidthEm(out + ch) > em - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** pad to `columns` on the right (or left, for numbers) using display width */
export function padColumns(text: string, columns: number, align: 'left' | 'right' = 'left'): string {
  const pad = ' '.repeat(Math.max(0, columns - displayColumns(text)));
  return align === 'left' ? text + pad : pad + text;
}
