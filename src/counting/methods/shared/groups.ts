// Identical ranked ballots are read once: ballots are grouped by their ranks (weights summed), so a
// large election costs one pass to build keys plus one read per distinct ranking. Grouping only pays
// when rankings repeat (few candidates, short ballots); when a sample shows that most ballots are
// different, the table is flushed and the rest are visited one by one, which is then cheaper than
// building keys and keeps memory flat.

import type { RankingBallot } from '../../types.js';
import { ballotWeight, type MethodContext } from './context.js';
import { expectKind } from './marks.js';

const SAMPLE = 1 << 14;
/** below this share of ballots matching an earlier one, grouping costs more than it saves */
const MIN_HIT_RATE = 0.5;
/** a table this large means rankings rarely repeat after all; bounds memory */
const MAX_GROUPS = 1 << 18;

interface Group {
  ballot: RankingBallot;
  weight: number;
  count: number;
}

function keyOf(ranks: RankingBallot['ranks']): string {
  let key = '';
  for (let r = 0; r < ranks.length; r++) {
    const entry = ranks[r];
    if (r > 0) key += '>';
    if (typeof entry === 'number') key += entry;
    else key += Array.isArray(entry) ? entry.join('=') : `?${String(entry)}`;
  }
  return key;
}

/** Calls `visit` once per distinct ranking with the summed weight and the number of ballots. */
export function forEachRankingGroup(
  ctx: MethodContext,
  visit: (ballot: RankingBallot, weight: number, count: number) => void,
): void {
  const groups = new Map<string, Group>();
  let grouping = true;
  let seen = 0;
  for (const raw of ctx.input.ballots) {
    const ballot = expectKind(raw, 'ranking');
    const weight = ballotWeight(ballot.weight);
    if (!grouping) {
      visit(ballot, weight, 1);
      continue;
    }
    const key = keyOf(ballot.ranks ?? []);
    const group = groups.get(key);
    if (group) {
      group.weight += weight;
      group.count++;
    } else {
      groups.set(key, { ballot, weight, count: 1 });
    }
    seen++;
    const poor = seen === SAMPLE && groups.size > SAMPLE * (1 - MIN_HIT_RATE);
    if (poor || groups.size >= MAX_GROUPS) {
      for (const g of groups.values()) visit(g.ballot, g.weight, g.count);
      groups.clear();
      grouping = false;
    }
  }
  for (const g of groups.values()) visit(g.ballot, g.weight, g.count);
}
