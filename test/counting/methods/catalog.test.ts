import { describe, expect, it } from 'vitest';
import catalog from '../../../src/i18n/catalogs/counting-methods.js';

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('counting-methods catalog', () => {
  it('has the same keys in English and Simplified Chinese, with the same placeholders', () => {
    expect(Object.keys(catalog['zh-Hans']).sort()).toEqual(Object.keys(catalog.en).sort());
    for (const [key, text] of Object.entries(catalog.en)) {
      expect(placeholders((catalog['zh-Hans'] as Record<string, string>)[key]), key).toEqual(
        placeholders(text),
      );
      expect(key.startsWith('counting.methods.'), key).toBe(true);
    }
  });
});
