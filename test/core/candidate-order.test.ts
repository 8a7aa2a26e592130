// The order of the published candidate list (C11: stroke order, 姓氏笔画, for Chinese organisations).
import { describe, expect, it } from 'vitest';
import type { Nomination } from '../../src/core/nominations/nomination.types.js';
import { candidateOrder } from '../../src/core/nominations/nomination.rules.js';

const nomination = (number: number, nominee: string): Nomination => ({
  id: `n${number}`,
  electionId: 'e',
  contestId: 'c',
  number,
  nominee,
  nominator: 'x',
  statement: null,
  status: 'approved',
  reason: null,
  candidateNumber: null,
  createdAt: '',
  updatedAt: '',
});

describe('candidate order', () => {
  // 王 4 strokes, 丁 2, 李 7, 张 7, 于 3
  const names = new Map([
    ['wang', '王芳'],
    ['ding', '丁一'],
    ['li', '李强'],
    ['yu', '于敏'],
  ]);
  const list = ['wang', 'ding', 'li', 'yu'].map((m, i) => nomination(i + 1, m));

  it('lists by the strokes of the surname in stroke order (C11)', () => {
    expect(candidateOrder(list, 'stroke', names).map((n) => names.get(n.nominee))).toEqual([
      '丁一',
      '于敏',
      '王芳',
      '李强',
    ]);
  });

  it('keeps nomination order when fixed, and pinyin order when alphabetical', () => {
    expect(candidateOrder(list, 'fixed', names).map((n) => n.nominee)).toEqual(['wang', 'ding', 'li', 'yu']);
    // pinyin: ding, li, wang, yu
    expect(candidateOrder(list, 'alphabetical', names).map((n) => n.nominee)).toEqual([
      'ding',
      'li',
      'wang',
      'yu',
    ]);
  });
});
