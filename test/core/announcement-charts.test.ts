// An announcement carries a chart for every contest (issue 13), each titled with its contest; a contest
// held over further rounds is drawn once, as its latest round.
import { describe, expect, it } from 'vitest';
import { tally } from '../../src/counting/index.js';
import { chartsOf } from '../../src/core/index.js';
import { announcement } from '../../src/core/results/result.view.js';
import type { StoredResult } from '../../src/core/results/result.types.js';
import type { Contest } from '../../src/core/shared/election.types.js';
import { translate, translator } from '../../src/i18n/index.js';

function contest(id: string, name: string, over: Partial<Contest> = {}): Contest {
  return {
    id,
    electionId: 'e1',
    number: 1,
    name,
    seats: 1,
    method: 'plurality',
    options: {},
    ...over,
  } as Contest;
}

function stored(contestId: string, votes: number[], round = 1): StoredResult {
  const result = tally({
    method: 'plurality',
    seats: 1,
    candidates: votes.map((_, i) => ({ name: `C${i + 1}` })),
    ballots: votes.flatMap((n, i) =>
      Array.from({ length: n }, () => ({ kind: 'marks' as const, marks: [i] })),
    ),
  });
  return { electionId: 'e1', contestId, round, result, eligible: 10, issued: 10, createdAt: '' };
}

const titles = (locale: string, body: ReturnType<typeof announcement>) =>
  chartsOf(body).map((c) => translate(locale, c.title.key, c.title.params));

describe('announcement charts', () => {
  it('are one per contest, in contest order, each named after its contest', () => {
    const contests = [contest('a', 'Chair'), contest('b', 'Treasurer'), contest('c', 'Secretary')];
    const results = [stored('a', [3, 2]), stored('b', [1, 4]), stored('c', [2, 2, 1])];
    const body = announcement(translator('en'), 'AGM', contests, results, false, []);
    expect(body.charts).toHaveLength(3);
    expect(body.chart).toBeUndefined();
    expect(chartsOf(body).map((c) => c.series[0].values)).toEqual([
      [3, 2],
      [1, 4],
      [2, 2, 1],
    ]);
    expect(titles('en', body)).toEqual(['Chair: Votes', 'Treasurer: Votes', 'Secretary: Votes']);
    // the chart's own words are in the announcement's language, whoever renders the image
    const zh = announcement(translator('zh-Hans'), 'AGM', contests, results, false, []);
    expect(titles('zh-Hans', zh)).toEqual(['Chair：得票', 'Treasurer：得票', 'Secretary：得票']);
  });

  it('draw a contest held over further rounds as its latest round only', () => {
    const contests = [
      contest('p1', 'President'),
      contest('p2', 'President (2)', { round: 2, parentId: 'p1' }),
      contest('t', 'Treasurer'),
    ];
    const results = [stored('p1', [3, 3]), stored('t', [5, 1]), stored('p2', [4, 2], 2)];
    const body = announcement(translator('en'), 'AGM', contests, results, false, []);
    expect(titles('en', body)).toEqual(['Treasurer: Votes', 'President (2): Votes']);
    expect(chartsOf(body)[1].series[0].values).toEqual([4, 2]);
  });

  it('leave out contests not being shown', () => {
    const contests = [contest('a', 'Chair'), contest('b', 'Treasurer')];
    const results = [stored('a', [3, 2]), stored('b', [1, 4])];
    const body = announcement(translator('en'), 'AGM', [contests[1]], results, false, []);
    expect(titles('en', body)).toEqual(['Treasurer: Votes']);
  });

  it('are read alike from a body stored with the single chart of before', () => {
    const chart = stored('a', [1]).result.chart;
    expect(chartsOf({ chart })).toEqual([chart]);
    expect(chartsOf({})).toEqual([]);
  });
});
