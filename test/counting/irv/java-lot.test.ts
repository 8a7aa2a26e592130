import { describe, expect, it } from 'vitest';
import { javaLot } from '../../../src/counting/ranked/java-lot.js';
import { javaHashSetOrder } from '../../../src/counting/ranked/tie-breaker.js';

describe('java.util.Random', () => {
  it('reproduces nextDouble() for known seeds', () => {
    // values printed by the JDK: new Random(seed).nextDouble()
    expect(javaLot('0').next()).toBe(0.730967787376657);
    expect(javaLot('42').next()).toBe(0.7275636800328681);
  });
  it('accepts negative and 64-bit seeds, and refuses non-integers', () => {
    expect(javaLot('-1').next()).toBeGreaterThanOrEqual(0);
    expect(javaLot('9223372036854775807').next()).toBeLessThan(1);
    expect(() => javaLot('abc')).toThrowError(RangeError);
  });
  it('is a replayable sequence', () => {
    const a = javaLot('12345');
    const b = javaLot('12345');
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(new Set(xs).size).toBe(5);
  });
});

describe('Java HashSet iteration order', () => {
  it('orders by hash bucket, not by name', () => {
    // "Sneezy" falls in an earlier bucket than "Dopey" in a 16-bucket HashSet; RCTab's published
    // previousRoundCountsThenRandom result depends on it
    expect(javaHashSetOrder([0, 1], ['Dopey', 'Sneezy'])).toEqual([1, 0]);
    expect(javaHashSetOrder([1, 0], ['Dopey', 'Sneezy'])).toEqual([1, 0]);
  });
});
