// Pure ballot rules: what a contest's ballot looks like, how a voter's choice is written down, and the
// check that a choice is one the method accepts. Choices use canonical candidate numbers (1..n in the
// published order), never the order this voter saw, so the stored ballot says nothing about the voter.

import { BALLOT_KIND, type Ballot, type BallotKind } from '../../counting/types.js';
import type { Contest } from '../elections/election.types.js';
import { fail, ok, type Result } from '../shared/result.js';

export interface ChoiceLimits {
  kind: BallotKind;
  min: number;
  max: number;
  allowBlank: boolean;
  scoreRange?: { min: number; max: number };
  criteria?: string[];
}

export function limitsFor(contest: Contest, candidates: number): ChoiceLimits {
  const kind = BALLOT_KIND[contest.method];
  const allowBlank = contest.options.allowBlank ?? true;
  const min = allowBlank ? 0 : 1;
  switch (contest.method) {
    case 'plurality':
    case 'two-round':
      return { kind, min, max: 1, allowBlank };
    case 'block':
      return { kind, min, max: Math.min(contest.options.maxMarks ?? contest.seats, candidates), allowBlank };
    case 'approval':
      return { kind, min, max: Math.min(contest.options.maxMarks ?? candidates, candidates), allowBlank };
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

/**
 * Ranks are written "3>1>2"; "3 1 2" and "3, 1, 2" (also with the full-width comma and 、 of a Chinese
 * keyboard) mean the same, since that is how people type a ranking into a text box. Anything else in
 * the text is kept as a part and refused by name ("Dan" is not a candidate number), never dropped.
 */
const RANK_SEPARATOR = /\s*[>＞,，、]\s*|\s+/;

const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);

/**
 * Check a choice string against the contest and return its canonical form (what is stored).
 * Failures carry a code the ballot form shows inline.
 */
export function normaliseChoice(raw: string, limits: ChoiceLimits, candidates: number): Result<string> {
  const text = raw.trim();
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= candidates;
  if (text === '' || text.toLowerCase() === 'blank') {
    return limits.allowBlank ? ok('') : fail('ballot.blank_not_allowed', {}, 'choices');
  }
  const parts = text.split(limits.kind === 'ranking' ? RANK_SEPARATOR : /\s*,\s*/).filter((p) => p !== '');
  switch (limits.kind) {
    case 'marks':
    case 'ranking': {
      const nums = parts.map(num);
      const bad = parts.find((_p, i) => !inRange(nums[i]));
      if (bad !== undefined)
        return fail('ballot.unknown_candidate', { candidate: bad, count: candidates }, 'choices');
      if (new Set(nums).size !== nums.length)
        return fail(
          limits.kind === 'ranking' ? 'ballot.duplicate_rank' : 'ballot.duplicate_mark',
          {},
          'choices',
        );
      if (nums.length > limits.max) return fail('ballot.too_many', { max: limits.max }, 'choices');
      if (nums.length < limits.min) return fail('ballot.too_few', { min: limits.min }, 'choices');
      return ok(limits.kind === 'marks' ? [...nums].sort((a, b) => a - b).join(',') : nums.join('>'));
    }
    case 'opinions': {
      const seen = new Map<number, string>();
      for (const p of parts) {
        const m = /^(\d+)\s*:\s*([+\-0])$/.exec(p);
        if (!m || !inRange(Number(m[1]))) return fail('ballot.bad_opinion', { part: p }, 'choices');
        if (seen.has(Number(m[1]))) return fail('ballot.duplicate_mark', {}, 'choices');
        seen.set(Number(m[1]), m[2]);
      }
      const marked = [...seen.entries()].filter(([, v]) => v !== '0').sort((a, b) => a[0] - b[0]);
      if (marked.length === 0 && !limits.allowBlank) return fail('ballot.blank_not_allowed', {}, 'choices');
      return ok(marked.map(([k, v]) => `${k}:${v}`).join(','));
    }
    case 'scores':
    case 'criteria': {
      const range = limits.scoreRange ?? { min: 0, max: 5 };
      const width = limits.kind === 'criteria' ? (limits.criteria?.length ?? 1) : 1;
      const seen = new Map<number, number[]>();
      for (const p of parts) {
        const m = /^(\d+)\s*=\s*([\d/ ]+)$/.exec(p);
        const scores = m ? m[2].split('/').map(num) : [];
        if (
          !m ||
          !inRange(Number(m[1])) ||
          scores.length !== width ||
          scores.some((s) => !(s >= range.min && s <= range.max))
        ) {
          return fail('ballot.bad_score', { part: p, min: range.min, max: range.max, width }, 'choices');
        }
        if (seen.has(Number(m[1]))) return fail('ballot.duplicate_mark', {}, 'choices');
        seen.set(Number(m[1]), scores);
      }
      return ok(
        [...seen.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([k, v]) => `${k}=${v.join('/')}`)
          .join(','),
      );
    }
  }
}

/** A stored canonical choice as the counting engine's ballot (candidate index = number - 1). */
export function toEngineBallot(
  content: string,
  kind: BallotKind,
  weight: number,
  candidates: number,
): Ballot {
  const parts = content === '' ? [] : content.split(kind === 'ranking' ? '>' : ',');
  switch (kind) {
    case 'marks':
      return { kind, weight, marks: parts.map((p) => Number(p) - 1) };
    case 'ranking':
      return { kind, weight, ranks: parts.map((p) => Number(p) - 1) };
    case 'opinions': {
      const approve: number[] = [];
      const oppose: number[] = [];
      for (const p of parts) {
        const [k, v] = p.split(':');
        (v === '+' ? approve : oppose).push(Number(k) - 1);
      }
      return { kind, weight, approve, oppose };
    }
    case 'scores': {
      const scores: (number | null)[] = Array.from({ length: candidates }, () => null);
      for (const p of parts) {
        const [k, v] = p.split('=');
        scores[Number(k) - 1] = Number(v);
      }
      return { kind, weight, scores };
    }
    case 'criteria': {
      const scores: (number | null)[][] = Array.from({ length: candidates }, () => []);
      for (const p of parts) {
        const [k, v] = p.split('=');
        scores[Number(k) - 1] = v.split('/').map(Number);
      }
      return { kind, weight, scores };
    }
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
