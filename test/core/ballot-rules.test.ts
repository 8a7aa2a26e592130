import { describe, expect, it } from 'vitest';
import { limitsFor, normaliseChoice, toEngineBallot } from '../../src/core/ballots/ballot.rules.js';
import type { Contest } from '../../src/core/shared/election.types.js';
import type { MethodId } from '../../src/counting/types.js';

const contest = (method: MethodId, seats = 1, options: Contest['options'] = {}): Contest => ({
  id: 'c',
  electionId: 'e',
  number: 1,
  name: 'X',
  seats,
  method,
  options,
});
const check = (method: MethodId, raw: string, seats = 1, options: Contest['options'] = {}, n = 4) =>
  normaliseChoice(raw, limitsFor(contest(method, seats, options), n), n);

describe('ballot choices', () => {
  it('accepts one mark for a single choice and refuses two', () => {
    expect(check('plurality', '3')).toEqual({ ok: true, value: '3' });
    expect(check('plurality', '1,2')).toMatchObject({
      ok: false,
      error: { code: 'ballot.too_many', params: { max: 1 } },
    });
  });

  it('limits a block vote to the seats and sorts the marks', () => {
    expect(check('block', '4,1', 2)).toEqual({ ok: true, value: '1,4' });
    expect(check('block', '1,2,3', 2)).toMatchObject({ ok: false, error: { code: 'ballot.too_many' } });
  });

  it('honours an approval limit', () => {
    expect(check('approval', '1,2,3,4')).toEqual({ ok: true, value: '1,2,3,4' });
    expect(check('approval', '1,2,3', 1, { maxMarks: 2 })).toMatchObject({
      ok: false,
      error: { code: 'ballot.too_many', params: { max: 2 } },
    });
  });

  it('refuses a repeated rank and unknown candidates', () => {
    expect(check('irv', '3>1>2')).toEqual({ ok: true, value: '3>1>2' });
    expect(check('irv', '3>1>3')).toMatchObject({ ok: false, error: { code: 'ballot.duplicate_rank' } });
    expect(check('irv', '5>1')).toMatchObject({
      ok: false,
      error: { code: 'ballot.unknown_candidate', params: { candidate: '5' } },
    });
  });

  it('reads a ranking typed with spaces or commas, and refuses words by name rather than dropping them', () => {
    expect(check('irv', '3 1 2')).toEqual({ ok: true, value: '3>1>2' });
    expect(check('irv', ' 3, 1，2 ')).toEqual({ ok: true, value: '3>1>2' });
    expect(check('irv', 'Dan first')).toMatchObject({
      ok: false,
      error: { code: 'ballot.unknown_candidate', params: { candidate: 'Dan' } },
    });
    expect(check('irv', '3 then 1')).toMatchObject({
      ok: false,
      error: { code: 'ballot.unknown_candidate', params: { candidate: 'then' } },
    });
    // only an empty choice (or the word blank) is a blank ballot
    expect(check('irv', '')).toEqual({ ok: true, value: '' });
  });

  it('reads approve / oppose / abstain and drops abstentions', () => {
    expect(check('approve-oppose', '2:-, 1:+, 3:0')).toEqual({ ok: true, value: '1:+,2:-' });
    expect(check('approve-oppose', '1:yes')).toMatchObject({
      ok: false,
      error: { code: 'ballot.bad_opinion' },
    });
  });

  it('checks scores against the range', () => {
    expect(check('score', '1=5,2=0')).toEqual({ ok: true, value: '1=5,2=0' });
    expect(check('score', '1=6')).toMatchObject({ ok: false, error: { code: 'ballot.bad_score' } });
  });

  it('allows a blank ballot only where the rules allow it', () => {
    expect(check('plurality', '')).toEqual({ ok: true, value: '' });
    expect(check('plurality', '', 1, { allowBlank: false })).toMatchObject({
      ok: false,
      error: { code: 'ballot.blank_not_allowed' },
    });
  });

  it('turns stored choices into engine ballots with zero-based candidates', () => {
    expect(toEngineBallot('3>1', 'ranking', 2, 4)).toEqual({ kind: 'ranking', weight: 2, ranks: [2, 0] });
    expect(toEngineBallot('1:+,2:-', 'opinions', 1, 4)).toEqual({
      kind: 'opinions',
      weight: 1,
      approve: [0],
      oppose: [1],
    });
    expect(toEngineBallot('2=4', 'scores', 1, 3)).toEqual({
      kind: 'scores',
      weight: 1,
      scores: [null, 4, null],
    });
  });
});
