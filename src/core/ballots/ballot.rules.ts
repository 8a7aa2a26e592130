// Pure ballot rules: what a contest's ballot looks like, and a typed or stored choice read and checked
// through ballot.selection.ts (the one place a choice's syntax and its checks live). Choices use
// canonical candidate numbers (1..n in the published order), never the order this voter saw, so the
// stored ballot says nothing about the voter.

import { BALLOT_KIND, type Ballot, type BallotKind } from '../../counting/types.js';
import type { Contest } from '../shared/election.types.js';
import { ok, type Result } from '../shared/result.js';
import { decodeSelection, encodeSelection, readSelection, type SelectionLimits } from './ballot.selection.js';

export interface ChoiceLimits {
  kind: BallotKind;
  min: number;
  max: number;
  allowBlank: boolean;
  scoreRange?: { min: number; max: number };
  criteria?: string[];
  /** people who may be written in (R5, C4): 0 where the contest takes none */
  writeIns: number;
}

export function limitsFor(contest: Contest, candidates: number): ChoiceLimits {
  const limits = choiceLimits(contest, candidates);
  if (!contest.options.writeIn) return { ...limits, writeIns: 0 };
  // a write-in takes a mark's place (plurality, block, approval); beside 赞成/反对/弃权, a seat's (C3)
  return { ...limits, writeIns: limits.kind === 'opinions' ? contest.seats : limits.max };
}

function choiceLimits(contest: Contest, candidates: number): Omit<ChoiceLimits, 'writeIns'> {
  const kind = BALLOT_KIND[contest.method];
  const allowBlank = contest.options.allowBlank ?? true;
  const min = allowBlank ? 0 : 1;
  // a contest taking write-ins allows as many marks as the method would with every seat contested
  const offered = contest.options.writeIn ? Math.max(candidates, contest.seats) : candidates;
  switch (contest.method) {
    case 'plurality':
    case 'two-round':
      return { kind, min, max: 1, allowBlank };
    case 'block':
      return { kind, min, max: Math.min(contest.options.maxMarks ?? contest.seats, offered), allowBlank };
    case 'approval':
      return { kind, min, max: Math.min(contest.options.maxMarks ?? offered, offered), allowBlank };
    case 'score':
      return {
        kind,
        min,
        max: candidates,
        allowBlank,
        scoreRange: contest.options.scoreRange ?? { min: 0, max: 5 },
      };
    case 'judged':
      return {
        kind,
        min,
        max: candidates,
        allowBlank,
        scoreRange: { min: 1, max: 5 },
        criteria: (contest.options.criteria ?? [{ name: 'overall' }]).map((c) => c.name),
      };
    default:
      return { kind, min, max: candidates, allowBlank };
  }
}

/** The contest's limits as the selection check takes them. */
export function selectionLimitsOf(limits: ChoiceLimits): SelectionLimits {
  return {
    min: limits.min,
    max: limits.max,
    allowBlank: limits.allowBlank,
    ...(limits.scoreRange ? { scoreRange: limits.scoreRange } : {}),
    ...(limits.criteria ? { criteria: limits.criteria.length } : {}),
    ...(limits.writeIns > 0 ? { writeIns: limits.writeIns } : {}),
  };
}

/**
 * Check a choice string against the contest and return its canonical form (what is stored). The
 * rules are ballot.selection.ts's, the same every platform's form is checked with; a cast answers with
 * the first refusal, whose code the ballot form shows inline.
 */
export function normaliseChoice(raw: string, limits: ChoiceLimits, candidates: number): Result<string> {
  const read = readSelection(limits.kind, selectionLimitsOf(limits), candidates, raw);
  if (!read.ok) return { ok: false, error: read.failures[0] };
  return ok(encodeSelection(read.value));
}

/** The members a stored choice writes in (R5, C4), if any. */
export function writeInsOf(content: string, kind: BallotKind): readonly string[] {
  const decoded = decodeSelection(kind, content);
  if (!decoded.ok) return [];
  const sel = decoded.value;
  return (sel.kind === 'marks' || sel.kind === 'approve-oppose-abstain' ? sel.writeIns : undefined) ?? [];
}

/**
 * A stored canonical choice as the counting engine's ballot (candidate index = number - 1). A member
 * written in is the candidate `writeIns` places after the listed ones: a mark, or an approval (C4).
 */
export function toEngineBallot(
  content: string,
  kind: BallotKind,
  weight: number,
  candidates: number,
  writeIns: ReadonlyMap<string, number> = new Map(),
): Ballot {
  const decoded = decodeSelection(kind, content);
  // stored content was checked when it was cast: not reading it back is a bug, never a voter's mistake
  if (!decoded.ok) throw new Error(`stored ballot content does not read as a ${kind} ballot`);
  const sel = decoded.value;
  const written = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => {
      const at = writeIns.get(id);
      if (at === undefined) throw new Error('a written-in member is missing from the count');
      return at;
    });
  switch (sel.kind) {
    case 'blank':
      return blankEngineBallot(kind, weight, candidates);
    case 'marks':
      return { kind: 'marks', weight, marks: [...sel.marked.map((n) => n - 1), ...written(sel.writeIns)] };
    case 'ranked':
      return { kind: 'ranking', weight, ranks: sel.ranks.flatMap((n) => (n === null ? [] : [n - 1])) };
    case 'approve-oppose-abstain': {
      const approve: number[] = [];
      const oppose: number[] = [];
      for (const o of sel.opinions)
        if (o.opinion !== 'abstain') (o.opinion === 'approve' ? approve : oppose).push(o.candidate - 1);
      approve.push(...written(sel.writeIns));
      return { kind: 'opinions', weight, approve, oppose };
    }
    case 'scores': {
      const scores: (number | null)[] = Array.from({ length: candidates }, () => null);
      for (const s of sel.scores) scores[s.candidate - 1] = s.score;
      return { kind: 'scores', weight, scores };
    }
    case 'criteria': {
      const scores: (number | null)[][] = Array.from({ length: candidates }, () => []);
      for (const s of sel.scores) scores[s.candidate - 1] = [...s.scores];
      return { kind: 'criteria', weight, scores };
    }
  }
}

function blankEngineBallot(kind: BallotKind, weight: number, candidates: number): Ballot {
  switch (kind) {
    case 'marks':
      return { kind, weight, marks: [] };
    case 'ranking':
      return { kind, weight, ranks: [] };
    case 'opinions':
      return { kind, weight, approve: [], oppose: [] };
    case 'scores':
      return { kind, weight, scores: Array.from({ length: candidates }, () => null) };
    case 'criteria':
      return { kind, weight, scores: Array.from({ length: candidates }, () => []) };
  }
}

/** Fisher-Yates with a caller-supplied random source: each voter sees their own order. */
export function shuffled<T>(items: readonly T[], random: (n: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
