// Identical ranked ballots are read once: ballots are grouped by their ranks (weights summed), so a
// large election costs one pass to build keys plus one read per distinct ranking. The group table
// is flushed when it grows large, which bounds memory when nearly every ballot is different.

import type { RankingBallot } from '../../types.js';
import { ballotWeight, type MethodContext } from './context.js';
import { expectKind } from './marks.js';

const FLUSH_AT = 1 << 16;

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
    else key += Array.isArray(entry) ? entry.join('=') : '?' + String(entry);
  }
  return key;
}

/** Calls `visit` once per distinct ranking with the summed weight and the number of ballots. */
export function forEachRankingGroup(
  ctx: MethodContext,
  visit: (ballot: RankingBallot, weight: number, count: number) => void,
): void {
  let groups = new Map<string, Group>();
  for (const raw of ctx.input.ballots) {
    const ballot = expectKind(raw, 'ranking');
    const weight = ballotWeight(ballot.weight);
    const key = keyOf(ballot.ranks ?? []);
    const group = groups.get(key);
    if (group) {
      group.weight += weight;
      group.count++;
    } else {
      groups.set(key, { ballot, weight, count: 1 });
      if (groups.size >= FLUSH_AT) {
        for (const g of groups.values()) visit(g.ballot, g.weight, g.count);
        groups = new Map();
      }
    }
  }
  for (const g of groups.values()) visit(g.ballot, g.weight, g.count);
}
