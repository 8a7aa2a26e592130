// What a contest's options may say, as organisers type them.
import type { ThresholdBase } from '../../counting/types.js';

/** C5's bases as RULES.md names them (`voting` = those who voted, the engine's `cast`), and `valid`. */
export const THRESHOLD_BASES = ['valid', 'cast', 'voting', 'present', 'eligible'] as const;

export function baseOf(typed: (typeof THRESHOLD_BASES)[number]): ThresholdBase {
  return typed === 'voting' ? 'cast' : typed;
}
