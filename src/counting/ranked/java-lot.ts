// java.util.Random's 48-bit linear congruential generator, as a `Lot`. RCTab (the US RCV tabulator)
// draws its `random` tie-breaks from it; reproducing a published RCTab count digit for digit needs the
// very same sequence. BigInt keeps the 48-bit products exact.
import type { Lot } from '../ties.js';

const MULTIPLIER = 0x5deece66dn;
const INCREMENT = 0xbn;
const MASK = (1n << 48n) - 1n;

/** Parses a seed the way Java parses a long; anything else is not a Java seed. */
function javaLong(seed: string): bigint {
  const text = seed.trim();
  if (!/^[+-]?\d+$/.test(text))
    throw new RangeError(`a java.util.Random seed must be an integer, got "${seed}"`);
  return BigInt.asIntN(64, BigInt(text));
}

/** `new java.util.Random(seed)`; `next()` is `nextDouble()`. */
export function javaLot(seed: string): Lot {
  let state = (BigInt.asUintN(64, javaLong(seed)) ^ MULTIPLIER) & MASK;
  const nextBits = (bits: number): number => {
    state = (state * MULTIPLIER + INCREMENT) & MASK;
    return Number(state >> BigInt(48 - bits));
  };
  return {
    seed,
    next() {
      // Java: ((long) next(26) << 27) + next(27), scaled by 2^-53
      return (nextBits(26) * 134217728 + nextBits(27)) / 9007199254740992;
    },
  };
}

export function isJavaSeed(seed: string): boolean {
  return /^\s*[+-]?\d+\s*$/.test(seed);
}
