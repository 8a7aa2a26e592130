// A voter's choice as data. Typed text ("3 1 2"), a Slack modal and a Discord draft each build one of
// these; the core checks it and writes it down. This file is the one implementation of the ballot rules,
// so a platform's form shows exactly the refusal a typed cast would get, and never re-implements it.
// Failures name the input they are about ('rank.2', 'candidate.3', 'marks') so that a form can show
// each one beside its question. Candidates are canonical numbers (1..n in the published order), never
// the order this voter saw, so nothing here says anything about the voter.

import type { BallotKind } from '../../counting/types.js';
import { fail, ok, type Failure, type Result } from '../shared/result.js';

export type Opinion = 'approve' | 'oppose' | 'abstain';

export type BallotSelection =
  | { kind: 'blank' }
  /** ranks[0] is the first choice; null is a rank a form left empty, which counts as not there */
  | { kind: 'ranked'; ranks: readonly (number | null)[] }
  /** writeIns: members the voter wrote in, not on the list (R5; C4's "another person"), by member id */
  | { kind: 'marks'; marked: readonly number[]; writeIns?: readonly string[] }
  | {
      kind: 'approve-oppose-abstain';
      opinions: readonly { candidate: number; opinion: Opinion }[];
      /** members written in as "another person" (另选他人, C4): a vote for each */
      writeIns?: readonly string[];
    }
  | { kind: 'scores'; scores: readonly { candidate: number; score: number }[] }
  /** scores[i] is the score on criterion i; null is one a form left unscored (typed text cannot) */
  | { kind: 'criteria'; scores: readonly { candidate: number; scores: readonly (number | null)[] }[] };

/** What a contest's ballot allows, as checkSelection needs it. */
export interface SelectionLimits {
  min: number;
  max: number;
  allowBlank: boolean;
  /** scores and criteria: each score must lie in this range (0..5 when not given) */
  scoreRange?: { min: number; max: number };
  /** criteria: how many criteria each scored candidate needs a score on (1 when not given) */
  criteria?: number;
  /** marks and opinions: how many people may be written in (R5, C4); none when not given */
  writeIns?: number;
}

/** A refusal, naming its input: 'choices' (the whole ballot), 'marks', 'ranks', 'rank.N', 'candidate.N', 'candidate.N.criterion.M'. */
export interface SelectionFailure extends Failure {
  field: string;
}

/** The checked selection in canonical form (what is stored), or every refusal of the first kind that applies. */
export type SelectionCheck =
  | { ok: true; value: BallotSelection }
  | { ok: false; failures: readonly SelectionFailure[] };

const OPINION_MARK: Record<Opinion, string> = { approve: '+', oppose: '-', abstain: '0' };
const MARK_OPINION: Record<string, Opinion> = { '+': 'approve', '-': 'oppose', '0': 'abstain' };
const DEFAULT_SCORE_RANGE = { min: 0, max: 5 };

/**
 * A selection in the stored "choices" syntax: ranks "3>1>2", marks "2,5", opinions "1:+,2:-,3:0",
 * scores "1=5,2=0", criteria "1=4/5,2=3/3", blank "". Written as given (order, abstentions, empty ranks
 * skipped, unscored criteria left empty): checkSelection's value is what makes it canonical.
 */
export function encodeSelection(sel: BallotSelection): string {
  switch (sel.kind) {
    case 'blank':
      return '';
    case 'ranked':
      return sel.ranks.filter((n) => n !== null).join('>');
    case 'marks':
      return [...sel.marked, ...writtenIn(sel.writeIns)].join(',');
    case 'approve-oppose-abstain':
      return [
        ...sel.opinions.map((o) => `${o.candidate}:${OPINION_MARK[o.opinion]}`),
        ...writtenIn(sel.writeIns),
      ].join(',');
    case 'scores':
      return sel.scores.map((s) => `${s.candidate}=${s.score}`).join(',');
    case 'criteria':
      return sel.scores.map(criteriaPart).join(',');
  }
}

/** a written-in member as stored: `@` and the id (no platform's member id holds `@` or `,`) */
const writtenIn = (ids: readonly string[] | undefined) => (ids ?? []).map((id) => `@${id}`);
const WRITE_IN = /^@([A-Za-z0-9_.-]{1,64})$/;

const criteriaPart = (s: { candidate: number; scores: readonly (number | null)[] }) =>
  `${s.candidate}=${s.scores.map((x) => x ?? '').join('/')}`;

/**
 * Ranks are written "3>1>2"; "3 1 2" and "3, 1, 2" (also with the full-width comma and 、 of a Chinese
 * keyboard) mean the same, since that is how people type a ranking into a text box. Anything else in
 * the text is kept as a part and refused by name ("Dan" is not a candidate number), never dropped.
 */
const RANK_SEPARATOR = /\s*[>＞,，、]\s*|\s+/;
const LIST_SEPARATOR = /\s*,\s*/;

const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);

/**
 * Text in the choices syntax (or as members type it) -> a selection, unchecked. "" and "blank" are a
 * blank ballot. Refuses only what is not a selection at all; the failure names the part, and
 * readSelection adds what the message also says (how many candidates, the score range).
 */
