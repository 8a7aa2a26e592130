// What a submitted timetable form sends: only the fields the organiser changed, and nothing at all
// when the plan changed under the form.
import { describe, expect, it } from 'vitest';
import { electionNumber, scheduleArgs, scheduleFields, stampOf } from '../../../adapters/shared/index.js';
import type { TimetableSummary } from '../../../src/core/index.js';

const plan: TimetableSummary = {
  zone: 'Asia/Shanghai',
  steps: [
    { step: 'nominations-open', arg: 'nominationsOpen', happened: '2026-03-01T01:00:00.000Z' },
    {
      step: 'voting-open',
      arg: 'votingOpen',
      planned: '2026-03-10T01:00:00.000Z',
      plannedText: '2026-03-10 09:00',
    },
    { step: 'voting-close', arg: 'votingClose' },
  ],
};

describe('the timetable form’s fields', () => {
  it('offer the steps that have not happened, prefilled with the plan', () => {
    expect(scheduleFields(plan)).toEqual([
      { step: 'voting-open', arg: 'votingOpen', value: '2026-03-10 09:00' },
      { step: 'voting-close', arg: 'votingClose', value: '' },
    ]);
    expect(scheduleFields(plan, ['voting-close']).map((f) => f.arg)).toEqual(['votingClose']);
  });

  it('send only what changed: not a field left as shown, emptied, or only re-spaced', () => {
    const fields = scheduleFields(plan);
    const stamp = stampOf(fields);
    expect(scheduleArgs('3', stamp, fields, { votingOpen: ' 2026-03-10 09:00 ', votingClose: '' })).toEqual({
      kind: 'args',
      args: { election: '3' },
    });
    expect(
      scheduleArgs('3', stamp, fields, { votingOpen: 'none', votingClose: '3d', override: ' agreed ' }),
    ).toEqual({
      kind: 'args',
      args: { election: '3', votingOpen: 'none', votingClose: '3d', override: 'agreed' },
    });
    // a field the form did not show is not sent, whatever the payload holds
    expect(scheduleArgs('3', stamp, fields, { nominationsOpen: '2026-03-02 09:00' })).toEqual({
      kind: 'args',
      args: { election: '3' },
    });
  });

  it('send nothing when the plan is not the one the form showed', () => {
    const shown = scheduleFields(plan);
    const now = shown.map((f) => (f.arg === 'votingOpen' ? { ...f, value: '2026-03-11 09:00' } : f));
    expect(scheduleArgs('3', stampOf(shown), now, { votingClose: '3d' })).toEqual({ kind: 'stale' });
    // a step that happened meanwhile leaves the form too
    expect(scheduleArgs('3', stampOf(shown), shown.slice(1), { votingClose: '3d' })).toEqual({
      kind: 'stale',
    });
  });

  it('read an election as members type it', () => {
    expect(electionNumber('3')).toBe(3);
    expect(electionNumber('#12')).toBe(12);
    for (const no of ['', 'three', '3a', '-1', '1.5']) expect(electionNumber(no)).toBeUndefined();
  });
});
