// One body as several platform messages within limits, nothing cut off (adapters/shared/render/split-body.ts).
import { describe, expect, it } from 'vitest';
import { splitBody, splitLines, type PartLimits } from '../../../adapters/shared/index.js';
import type { Field, MessageBody } from '../../../src/core/index.js';
import { joinSplit, longAnnouncement, plainFields } from './long-announcement.js';

/** a toy platform: a field of at most 40 characters (label and value), messages of at most 100 */
const size = (f: Field) => f.label.length + f.value.length;
const TOY: PartLimits = {
  fieldFits: (f) => size(f) <= 40,
  textFits: (t) => t.length <= 60,
  fits: (p) =>
    (p.title ?? '').length + p.text.length + (p.fields ?? []).reduce((n, f) => n + size(f), 0) <= 100,
};

describe('splitting a body', () => {
  it('keeps a body that fits as it is', () => {
    const body: MessageBody = {
      title: 'T',
      text: 'hello',
      fields: [{ label: 'a', value: '1' }],
      tone: 'info',
    };
    expect(splitBody(body, TOY)).toEqual([body]);
  });

  it('cuts a long value between lines, labels the pieces (i/n), and packs them in order', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `row ${String(i).padStart(2, '0')} 1234`);
    const body: MessageBody = {
      title: 'Results',
      text: 'intro',
      fields: [
        { label: 'Table', value: lines.join('\n'), mono: true },
        { label: 'Elected', value: 'Ana' },
      ],
      actions: [{ label: 'Vote', command: 'ballot.get', args: {} }],
      tone: 'success',
    };
    const parts = splitBody(body, TOY);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(TOY.fits(p)).toBe(true);
    for (const f of parts.flatMap((p) => p.fields ?? [])) expect(TOY.fieldFits(f)).toBe(true);
    // each piece is whole lines of the table, in a fixed-width font like the whole
    const pieces = parts.flatMap((p) => p.fields ?? []).filter((f) => f.label.startsWith('Table'));
    expect(pieces.map((f) => f.label)).toEqual(pieces.map((_, i) => `Table (${i + 1}/${pieces.length})`));
    for (const f of pieces) {
      expect(f.mono).toBe(true);
      for (const line of f.value.split('\n')) expect(lines).toContain(line);
    }
    expect(joinSplit(parts.flatMap((p) => p.fields ?? []))).toEqual(body.fields);
    // the title numbers the parts; the first keeps the text and the buttons, every part the tone
    expect(parts.map((p) => p.title)).toEqual(parts.map((_, i) => `Results (${i + 1}/${parts.length})`));
    expect(parts[0]).toMatchObject({ text: 'intro', actions: body.actions });
    for (const p of parts.slice(1)) expect(p.actions).toBeUndefined();
    for (const p of parts) expect(p.tone).toBe('success');
  });

  it('cuts a line longer than a field holds between characters, and loses none', () => {
    const long = 'x'.repeat(95);
    const pieces = splitLines(long, (s) => s.length <= 30);
    expect(pieces.map((p) => p.length)).toEqual([30, 30, 30, 5]);
    expect(pieces.join('')).toBe(long);
    const chinese = '王小明'.repeat(20);
    expect(splitLines(chinese, (s) => [...s].length <= 7).join('')).toBe(chinese);
  });

  it('puts text that no message holds into parts of its own before the fields', () => {
    const text = Array.from({ length: 5 }, (_, i) => `line ${i} of the notice text`).join('\n');
    const parts = splitBody({ text, fields: [{ label: 'a', value: '1' }] }, TOY);
    expect(parts.map((p) => p.text).join('\n')).toBe(text);
    for (const p of parts) expect(TOY.textFits(p.text)).toBe(true);
    expect(parts.at(-1)!.fields).toEqual([{ label: 'a', value: '1' }]);
  });

  it('splits a long announcement of 12 contests without changing a figure', () => {
    const { body } = longAnnouncement();
    const parts = splitBody(body, {
      fieldFits: (f) => f.value.length <= 1000,
      textFits: (t) => t.length <= 4000,
      fits: (p) => (p.fields ?? []).length <= 25 && JSON.stringify(p.fields ?? []).length <= 5000,
    });
    expect(parts.length).toBeGreaterThan(12);
    expect(plainFields(joinSplit(parts.flatMap((p) => p.fields ?? [])))).toEqual(plainFields(body.fields!));
    // the charts stay with the first part, for the platform to place
    expect(parts[0].charts).toHaveLength(12);
    for (const p of parts.slice(1)) expect(p.charts).toBeUndefined();
  });
});
