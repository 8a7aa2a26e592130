import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  floorDiv,
  formatScaled,
  mulDivCeil,
  mulDivFloor,
  scaledMulUp,
  timesWeight,
  toScaled,
} from '../../../src/counting/stv/fixed.js';

const big = (a: number, b: number, c: number, up: boolean) => {
  const p = BigInt(a) * BigInt(b);
  const q = p / BigInt(c);
  return Number(up && q * BigInt(c) !== p ? q + 1n : q);
};

describe('fixed-point helpers', () => {
  const n = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
  const pos = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

  it('floorDiv, mulDivFloor and mulDivCeil are exact, small or past 2^53', () => {
    fc.assert(
      fc.property(n, pos, (a, b) => {
        expect(floorDiv(a, b)).toBe(Math.floor(Number(BigInt(a) / BigInt(b))));
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        (a, b, c) => {
          fc.pre(big(a, b, c, true) <= Number.MAX_SAFE_INTEGER);
          expect(mulDivFloor(a, b, c)).toBe(big(a, b, c, false));
          expect(mulDivCeil(a, b, c)).toBe(big(a, b, c, true));
        },
      ),
    );
  });

  it('scaledMulUp rounds a × b / 10^p up exactly, at every precision it supports', () => {
    for (const places of [0, 4, 5, 9, 10, 12]) {
      const scale = 10 ** places;
      const mul = scaledMulUp(scale);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: scale }), fc.integer({ min: 0, max: scale }), (a, b) => {
          expect(mul(a, b)).toBe(big(a, b, scale, true));
        }),
        { numRuns: 300 },
      );
    }
  });

  it('converts weights and values', () => {
    expect(toScaled(1.5, 100_000, 'w')).toBe(150_000);
    expect(() => toScaled(0.123456, 100_000, 'w')).toThrow(/decimal places/);
    expect(() => toScaled(-1, 100_000, 'w')).toThrow(/non-negative/);
    expect(timesWeight(42_857, 700_000, 100_000)).toBe(299_999);
    expect(timesWeight(42_857, 150_000, 100_000)).toBe(64_285);
    expect(formatScaled(299_999, 100_000)).toBe('2.99999');
    expect(formatScaled(5, 1_000_000_000)).toBe('0.000000005');
  });
});
