// Tie-breaking shared by every method. Ties are never broken silently: every call returns a
// TieRecord that the method appends to the result. Lots are drawn from a deterministic generator
// seeded with a string recorded in the result, so anyone can replay the draw.

import type { TieBreakRule, TieDecision, TieRecord } from './types.js';

/** A replayable source of lots. `next()` returns a float in [0, 1). */
export interface Lot {
  readonly seed: string;
  next(): number;
}

/** FNV-1a over UTF-16 code units: turns the recorded seed string into the generator's 32-bit state. */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and simple enough to re-implement anywhere to check a draw. */
export function seededLot(seed: string): Lot {
  let state = hashSeed(seed);
  return {
    seed,
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Draw `count` of `candidates` by lot. Candidates are sorted first so the draw does not depend on input order. */
export function drawByLot(lot: Lot, candidates: readonly number[], count: number): number[] {
  const pool = [...candidates].sort((a, b) => a - b);
  const chosen: number[] = [];
  while (chosen.length < count && pool.length > 0) {
    const i = Math.floor(lot.next() * pool.length);
    chosen.push(pool.splice(i, 1)[0]);
  }
  return chosen;
}

export interface TieContext {
  rule: TieBreakRule;
  lot: Lot;
  /** counts per earlier round, oldest first: history[r][candidate] */
  history: readonly (readonly number[])[];
  /** a predetermined order that settles what the rule leaves tied (earliest in the list is chosen) */
  tieOrder?: readonly number[];
  /** the organisers' decisions of ties the 'organiser' rule stopped at */
  decisions?: readonly TieDecision[];
}

/** The organisers' decision of exactly this tie, if they made one. */
function decisionFor(
  ctx: TieContext,
  tied: readonly number[],
  count: number,
  purpose: TieRecord['purpose'],
  round: number,
): TieDecision | undefined {
  const same = (a: readonly number[], b: readonly number[]) =>
    a.length === b.length && a.every((c) => b.includes(c));
  return ctx.decisions?.find(
    (d) =>
      d.round === round &&
      d.purpose === purpose &&
      same(d.candidates, tied) &&
      d.chosen.length === count &&
      d.chosen.every((c) => tied.includes(c)),
  );
}

export interface TieOutcome {
  /** chosen candidates, or null when the rule leaves the decision to the organiser or a re-vote */
  chosen: number[] | null;
  record: TieRecord;
}

/**
 * Choose `count` of the tied candidates. `want` says which end is chosen when earlier rounds differ:
 * 'lowest' when choosing whom to eliminate, 'highest' when choosing whom to elect.
 */
export function breakTie(
  ctx: TieContext,
  tied: readonly number[],
  count: number,
  want: 'lowest' | 'highest',
  purpose: TieRecord['purpose'],
  round: number,
): TieOutcome {
  const record = (chosen: number[], rule: TieBreakRule): TieOutcome => ({
    chosen,
    // a seed is recorded only where the generator actually drew (below)
    record: { round, purpose, candidates: [...tied], rule, chosen },
  });

  if (ctx.rule === 'organiser') {
    const decided = decisionFor(ctx, tied, count, purpose, round);
    if (decided) return record([...decided.chosen], 'organiser');
  }
  if (ctx.rule === 'organiser' || ctx.rule === 'revote') {
    return {
      chosen: null,
      record: { round, purpose, candidates: [...tied], rule: ctx.rule, chosen: [], needed: count },
    };
  }
  if (ctx.rule === 'candidate-order') {
    // earliest in input order wins, latest loses (RCTab's useCandidateOrder)
    const ordered = [...tied].sort((a, b) => (want === 'highest' ? a - b : b - a));
    return record(ordered.slice(0, count), 'candidate-order');
  }

  let remaining = [...tied];
  const chosen: number[] = [];
  // whether an earlier round told any of them apart; if none did, what settles the tie is the lot (or the
  // predetermined order standing in for it), and the record says so rather than naming the rule tried
  let narrowed = false;
  if (ctx.rule === 'backwards' || ctx.rule === 'forwards') {
    const rounds = ctx.rule === 'backwards' ? [...ctx.history].reverse() : ctx.history;
    for (const counts of rounds) {
      if (chosen.length + remaining.length <= count) break;
      // take whole groups from the wanted end while they fit; stop at the first group that does not
      const byCount = new Map<number, number[]>();
      for (const c of remaining) byCount.set(counts[c] ?? 0, [...(byCount.get(counts[c] ?? 0) ?? []), c]);
      if (byCount.size < 2) continue;
      narrowed = true;
      const levels = [...byCount.keys()].sort((a, b) => (want === 'lowest' ? a - b : b - a));
      for (const level of levels) {
        const group = byCount.get(level)!;
        if (chosen.length + group.length <= count) {
          chosen.push(...group);
          remaining = remaining.filter((c) => !group.includes(c));
          if (chosen.length === count) break;
        } else {
          remaining = group;
          break;
        }
      }
      if (chosen.length === count) return record(chosen, ctx.rule);
    }
    if (chosen.length + remaining.length <= count) return record([...chosen, ...remaining], ctx.rule);
  }
  const need = count - chosen.length;
  if (ctx.tieOrder) {
    const order = ctx.tieOrder;
    const rank = (c: number) => {
      const i = order.indexOf(c);
      return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    const picked = [...remaining].sort((a, b) => rank(a) - rank(b)).slice(0, need);
    return record([...chosen, ...picked], narrowed ? ctx.rule : 'lot');
  }
  const drawn = drawByLot(ctx.lot, remaining, need);
  const out = record([...chosen, ...drawn], narrowed ? ctx.rule : 'lot');
  out.record.seed = ctx.lot.seed;
  return out;
}