export function decodeSelection(kind: BallotKind, text: string): Result<BallotSelection> {
  const raw = text.trim();
  if (raw === '' || raw.toLowerCase() === 'blank') return ok({ kind: 'blank' });
  const parts = raw.split(kind === 'ranking' ? RANK_SEPARATOR : LIST_SEPARATOR).filter((p) => p !== '');
  // marks and opinions may name people written in; the check decides whether the contest takes them
  const writeIns =
    kind === 'marks' || kind === 'opinions' ? parts.flatMap((p) => WRITE_IN.exec(p)?.[1] ?? []) : [];
  const listed = writeIns.length > 0 ? parts.filter((p) => !WRITE_IN.test(p)) : parts;
  const extra = writeIns.length > 0 ? { writeIns } : {};
  switch (kind) {
    case 'ranking':
    case 'marks': {
      const nums = listed.map(num);
      const bad = nums.findIndex((n) => Number.isNaN(n));
      if (bad >= 0) return fail('ballot.unknown_candidate', { candidate: listed[bad] }, 'choices');
      return ok(
        kind === 'ranking' ? { kind: 'ranked', ranks: nums } : { kind: 'marks', marked: nums, ...extra },
      );
    }
    case 'opinions': {
      const opinions: { candidate: number; opinion: Opinion }[] = [];
      for (const part of listed) {
        const m = /^(\d+)\s*:\s*([+\-0])$/.exec(part);
        if (!m) return fail('ballot.bad_opinion', { part }, 'choices');
        opinions.push({ candidate: Number(m[1]), opinion: MARK_OPINION[m[2]] });
      }
      return ok({ kind: 'approve-oppose-abstain', opinions, ...extra });
    }
    case 'scores':
    case 'criteria': {
      const entries: { candidate: number; scores: number[] }[] = [];
      for (const part of parts) {
        const m = /^(\d+)\s*=\s*([\d/ ]+)$/.exec(part);
        const scores = m ? m[2].split('/').map(num) : [];
        if (!m || scores.some(Number.isNaN) || (kind === 'scores' && scores.length !== 1))
          return fail('ballot.bad_score', { part }, 'choices');
        entries.push({ candidate: Number(m[1]), scores });
      }
      return ok(
        kind === 'scores'
          ? { kind: 'scores', scores: entries.map((e) => ({ candidate: e.candidate, score: e.scores[0] })) }
          : { kind: 'criteria', scores: entries },
      );
    }
  }
}

/**
 * Typed text -> a checked selection: decode, then check. A refusal from decoding gets the same
 * parameters as checkSelection's of the same code, so its message reads the same whichever found it.
 */
export function readSelection(
  kind: BallotKind,
  limits: SelectionLimits,
  candidates: number,
  text: string,
): SelectionCheck {
  const decoded = decodeSelection(kind, text);
  if (decoded.ok) return checkSelection(limits, candidates, decoded.value);
  const { code, params } = decoded.error;
  const more: Record<string, string | number> =
    code === 'ballot.unknown_candidate'
      ? { count: candidates }
      : code === 'ballot.bad_score'
        ? scoreParams(limits)
        : {};
  return { ok: false, failures: [refusal('choices', code, { ...params, ...more })] };
}

function scoreParams(limits: SelectionLimits) {
  const range = limits.scoreRange ?? DEFAULT_SCORE_RANGE;
  return { min: range.min, max: range.max, width: limits.criteria ?? 1 };
}

const refusal = (
  field: string,
  code: string,
  params?: Record<string, string | number>,
): SelectionFailure => ({ code, ...(params ? { params } : {}), field });

/** written-in members once each, in a fixed order: the stored ballot says nothing of how they were typed */
const unique = (ids: readonly string[] | undefined) => [...new Set(ids ?? [])].sort();

/** People written in where the contest takes none, or more than it takes (R5, C4). */
function writeInRefusal(limits: SelectionLimits, writeIns: readonly string[]): SelectionFailure[] {
  const most = limits.writeIns ?? 0;
  if (writeIns.length === 0 || writeIns.length <= most) return [];
  return [
    most === 0
      ? refusal('write-in', 'ballot.write_in_not_allowed')
      : refusal('write-in', 'ballot.too_many_write_ins', { max: most }),
  ];
}

/**
 * Check a selection against a contest with `candidates` candidates (numbered 1..n). Refusals come in
 * the order a voter can fix them: candidates that do not exist, then repeats, then how many were chosen
 * (or a blank ballot where none is allowed). Only the refusals of the first of these that applies are
 * reported, each beside its own input; opinions and scores take the first two together, entry by entry.
 */
