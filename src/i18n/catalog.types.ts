// Each file in catalogs/ exports a default Catalog for its area; index.ts merges them.
// Placeholders are written {name}; a test checks both languages have the same keys and placeholders.
export type Locale = 'en' | 'zh-Hans';
export type Messages = Record<string, string>;
export interface Catalog {
  en: Messages;
  'zh-Hans': Messages;
}
