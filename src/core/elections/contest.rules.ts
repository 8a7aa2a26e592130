// What a contest's options may say, as organisers type them.
import { BALLOT_KIND, type MethodId, type ThresholdBase } from '../../counting/types.js';
import type { Preset } from '../shared/presets.js';
import { fail, ok, type Result } from '../shared/result.js';

/** C5's bases as RULES.md names them (`voting` = those who voted, the engine's `cast`), and `valid`. */
export const THRESHOLD_BASES = ['valid', 'cast', 'voting', 'present', 'eligible'] as const;

export function baseOf(typed: (typeof THRESHOLD_BASES)[number]): ThresholdBase {
  return typed === 'voting' ? 'cast' : typed;
}

/**
 * Whether voters may write a member in (R5; C4's "another person"): as the organiser says, else as the
 * rules do. Only a ballot of marks or 赞成/反对/弃权 has room for a name; ranks and scores do not.
 */
export function writeInOption(
  method: MethodId,
  typed: 'yes' | 'no' | undefined,
  preset: Preset | undefined,
): Result<boolean> {
  const room = BALLOT_KIND[method] === 'marks' || BALLOT_KIND[method] === 'opinions';
  if (typed === 'yes' && !room) return fail('contest.write_in_method', { method }, 'writeIn');
  if (typed !== undefined) return ok(typed === 'yes');
  return ok(room && preset?.writeIns !== undefined);
}
