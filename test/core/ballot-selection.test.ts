import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSelection,
  decodeSelection,
  encodeSelection,
  type BallotSelection,
  type SelectionLimits,
} from '../../src/core/index.js';
import { readSelection } from '../../src/core/ballots/ballot.selection.js';
import type { BallotKind } from '../../src/counting/types.js';

const limits = (extra: Partial<SelectionLimits> = {}): SelectionLimits => ({
  min: 0,
  max: 4,
  allowBlank: true,
  ...extra,
});
const refused = (sel: BallotSelection, extra: Partial<SelectionLimits> = {}, candidates = 4) => {
  const out = checkSelection(limits(extra), candidates, sel);
  if (out.ok) throw new Error(`expected a refusal for ${JSON.stringify(sel)}`);
  return out.failures;
};

describe('encoding a selection in the stored choices syntax', () => {
  it('writes each kind as ballot.cast takes it', () => {
    expect(encodeSelection({ kind: 'blank' })).toBe('');
    expect(encodeSelection({ kind: 'ranked', ranks: [3, 1, 2] })).toBe('3>1>2');
    expect(encodeSelection({ kind: 'ranked', ranks: [3, null, 1] })).toBe('3>1');
    expect(encodeSelection({ kind: 'marks', marked: [2, 5] })).toBe('2,5');
    expect(
      encodeSelection({
        kind: 'approve-oppose-abstain',
        opinions: [
          { candidate: 1, opinion: 'approve' },
          { candidate: 2, opinion: 'abstain' },
          { candidate: 3, opinion: 'oppose' },
        ],
      }),
    ).toBe('1:+,2:0,3:-');
    expect(
      encodeSelection({
        kind: 'scores',
        scores: [
          { candidate: 1, score: 5 },
          { candidate: 2, score: 0 },
        ],
      }),
    ).toBe('1=5,2=0');
    expect(
      encodeSelection({
        kind: 'criteria',
        scores: [
          { candidate: 1, scores: [4, 5] },
          { candidate: 2, scores: [3, null] },
        ],
      }),
    ).toBe('1=4/5,2=3/');
  });
});

describe('decoding typed choices', () => {
  it('reads a ranking as members type it', () => {
    for (const typed of ['3>1>2', '3 1 2', '3, 1, 2', ' 3，1、2 ', '3＞1＞2', '3 > 1 >2'])
      expect(decodeSelection('ranking', typed)).toEqual({
        ok: true,
        value: { kind: 'ranked', ranks: [3, 1, 2] },
      });
  });

  it('reads the empty text and the word blank as a blank ballot', () => {
    for (const kind of ['marks', 'ranking', 'opinions', 'scores', 'criteria'] as BallotKind[]) {
      expect(decodeSelection(kind, '  ')).toEqual({ ok: true, value: { kind: 'blank' } });
      expect(decodeSelection(kind, 'Blank')).toEqual({ ok: true, value: { kind: 'blank' } });
    }
  });

  it('refuses what is not a selection, naming the part', () => {
    expect(decodeSelection('ranking', '3 then 1')).toMatchObject({
      ok: false,
      error: { code: 'ballot.unknown_candidate', params: { candidate: 'then' }, field: 'choices' },
    });
    expect(decodeSelection('opinions', '1:yes')).toMatchObject({
      ok: false,
      error: { code: 'ballot.bad_opinion', params: { part: '1:yes' } },
    });
    expect(decodeSelection('scores', '1=3/4')).toMatchObject({
      ok: false,
      error: { code: 'ballot.bad_score', params: { part: '1=3/4' } },
    });
    expect(decodeSelection('criteria', '1=3/')).toMatchObject({
      ok: false,
      error: { code: 'ballot.bad_score', params: { part: '1=3/' } },
    });
  });

  it('gives a refusal found while decoding the parameters its message needs', () => {
    expect(readSelection('ranking', limits(), 3, 'Dan first')).toEqual({
      ok: false,
      failures: [
        { code: 'ballot.unknown_candidate', params: { candidate: 'Dan', count: 3 }, field: 'choices' },
      ],
    });
    expect(
      readSelection('criteria', limits({ scoreRange: { min: 1, max: 5 }, criteria: 2 }), 3, '1=x'),
    ).toEqual({
      ok: false,
      failures: [
        { code: 'ballot.bad_score', params: { part: '1=x', min: 1, max: 5, width: 2 }, field: 'choices' },
      ],
    });
    expect(readSelection('opinions', limits(), 3, '1:yes')).toEqual({
      ok: false,
      failures: [{ code: 'ballot.bad_opinion', params: { part: '1:yes' }, field: 'choices' }],
    });
  });

  const candidate = fc.integer({ min: 0, max: 500 });
  const score = fc.integer({ min: 0, max: 100 });
  const selections: fc.Arbitrary<{ kind: BallotKind; sel: BallotSelection }> = fc.oneof(
    fc.constantFrom<BallotKind>('marks', 'ranking', 'opinions', 'scores', 'criteria').map((kind) => ({
      kind,
      sel: { kind: 'blank' } as BallotSelection,
    })),
    fc
      .array(candidate, { minLength: 1, maxLength: 12 })
      .map((ranks) => ({ kind: 'ranking' as const, sel: { kind: 'ranked', ranks } as BallotSelection })),
    fc
      .array(candidate, { minLength: 1, maxLength: 12 })
      .map((marked) => ({ kind: 'marks' as const, sel: { kind: 'marks', marked } as BallotSelection })),
    fc
      .array(
        fc.record({
          candidate,
          opinion: fc.constantFrom('approve' as const, 'oppose' as const, 'abstain' as const),
        }),
        { minLength: 1, maxLength: 12 },
      )
      .map((opinions) => ({
        kind: 'opinions' as const,
        sel: { kind: 'approve-oppose-abstain', opinions } as BallotSelection,
      })),
    fc
      .array(fc.record({ candidate, score }), { minLength: 1, maxLength: 12 })
      .map((scores) => ({ kind: 'scores' as const, sel: { kind: 'scores', scores } as BallotSelection })),
    fc.integer({ min: 1, max: 4 }).chain((width) =>
      fc
        .array(fc.record({ candidate, scores: fc.array(score, { minLength: width, maxLength: width }) }), {
          minLength: 1,
          maxLength: 12,
        })
        .map((scores) => ({
          kind: 'criteria' as const,
          sel: { kind: 'criteria', scores } as BallotSelection,
        })),
    ),
  );

  it('reads back exactly the selection it wrote (property)', () => {
    fc.assert(
      fc.property(selections, ({ kind, sel }) => {
        expect(decodeSelection(kind, encodeSelection(sel))).toEqual({ ok: true, value: sel });
      }),
      { numRuns: 500 },
    );
  });
});

