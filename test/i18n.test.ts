import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../src/core/app/registry.js';
import { catalogFor, hasMessage, normaliseLocale, translate } from '../src/i18n/index.js';
import { PHASES } from '../src/core/shared/election.types.js';
import { METHOD_IDS } from '../src/counting/types.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys and placeholders in English and Simplified Chinese', () => {
    const en = catalogFor('en');
    const zh = catalogFor('zh-Hans');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const mismatched = Object.keys(en).filter(
      (k) => placeholders(en[k]).join() !== placeholders(zh[k]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('cover every command summary, argument, phase and method', () => {
    const keys = [
      ...COMMAND_SPECS.map((s) => s.summaryKey),
      ...COMMAND_SPECS.flatMap((s) => s.args.map((a) => a.descriptionKey)),
      ...PHASES.map((p) => `phase.${p}`),
      ...METHOD_IDS.map((m) => `method.${m}`),
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });

  it('never define one key in two catalog files', async () => {
    const { catalogs } = await import('../src/i18n/catalogs/all.js');
    const seen = new Map<string, number>();
    for (const c of catalogs) for (const k of Object.keys(c.en)) seen.set(k, (seen.get(k) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([k]) => k)).toEqual([]);
    expect(catalogs.length).toBeGreaterThanOrEqual(7);
  });

  it('maps platform locales and fills placeholders', () => {
    expect(normaliseLocale('zh-CN')).toBe('zh-Hans');
    expect(normaliseLocale('zh_TW')).toBe('zh-Hans');
    expect(normaliseLocale('en-GB')).toBe('en');
    expect(normaliseLocale(undefined)).toBe('en');
    expect(translate('zh-CN', 'voting.turnout', { voted: 3, eligible: 4, pct: 75 })).toBe(
      '目前投票率：3/4（75%）',
    );
  });
});
