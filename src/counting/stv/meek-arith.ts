// The two arithmetics of Droop's generic Meek rule, behind one interface so the count is written once:
// "guarded" fixed point (precision + guard digits in a BigInt; values closer than half a guard unit
// compare equal; products and quotients truncated) and exact rationals (BigInt numerator/denominator).

import { TallyInputError } from '../types.js';

export interface MeekArith<V> {
  readonly zero: V;
  readonly one: V;
  /** the convergence limit omega */
  readonly omega: V;
  /** true when values are exact: quota is not rounded up and election needs vote > quota */
  readonly exact: boolean;
  /** a weight counted in 10^-9 units of a ballot */
  fromNanos(n: bigint): V;
  add(a: V, b: V): V;
  sub(a: V, b: V): V;
  mul(a: V, b: V): V;
  div(a: V, b: V): V;
  divInt(a: V, k: number): V;
  cmp(a: V, b: V): number;
  isZero(a: V): boolean;
  /** for results: a number as near as a double holds it */
  toNumber(a: V): number;
  /** for explanations: a decimal string */
  format(a: V): string;
  /** the places and guard digits, for the explanation line */
  readonly places: number;
  readonly guard: number;
}

function formatBig(v: bigint, places: number): string {
  const neg = v < 0n;
  const s = (neg ? -v : v).toString().padStart(places + 1, '0');
  const out = places === 0 ? s : `${s.slice(0, -places)}.${s.slice(-places)}`;
  return neg ? `-${out}` : out;
}

export function guardedArith(precision: number, omegaPlaces: number): MeekArith<bigint> {
  if (!Number.isInteger(precision) || precision < 1 || precision > 60) {
    throw new TallyInputError(
      `precision must be a whole number of places from 1 to 60, got ${precision}`,
      'counting.stv.bad_precision',
    );
  }
  const guard = Math.floor(precision / 2);
  const places = precision + guard;
  const S = 10n ** BigInt(places);
  const G = 10n ** BigInt(guard);
  const geps = G / 2n || 1n;
  const toNanos = 10n ** BigInt(places - 9);
  const show = (v: bigint) => formatBig((v + G / 2n) / G, precision);
  return {
    zero: 0n,
    one: S,
    omega: S / 10n ** BigInt(omegaPlaces),
    exact: true,
    places: precision,
    guard,
    fromNanos: (n) => n * toNanos,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => (a * b) / S,
    div: (a, b) => (a * S) / b,
    divInt: (a, k) => a / BigInt(k),
    cmp: (a, b) => {
      const d = a - b;
      if (d < geps && d > -geps) return 0;
      return d > 0n ? 1 : -1;
    },
    isZero: (a) => a === 0n,
    toNumber: (a) => Number(show(a)),
    format: show,
  };
}

export interface Fraction {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function frac(n: bigint, d: bigint): Fraction {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/** Exact fractions can double in size every iteration; past this many bits a count would take hours. */
const MAX_BITS = 4096n;
const LIMIT = 1n << MAX_BITS;

function checkSize(f: Fraction): Fraction {
  if (f.d > LIMIT || f.n > LIMIT || -f.n > LIMIT) {
    throw new TallyInputError(
      `exact rational arithmetic grew past ${MAX_BITS} bits; count this election with guarded or PRF Meek`,
      'counting.stv.rational_too_large',
    );
  }
  return f;
}

export function rationalArith(omegaPlaces: number, displayPlaces = 12): MeekArith<Fraction> {
  const D = 10n ** BigInt(displayPlaces);
  const show = (a: Fraction) => {
    const scaled = (a.n * D * 2n + (a.n < 0n ? -a.d : a.d)) / (2n * a.d);
    return formatBig(scaled, displayPlaces);
  };
  return {
    zero: { n: 0n, d: 1n },
    one: { n: 1n, d: 1n },
    omega: { n: 1n, d: 10n ** BigInt(omegaPlaces) },
    exact: true,
    places: displayPlaces,
    guard: 0,
    fromNanos: (x) => frac(x, 1_000_000_000n),
    add: (a, b) => (a.d === b.d ? frac(a.n + b.n, a.d) : frac(a.n * b.d + b.n * a.d, a.d * b.d)),
    sub: (a, b) => (a.d === b.d ? frac(a.n - b.n, a.d) : frac(a.n * b.d - b.n * a.d, a.d * b.d)),
    mul: (a, b) => frac(a.n * b.n, a.d * b.d),
    div: (a, b) => checkSize(frac(a.n * b.d, a.d * b.n)), // keep factors: where the sizes grow
    divInt: (a, k) => frac(a.n, a.d * BigInt(k)),
    cmp: (a, b) => {
      const l = a.n * b.d;
      const r = b.n * a.d;
      return l === r ? 0 : l > r ? 1 : -1;
    },
    isZero: (a) => a.n === 0n,
    toNumber: (a) => Number(show(a)),
    format: show,
  };
}