export function checkSelection(
  limits: SelectionLimits,
  candidates: number,
  sel: BallotSelection,
): SelectionCheck {
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= candidates;
  const refused = (failures: SelectionFailure[]): SelectionCheck | undefined =>
    failures.length > 0 ? { ok: false, failures } : undefined;
  switch (sel.kind) {
    case 'blank':
      return limits.allowBlank
        ? { ok: true, value: sel }
        : { ok: false, failures: [refusal('choices', 'ballot.blank_not_allowed')] };
    case 'ranked':
    case 'marks': {
      const ranked = sel.kind === 'ranked';
      const given: readonly (number | null)[] = ranked ? sel.ranks : sel.marked;
      const at = (i: number, n: number) => (ranked ? `rank.${i + 1}` : `candidate.${n}`);
      const unknown = given.flatMap((n, i) =>
        n === null || inRange(n)
          ? []
          : [refusal(at(i, n), 'ballot.unknown_candidate', { candidate: String(n), count: candidates })],
      );
      const firstAt = new Map<number, number>();
      const repeats: SelectionFailure[] = [];
      given.forEach((n, i) => {
        if (n === null) return;
        const earlier = firstAt.get(n);
        if (earlier === undefined) firstAt.set(n, i + 1);
        else if (ranked) repeats.push(refusal(at(i, n), 'ballot.duplicate_rank', { rank: earlier }));
        else repeats.push(refusal(at(i, n), 'ballot.duplicate_mark'));
      });
      const chosen = given.filter((n) => n !== null);
      const writeIns = sel.kind === 'marks' ? unique(sel.writeIns) : [];
      const countField = ranked ? 'ranks' : 'marks';
      const blank = limits.allowBlank && chosen.length === 0 && writeIns.length === 0;
      const count =
        chosen.length + writeIns.length > limits.max
          ? [refusal(countField, 'ballot.too_many', { max: limits.max })]
          : chosen.length < limits.min && !blank
            ? [refusal(ranked ? `rank.${chosen.length + 1}` : 'marks', 'ballot.too_few', { min: limits.min })]
            : [];
      const canonical: BallotSelection = ranked
        ? { kind: 'ranked', ranks: chosen }
        : {
            kind: 'marks',
            marked: [...chosen].sort((a, b) => a - b),
            ...(writeIns.length > 0 ? { writeIns } : {}),
          };
      return (
        refused(unknown) ??
        refused(repeats) ??
        refused(writeInRefusal(limits, writeIns)) ??
        refused(count) ?? { ok: true, value: canonical }
      );
    }
    case 'approve-oppose-abstain': {
      const failures: SelectionFailure[] = [];
      const seen = new Set<number>();
      for (const o of sel.opinions) {
        const field = `candidate.${o.candidate}`;
        if (!inRange(o.candidate))
          failures.push(
            refusal(field, 'ballot.bad_opinion', { part: `${o.candidate}:${OPINION_MARK[o.opinion]}` }),
          );
        else if (seen.has(o.candidate)) failures.push(refusal(field, 'ballot.duplicate_mark'));
        seen.add(o.candidate);
      }
      const marked = sel.opinions
        .filter((o) => o.opinion !== 'abstain')
        .sort((a, b) => a.candidate - b.candidate);
      const writeIns = unique(sel.writeIns);
      const blank =
        marked.length === 0 && writeIns.length === 0 && !limits.allowBlank
          ? [refusal('choices', 'ballot.blank_not_allowed')]
          : [];
      const value: BallotSelection = {
        kind: 'approve-oppose-abstain',
        opinions: marked,
        ...(writeIns.length > 0 ? { writeIns } : {}),
      };
      return (
        refused(failures) ??
        refused(writeInRefusal(limits, writeIns)) ??
        refused(blank) ?? { ok: true, value }
      );
    }
    case 'scores':
    case 'criteria': {
      const range = limits.scoreRange ?? DEFAULT_SCORE_RANGE;
      const width = sel.kind === 'criteria' ? (limits.criteria ?? 1) : 1;
      const entries =
        sel.kind === 'scores'
          ? sel.scores.map((s) => ({ candidate: s.candidate, scores: [s.score] }))
          : sel.scores;
      const failures: SelectionFailure[] = [];
      const seen = new Set<number>();
      for (const e of entries) {
        const field = `candidate.${e.candidate}`;
        const outOfRange = e.scores.some((s) => s !== null && !(s >= range.min && s <= range.max));
        const missing = e.scores.indexOf(null);
        if (!inRange(e.candidate) || e.scores.length !== width || outOfRange)
          failures.push(
            refusal(field, 'ballot.bad_score', {
              part: criteriaPart(e),
              min: range.min,
              max: range.max,
              width,
            }),
          );
        else if (missing >= 0)
          failures.push(refusal(`${field}.criterion.${missing + 1}`, 'ballot.criteria_incomplete'));
        else if (seen.has(e.candidate)) failures.push(refusal(field, 'ballot.duplicate_mark'));
        seen.add(e.candidate);
      }
      const byCandidate = <T extends { candidate: number }>(xs: readonly T[]) =>
        [...xs].sort((a, b) => a.candidate - b.candidate);
      const canonical: BallotSelection =
        sel.kind === 'scores'
          ? { kind: 'scores', scores: byCandidate(sel.scores) }
          : { kind: 'criteria', scores: byCandidate(sel.scores) };
      return refused(failures) ?? { ok: true, value: canonical };
    }
  }
}
