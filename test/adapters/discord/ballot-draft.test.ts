import { describe, expect, it } from 'vitest';
import { choicesOf, newDraft } from '../../../adapters/discord/ballot/ballot-draft.js';
import type { BallotForm } from '../../../src/core/index.js';

function form(kind: BallotForm['kind'], extra: Partial<BallotForm> = {}): BallotForm {
  return {
    election: '3',
    electionTitle: 'Board',
    contest: '1',
    contestName: 'Chair',
    kind,
    // shuffled, as a voter sees them: choices use the canonical numbers, never this order
    options: [3, 1, 2].map((number) => ({ number, name: `C${number}` })),
    minChoices: 1,
    maxChoices: 3,
    allowBlank: false,
    instructions: 'Fill in your ballot',
    ...extra,
  };
}

describe('a Discord draft as the choices ballot.cast takes', () => {
  it('writes each ballot kind in the core syntax', () => {
    const marks = newDraft(form('marks'), 'g');
    marks.marks = [2, 3];
    expect(choicesOf(marks)).toBe('2,3');
    const opinions = newDraft(form('opinions'), 'g');
    opinions.approve = [2];
    opinions.oppose = [3, 1];
    expect(choicesOf(opinions)).toBe('2:+,3:-,1:-');
    const ranked = newDraft(form('ranking'), 'g');
    ranked.ranking = [2, 3];
    expect(choicesOf(ranked)).toBe('2>3');
    const scores = newDraft(form('scores', { scoreRange: { min: 0, max: 5 } }), 'g');
    scores.stepScores = [4, null, 0];
    expect(choicesOf(scores)).toBe('3=4,2=0');
  });

  it('sends a half-scored candidate as it stands, for the core to refuse, and leaves out an unscored one', () => {
    const judged = newDraft(form('criteria', { criteria: ['Vision', 'Delivery'] }), 'g');
    judged.stepScores = [5, null, null, null, 3];
    expect(choicesOf(judged)).toBe('3=5/,2=3/');
  });
});
