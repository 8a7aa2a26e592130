import type { BallotOrder } from '../shared/election.types.js';
import type { Nomination, NominationStatus } from './nomination.types.js';

/** Statuses in which a nomination still stands (blocks a duplicate, bars its nominee from scrutineering). */
export const ACTIVE: readonly NominationStatus[] = [
  'seconding',
  'awaiting-acceptance',
  'accepted',
  'approved',
];

/** Where a nomination goes once it has `seconds` seconders: self-nominations need no acceptance. */
export function afterSeconding(n: Nomination, seconds: number, needed: number): NominationStatus {
  if (seconds < needed) return 'seconding';
  return n.nominee === n.nominator ? 'accepted' : 'awaiting-acceptance';
}

/**
 * The canonical candidate order, fixed once at publication. 'alphabetical' sorts by display name
 * (locale-aware, so Chinese names sort by pinyin where the runtime supports it); the others keep
 * nomination order, and 'shuffled' contests are shuffled per voter when a ballot is issued.
 */
export function candidateOrder(
  approved: readonly Nomination[],
  order: BallotOrder,
  names: ReadonlyMap<string, string>,
): Nomination[] {
  const list = [...approved].sort((a, b) => a.number - b.number);
  if (order === 'alphabetical' || order === 'stroke') {
    // stroke order (C11) is ICU's stroke collation: fewest strokes of the first character first
    const collator =
      order === 'stroke'
        ? new Intl.Collator(['zh-u-co-stroke', 'en'], { sensitivity: 'base' })
        : new Intl.Collator(['zh-Hans-u-co-pinyin', 'en'], { sensitivity: 'base' });
    list.sort((a, b) =>
      collator.compare(names.get(a.nominee) ?? a.nominee, names.get(b.nominee) ?? b.nominee),
    );
  }
  return list;
}
