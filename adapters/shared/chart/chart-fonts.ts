// Fonts for chart images. Charts must show candidate names in any script, Chinese included, on a
// machine that has only what `npm ci` installed: no Debian font package may be the only source. So the
// renderer takes fonts shipped in npm packages first (Noto Sans SC also carries Latin, Greek, Cyrillic
// and kana), then fonts the caller names (configuration), then the host's fonts for anything left.
// resvg reads TTF/OTF only, so WOFF/WOFF2 web-font packages (@fontsource/*) cannot serve here.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface FontPackage {
  name: string;
  family: string;
  cjk?: boolean;
}

/**
 * Packages looked for, in order. Only the first CJK one found is loaded (8-10 MB per weight); the
 * others add scripts Noto Sans SC lacks (Hangul, Arabic ...) when a deployment installs them.
 * @embedpdf/fonts-sc comes first: a third smaller to install than the Google Fonts build, the same
 * coverage for names, and about twice as fast to shape in resvg (measured: text layout dominates).
 */
export const FONT_PACKAGES: readonly FontPackage[] = [
  { name: '@embedpdf/fonts-sc', family: 'Noto Sans S Chinese', cjk: true },
  { name: '@expo-google-fonts/noto-sans-sc', family: 'Noto Sans SC', cjk: true },
  { name: '@expo-google-fonts/noto-sans-kr', family: 'Noto Sans KR' },
  { name: '@expo-google-fonts/noto-sans-arabic', family: 'Noto Sans Arabic' },
  { name: '@expo-google-fonts/noto-sans-hebrew', family: 'Noto Sans Hebrew' },
  { name: '@expo-google-fonts/noto-sans-thai', family: 'Noto Sans Thai' },
  { name: '@expo-google-fonts/noto-sans-devanagari', family: 'Noto Sans Devanagari' },
];

export interface ChartFonts {
  files: string[];
  /** font-family list for the SVG, most wanted first */
  families: string[];
  /** a CJK font was found: Chinese names will render */
  cjk: boolean;
  /** the packages the fonts came from, for the startup log */
  sources: string[];
}

let cached: ChartFonts | undefined;

/** Find chart fonts once per process. `extraFiles` (e.g. from configuration) come after the packaged fonts. */
export function chartFonts(extraFiles: readonly string[] = []): ChartFonts {
  cached ??= discover();
  const extra = extraFiles.filter((f) => existsSync(f));
  return { ...cached, files: [...cached.files, ...extra] };
}

function discover(): ChartFonts {
  const found: ChartFonts = { files: [], families: [], cjk: false, sources: [] };
  for (const pkg of FONT_PACKAGES) {
    if (pkg.cjk && found.cjk) continue;
    const dir = packageDir(pkg.name);
    const files = dir ? regularAndBold(dir) : [];
    if (files.length === 0) continue;
    found.files.push(...files);
    found.families.push(pkg.family);
    found.sources.push(pkg.name);
    if (pkg.cjk) found.cjk = true;
  }
  // without a packaged CJK font, name the usual installed ones so a host that has them still works
  if (!found.cjk)
    found.families.push('Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Zen Hei');
  found.families.push('sans-serif');
  return found;
}

const REGULAR = /(^|[_-])(400)?Regular\.(ttf|otf)$/;
const BOLD = /(^|[_-])(700)?Bold\.(ttf|otf)$/;

/** the regular and bold faces anywhere in the package, two folders deep at most */
function regularAndBold(dir: string, depth = 0): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const path = join(dir, entry);
    if (REGULAR.test(entry) || BOLD.test(entry)) out.push(path);
    else if (depth < 2 && statSync(path).isDirectory()) out.push(...regularAndBold(path, depth + 1));
  }
  return out.sort();
}

/** a package's folder, even when its "exports" hide package.json from require.resolve */
function packageDir(name: string): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
  } catch {
    // walk up looking for node_modules/<name> instead
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
