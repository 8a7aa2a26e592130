// The message lookup. Every user-visible text goes through here, in English or Simplified Chinese,
// chosen by the reader's locale (Slack user locale, Discord interaction locale) or the organisation's.

import type { Catalog, Locale, Messages } from './catalog.types.js';
import { catalogs } from './catalogs/all.js';

export type { Catalog, Locale } from './catalog.types.js';
export const LOCALES: readonly Locale[] = ['en', 'zh-Hans'];

function merge(locale: Locale): Messages {
  const out: Messages = {};
  for (const c of catalogs as Catalog[]) Object.assign(out, c[locale]);
  return out;
}

const merged: Record<Locale, Messages> = { en: merge('en'), 'zh-Hans': merge('zh-Hans') };

/** Map a platform locale ('zh-CN', 'zh_TW', 'en-GB', 'zh-Hans') to a catalog; unknown ones fall back to English. */
export function normaliseLocale(locale: string | null | undefined): Locale {
  if (!locale) return 'en';
  return locale.toLowerCase().replace('_', '-').startsWith('zh') ? 'zh-Hans' : 'en';
}

export function hasMessage(key: string): boolean {
  return key in merged.en;
}

export function translate(
  locale: string | null | undefined,
  key: string,
  params?: Record<string, string | number>,
): string {
  const lang = normaliseLocale(locale);
  const template = merged[lang][key] ?? merged.en[key];
  if (template === undefined) return key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function translator(locale: string | null | undefined): Translate {
  return (key, params) => translate(locale, key, params);
}

export function catalogFor(locale: Locale): Readonly<Messages> {
  return merged[locale];
}
