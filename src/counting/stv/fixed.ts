// Fixed-point decimal arithmetic on scaled integers held in JS numbers. STV rules say exactly how
// every product and quotient is rounded (Scottish STV truncates to 5 places, PRF Meek rounds products
// up to 9), so floats are never used for vote values: a value v with p places is the integer v * 10^p.
// Products that could exceed 2^53 fall back to BigInt, so results stay exact at any size.

import { TallyInputError } from '../types.js';

const SAFE = Number.MAX_SAFE_INTEGER;

export function scaleFor(places: number): number {
  if (!Number.isInteger(places) || places < 0 || places > 12) {
    throw new TallyInputError(
      `precision must be a whole number of places from 0 to 12, got ${places}`,
      'counting.stv.bad_precision',
    );
  }
  return 10 ** places;
}

/** floor(a / b) for non-negative safe integers, exact (float division can round up to the next integer). */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q;
}

/** floor(a * b / c), exact, for non-negative integers. */
export function mulDivFloor(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= SAFE) return floorDiv(p, c);
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}

/** ceil(a * b / c), exact, for non-negative integers. */
export function mulDivCeil(a: number, b: number, c: number): number {
  const p = a * b;
  if (p <= SAFE) {
    const q = floorDiv(p, c);
    return q * c === p ? q : q + 1;
  }
  const big = BigInt(a) * BigInt(b);
  const bc = BigInt(c);
  const q = big / bc;
  return Number(q * bc === big ? q : q + 1n);
}

/**
 * A multiplier for products of two scaled values, both at most `scale` (weights and keep factors),
 * rounded up: the hot loop of Meek's count. Splitting b keeps every partial product below 2^53 for up
 * to 10 places, so no BigInt is needed there.
 */
export function scaledMulUp(scale: number): (a: number, b: number) => number {
  const places = Math.round(Math.log10(scale));
  if (places > 10) return (a, b) => mulDivCeil(a, b, scale);
  const k = 10 ** Math.ceil(places / 2);
  const l = scale / k;
  return (a, b) => {
    if (b === scale) return a;
    if (b === 0 || a === 0) return 0;
    const p = a * b;
    if (p <= SAFE) {
      const q = Math.floor(p / scale);
      const r = p - q * scale;
      // the float quotient can be off by one either way; r tells which
      if (r < 0) return r + scale === 0 ? q - 1 : q;
      if (r >= scale) return r === scale ? q + 1 : q + 2;
      return r === 0 ? q : q + 1;
    }
    const bh = Math.floor(b / k);
    const bl = b - bh * k;
    const hi = a * bh; // < scale * l
    const qa = floorDiv(hi, l);
    const ra = hi - qa * l;
    const rest = ra * k + a * bl;
    const q2 = floorDiv(rest, scale);
    const r2 = rest - q2 * scale;
    return qa + q2 + (r2 > 0 ? 1 : 0);
  };
}

/** value × weight where weight is itself scaled: truncated (the count of identical papers). */
export function timesWeight(value: number, weight: number, scale: number): number {
  if (weight % scale === 0) {
    const w = weight / scale;
    const p = value * w;
    if (p <= SAFE) return p;
  }
  return mulDivFloor(value, weight, scale);
}

/** A ballot weight given as a JS number, converted to scaled units; it must fit the places exactly. */
export function toScaled(x: number, scale: number, what: string): number {
  const v = Math.round(x * scale);
  if (!Number.isFinite(x) || x < 0 || Math.abs(v - x * scale) > 1e-6 * Math.max(1, Math.abs(v)) || v > SAFE) {
    throw new TallyInputError(
      `${what}: ${x} is not a non-negative number with at most ${Math.log10(scale)} decimal places`,
      'counting.stv.bad_weight',
    );
  }
  return v;
}

/** A scaled integer as a decimal string with exactly `places` digits after the point. */
export function formatScaled(v: number, scale: number): string {
  const places = Math.round(Math.log10(scale));
  const neg = v < 0;
  const a = Math.abs(v);
  const int = Math.floor(a / scale);
  const frac = a - int * scale;
  const s = places === 0 ? `${int}` : `${int}.${String(frac).padStart(places, '0')}`;
  return neg ? `-${s}` : s;
}

/** A scaled integer as a plain number (for results and charts; the decimal string is the exact form). */
export function toNumber(v: number, scale: number): number {
  return Number(formatScaled(v, scale));
}