describe('checking a selection', () => {
  it('returns the canonical form: marks in order, abstentions and empty ranks left out', () => {
    expect(checkSelection(limits(), 4, { kind: 'marks', marked: [4, 1] })).toEqual({
      ok: true,
      value: { kind: 'marks', marked: [1, 4] },
    });
    expect(checkSelection(limits(), 4, { kind: 'ranked', ranks: [null, 3, null, 1] })).toEqual({
      ok: true,
      value: { kind: 'ranked', ranks: [3, 1] },
    });
    const opinions = {
      kind: 'approve-oppose-abstain',
      opinions: [
        { candidate: 2, opinion: 'oppose' },
        { candidate: 3, opinion: 'abstain' },
        { candidate: 1, opinion: 'approve' },
      ],
    } as const;
    expect(encodeSelection((checkSelection(limits(), 4, opinions) as { value: BallotSelection }).value)).toBe(
      '1:+,2:-',
    );
  });

  it('names the rank of a candidate number that does not exist', () => {
    expect(refused({ kind: 'ranked', ranks: [1, 7] })).toEqual([
      { field: 'rank.2', code: 'ballot.unknown_candidate', params: { candidate: '7', count: 4 } },
    ]);
  });

  it('names every later rank that repeats a candidate, and the rank it repeats', () => {
    expect(refused({ kind: 'ranked', ranks: [2, 3, 2, 2] })).toEqual([
      { field: 'rank.3', code: 'ballot.duplicate_rank', params: { rank: 1 } },
      { field: 'rank.4', code: 'ballot.duplicate_rank', params: { rank: 1 } },
    ]);
  });

  it('names the ranks when there are too many', () => {
    expect(refused({ kind: 'ranked', ranks: [1, 2, 3] }, { max: 2 })).toEqual([
      { field: 'ranks', code: 'ballot.too_many', params: { max: 2 } },
    ]);
  });

  it('names the first rank still to fill when there are too few', () => {
    expect(refused({ kind: 'ranked', ranks: [2, null, null] }, { min: 2, allowBlank: false })).toEqual([
      { field: 'rank.2', code: 'ballot.too_few', params: { min: 2 } },
    ]);
  });

  it('names the candidate of a mark that does not exist', () => {
    expect(refused({ kind: 'marks', marked: [0] })).toEqual([
      { field: 'candidate.0', code: 'ballot.unknown_candidate', params: { candidate: '0', count: 4 } },
    ]);
  });

  it('names the candidate marked twice', () => {
    expect(refused({ kind: 'marks', marked: [3, 1, 3] })).toEqual([
      { field: 'candidate.3', code: 'ballot.duplicate_mark' },
    ]);
  });

  it('names the marks when there are too many', () => {
    expect(refused({ kind: 'marks', marked: [1, 2, 3] }, { max: 2 })).toEqual([
      { field: 'marks', code: 'ballot.too_many', params: { max: 2 } },
    ]);
  });

  it('keeps members written in (R5, C4) once each in a fixed order, and counts them as choices', () => {
    const typed = decodeSelection('marks', '2,@U9,@U3,@U9');
    expect(typed).toEqual({ ok: true, value: { kind: 'marks', marked: [2], writeIns: ['U9', 'U3', 'U9'] } });
    const checked = checkSelection(limits({ writeIns: 2 }), 4, (typed as { value: BallotSelection }).value);
    expect(checked).toEqual({ ok: true, value: { kind: 'marks', marked: [2], writeIns: ['U3', 'U9'] } });
    expect(encodeSelection((checked as { value: BallotSelection }).value)).toBe('2,@U3,@U9');
    // a written-in name takes a mark's place
    expect(refused({ kind: 'marks', marked: [1], writeIns: ['U3'] }, { max: 1, writeIns: 1 })).toEqual([
      { field: 'marks', code: 'ballot.too_many', params: { max: 1 } },
    ]);
    // where the contest takes none, or fewer
    expect(refused({ kind: 'marks', marked: [], writeIns: ['U3'] })).toEqual([
      { field: 'write-in', code: 'ballot.write_in_not_allowed' },
    ]);
    const opinions = { kind: 'approve-oppose-abstain', opinions: [], writeIns: ['U3', 'U4'] } as const;
    expect(refused(opinions, { writeIns: 1 })).toEqual([
      { field: 'write-in', code: 'ballot.too_many_write_ins', params: { max: 1 } },
    ]);
    // only a write-in is not a blank ballot
    expect(checkSelection(limits({ allowBlank: false, writeIns: 2 }), 4, opinions).ok).toBe(true);
    expect(encodeSelection(opinions)).toBe('@U3,@U4');
    // a ranking has no room for a name: the part is refused as a candidate
    expect(decodeSelection('ranking', '1>@U3')).toMatchObject({ ok: false });
  });

  it('names the marks when there are too few, and allows none only where blank ballots are', () => {
    expect(refused({ kind: 'marks', marked: [] }, { min: 1, allowBlank: false })).toEqual([
      { field: 'marks', code: 'ballot.too_few', params: { min: 1 } },
    ]);
    expect(checkSelection(limits(), 4, { kind: 'marks', marked: [] }).ok).toBe(true);
  });

  it('names the whole ballot when a blank ballot is not allowed', () => {
    expect(refused({ kind: 'blank' }, { allowBlank: false, min: 1 })).toEqual([
      { field: 'choices', code: 'ballot.blank_not_allowed' },
    ]);
    expect(
      refused(
        { kind: 'approve-oppose-abstain', opinions: [{ candidate: 1, opinion: 'abstain' }] },
        { allowBlank: false },
      ),
    ).toEqual([{ field: 'choices', code: 'ballot.blank_not_allowed' }]);
  });

  it('names the candidate of an opinion on a candidate that does not exist', () => {
    expect(
      refused({ kind: 'approve-oppose-abstain', opinions: [{ candidate: 9, opinion: 'approve' }] }),
    ).toEqual([{ field: 'candidate.9', code: 'ballot.bad_opinion', params: { part: '9:+' } }]);
  });

  it('names the candidate given two opinions', () => {
    expect(
      refused({
        kind: 'approve-oppose-abstain',
        opinions: [
          { candidate: 2, opinion: 'approve' },
          { candidate: 2, opinion: 'oppose' },
        ],
      }),
    ).toEqual([{ field: 'candidate.2', code: 'ballot.duplicate_mark' }]);
  });

  it('names the candidate of a score out of range', () => {
    expect(refused({ kind: 'scores', scores: [{ candidate: 1, score: 6 }] })).toEqual([
      { field: 'candidate.1', code: 'ballot.bad_score', params: { part: '1=6', min: 0, max: 5, width: 1 } },
    ]);
  });

  it('names the candidate scored twice', () => {
    expect(
      refused({
        kind: 'scores',
        scores: [
          { candidate: 2, score: 1 },
          { candidate: 2, score: 3 },
        ],
      }),
    ).toEqual([{ field: 'candidate.2', code: 'ballot.duplicate_mark' }]);
  });

  it('names the candidate whose criteria scores are the wrong number', () => {
    expect(
      refused(
        { kind: 'criteria', scores: [{ candidate: 3, scores: [4] }] },
        { criteria: 2, scoreRange: { min: 1, max: 5 } },
      ),
    ).toEqual([
      { field: 'candidate.3', code: 'ballot.bad_score', params: { part: '3=4', min: 1, max: 5, width: 2 } },
    ]);
  });

  it('names the first criterion left unscored, candidate by candidate', () => {
    expect(
      refused(
        {
          kind: 'criteria',
          scores: [
            { candidate: 1, scores: [4, null, null] },
            { candidate: 2, scores: [null, 3, 3] },
          ],
        },
        { criteria: 3, scoreRange: { min: 1, max: 5 } },
      ),
    ).toEqual([
      { field: 'candidate.1.criterion.2', code: 'ballot.criteria_incomplete' },
      { field: 'candidate.2.criterion.1', code: 'ballot.criteria_incomplete' },
    ]);
  });

  it('reports candidates that do not exist before repeats, and repeats before how many', () => {
    expect(refused({ kind: 'ranked', ranks: [9, 1, 1, 2, 3] }, { max: 2 }).map((f) => f.code)).toEqual([
      'ballot.unknown_candidate',
    ]);
    expect(refused({ kind: 'ranked', ranks: [1, 1, 2, 3] }, { max: 2 }).map((f) => f.code)).toEqual([
      'ballot.duplicate_rank',
    ]);
  });
});
