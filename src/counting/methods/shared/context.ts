// Per-count context shared by the methods in this folder: options with their defaults, the weight
// rule, who may be elected, and the tie machinery with a replayable seed.

import { breakTie, seededLot, type Lot, type TieOutcome } from '../../ties.js';
import type { MethodOptions, TallyInput, TieBreakRule, TieRecord } from '../../types.js';
import { TallyInputError } from '../../types.js';

export interface MethodContext {
  input: TallyInput;
  options: MethodOptions;
  tieRule: TieBreakRule;
  /** candidates that may be elected: not withdrawn, not an undeclared write-in */
  electable: boolean[];
  /** candidates whose marks count at all: not withdrawn */
  active: boolean[];
  ties: TieRecord[];
  /** the seed actually used, set once a lot has been drawn (recorded in result.options) */
  usedSeed?: string;
}

export function makeContext(input: TallyInput): MethodContext {
  const options = { ...(input.options ?? {}) };
  if (!Number.isInteger(input.seats) || input.seats < 1) {
    throw new TallyInputError(
      `seats must be a whole number of at least 1, got ${input.seats}`,
      'counting.bad_seats',
    );
  }
  return {
    input,
    options,
    tieRule: options.tieBreak ?? 'lot',
    electable: input.candidates.map((c) => !c.withdrawn && !c.writeIn),
    active: input.candidates.map((c) => !c.withdrawn),
    ties: [],
  };
}

/** A ballot's weight: default 1; a negative or non-finite weight is input the engine cannot count. */
export function ballotWeight(weight: number | undefined): number {
  if (weight === undefined) return 1;
  if (!Number.isFinite(weight) || weight < 0) {
    throw new TallyInputError(
      `ballot weight must be a finite number of at least 0, got ${weight}`,
      'counting.bad_weight',
    );
  }
  return weight;
}

/** FNV-1a, hex: a short fingerprint used to derive the default seed from what was counted. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The seed for lots. Without `options.seed` it is derived from the method, the candidates and the
 * counts (never from ballot order), so a re-run of the same election draws the same lots, and the
 * derived seed is recorded so anyone can replay the draw.
 */
function seedFor(ctx: MethodContext, counts: readonly number[]): string {
  if (ctx.options.seed !== undefined) return ctx.options.seed;
  const names = ctx.input.candidates.map((c) => c.name).join('\u0001');
  return `auto-${fingerprint(`${ctx.input.method}|${ctx.input.seats}|${names}|${counts.join(',')}`)}`;
}

/**
 * Break a tie among `tied`, choosing `count` of them. Records the tie in `ctx.ties`.
 * Returns null when the rule leaves it to the organiser or a re-vote.
 */
export function decideTie(
  ctx: MethodContext,
  tied: readonly number[],
  count: number,
  want: 'lowest' | 'highest',
  purpose: TieRecord['purpose'],
  round: number,
  history: readonly (readonly number[])[],
): number[] | null {
  let lot: Lot | undefined;
  const lastCounts = history[history.length - 1] ?? [];
  const lazyLot: Lot = {
    get seed() {
      lot ??= seededLot(seedFor(ctx, lastCounts));
      return lot.seed;
    },
    next() {
      lot ??= seededLot(seedFor(ctx, lastCounts));
      return lot.next();
    },
  };
  const outcome: TieOutcome = breakTie(
    {
      rule: ctx.tieRule,
      lot: lazyLot,
      history,
      tieOrder: ctx.options.tieOrder,
      decisions: ctx.options.decisions,
    },
    tied,
    count,
    want,
    purpose,
    round,
  );
  if (outcome.record.seed !== undefined) ctx.usedSeed = outcome.record.seed;
  ctx.ties.push(outcome.record);
  return outcome.chosen;
}
