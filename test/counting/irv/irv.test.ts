import { describe, expect, it } from 'vitest';
import catalog from '../../../src/i18n/catalogs/counting-irv.js';
import { countIrv } from '../../../src/counting/irv.js';
import type {
  CandidateInput,
  CountResult,
  MethodOptions,
  RankingBallot,
} from '../../../src/counting/types.js';
import { TallyInputError } from '../../../src/counting/types.js';

const rank = (weight: number, ...ranks: (number | number[])[]): RankingBallot => ({
  kind: 'ranking',
  weight,
  ranks,
});
const names = (...xs: string[]): CandidateInput[] => xs.map((name) => ({ name }));
const irv = (candidates: CandidateInput[], ballots: RankingBallot[], options: MethodOptions = {}) =>
  countIrv({ method: 'irv', seats: 1, candidates, ballots, options });

describe('instant-runoff', () => {
  // A 8, B 7, C 5 first preferences; C's voters prefer B: B wins in round 2 with 12 of 20.
  const ballots = [rank(8, 0, 1), rank(7, 1, 0), rank(3, 2, 1), rank(2, 2)];

  it('eliminates the lowest and transfers to the next preference until a majority', () => {
    const r = irv(names('A', 'B', 'C'), ballots);
    expect(r.winners).toEqual([1]);
    expect(r.rounds.map((x) => x.counts)).toEqual([
      [8, 7, 5],
      [8, 10, 0],
    ]);
    expect(r.rounds[0].quota).toBe(11);
    expect(r.rounds[0].eliminated).toEqual([2]);
    expect(r.rounds[0].transfers).toEqual([{ from: 2, to: { 1: 3 }, exhausted: 2 }]);
    expect(r.rounds[1].quota).toBe(10);
    expect(r.rounds[1].elected).toEqual([1]);
    expect(r.rounds[1].exhausted).toBe(2);
    expect(r.ties).toEqual([]);
    expect(r.ballots).toEqual({ cast: 4, valid: 4, blank: 0, invalid: 0, validWeight: 20 });
  });

  it('fills the chart with one series per round', () => {
    const r = irv(names('A', 'B', 'C'), ballots);
    expect(r.chart.kind).toBe('rounds');
    expect(r.chart.labels).toEqual(['A', 'B', 'C']);
    expect(r.chart.series.map((s) => s.values)).toEqual(r.rounds.map((x) => x.counts));
  });

  it('passes over withdrawn candidates', () => {
    const r = irv(
      [{ name: 'A' }, { name: 'B', withdrawn: true }, { name: 'C' }],
      [rank(3, 1, 2), rank(2, 0)],
    );
    expect(r.rounds[0].counts).toEqual([2, 0, 3]);
    expect(r.winners).toEqual([2]);
  });

  it('never elects undeclared write-ins, even with a majority', () => {
    const cands = [{ name: 'A' }, { name: 'B' }, { name: 'Write-ins', writeIn: true }];
    const r = irv(cands, [rank(6, 2, 1), rank(3, 0), rank(1, 1)]);
    expect(r.rounds[0].elected).toEqual([]);
    expect(r.rounds[0].eliminated).toEqual([2]);
    expect(r.winners).toEqual([1]);
  });

  it('batch-eliminates candidates who together cannot catch the next', () => {
    const cands = names('A', 'B', 'C', 'D');
    const ballots4 = [rank(8, 0), rank(6, 1), rank(2, 2, 1), rank(1, 3, 1)];
    const batched = irv(cands, ballots4, { batchElimination: true });
    expect(batched.rounds[0].eliminated.sort()).toEqual([2, 3]);
    const single = irv(cands, ballots4);
    expect(single.rounds[0].eliminated).toEqual([3]);
    expect(batched.winners).toEqual(single.winners);
  });

  it('records a lot with its seed and replays it identically', () => {
    const tied = [rank(2, 0), rank(2, 1), rank(3, 2)];
    const a = irv(names('A', 'B', 'C'), tied, { seed: 'meeting-2026' });
    const b = irv(names('A', 'B', 'C'), tied, { seed: 'meeting-2026' });
    expect(a).toEqual(b);
    expect(a.ties).toHaveLength(1);
    expect(a.ties[0]).toMatchObject({
      round: 1,
      purpose: 'eliminate',
      candidates: [0, 1],
      rule: 'lot',
      seed: 'meeting-2026',
    });
    expect(a.rounds[0].eliminated).toEqual(a.ties[0].chosen);
    expect(a.options.seed).toBe('meeting-2026');
  });

  it('derives and records a seed when none is given', () => {
    const r = irv(names('A', 'B', 'C'), [rank(2, 0), rank(2, 1), rank(3, 2)]);
    expect(typeof r.options.seed).toBe('string');
    expect(r.ties[0].seed).toBe(r.options.seed);
  });

  it('candidate order eliminates the latest listed', () => {
    const r = irv(names('A', 'B', 'C'), [rank(2, 0), rank(2, 1), rank(3, 2)], {
      tieBreak: 'candidate-order',
    });
    expect(r.rounds[0].eliminated).toEqual([1]);
    expect(r.ties[0]).toMatchObject({ rule: 'candidate-order', chosen: [1] });
  });

  it('backwards looks at earlier rounds', () => {
    // round 1: A 6, B 4, C 3, D 1 -> D out, to C; round 2: B and C tie on 4, C was lower in round 1
    const cands = names('A', 'B', 'C', 'D');
    const r = irv(cands, [rank(6, 0), rank(4, 1), rank(3, 2), rank(1, 3, 2)], { tieBreak: 'backwards' });
    expect(r.rounds[1].counts).toEqual([6, 4, 4, 0]);
    expect(r.ties[0]).toMatchObject({
      round: 2,
      purpose: 'eliminate',
      candidates: [1, 2],
      rule: 'backwards',
      chosen: [2],
    });
    expect(r.rounds[1].eliminated).toEqual([2]);
  });

  it('stops at a tie the organisers must decide, naming the tied candidates', () => {
    const r = irv(names('A', 'B', 'C'), [rank(2, 0), rank(2, 1), rank(3, 2)], { tieBreak: 'organiser' });
    expect(r.winners).toEqual([]);
    expect(r.ties).toEqual([
      { round: 1, purpose: 'eliminate', candidates: [0, 1], rule: 'organiser', chosen: [], needed: 1 },
    ]);
    expect(r.furtherRound).toBeUndefined();
    expect(r.explanation.map((e) => e.key)).toContain('counting.irv.needs_organiser');
  });

  it('asks for a re-vote when the last two tie under the revote rule', () => {
    const r = irv(names('A', 'B'), [rank(3, 0), rank(3, 1)], { tieBreak: 'revote' });
    expect(r.winners).toEqual([]);
    expect(r.furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
    expect(r.ties[0]).toMatchObject({ purpose: 'elect', rule: 'revote', chosen: [] });
  });

  it('continues until two remain when asked, keeping the winner and the threshold', () => {
    const r = irv(names('A', 'B', 'C', 'D'), [rank(7, 0), rank(3, 1), rank(2, 2), rank(1, 3)], {
      continueUntilTwo: true,
    });
    expect(r.winners).toEqual([0]);
    expect(r.rounds[0].elected).toEqual([0]);
    expect(r.rounds[0].eliminated).toEqual([]);
    expect(r.rounds.at(-1)!.counts.filter((v) => v > 0)).toHaveLength(2);
    expect(new Set(r.rounds.map((x) => x.quota))).toEqual(new Set([7]));
  });

  it('counts irregular ballots and exhaustion reasons', () => {
    const r = irv(names('A', 'B', 'C'), [rank(4, 0), rank(3, 1), rank(1, [0, 2], 1), rank(1, 2, 2, 0)], {
      irregularities: { overvote: 'exhaust', duplicate: 'exhaust' },
    });
    expect(r.irregularities).toEqual({ overvotes: 1, skippedRanks: 0, duplicates: 1, writeIns: 0 });
    expect(r.rounds[0].exhaustedBy).toMatchObject({ overvote: 1 });
    expect(r.rounds[1].exhaustedBy).toMatchObject({ overvote: 1, duplicate: 1 });
  });

  it('refuses more than one seat and unknown candidates', () => {
    expect(() =>
      countIrv({ method: 'irv', seats: 2, candidates: names('A', 'B'), ballots: [] }),
    ).toThrowError(TallyInputError);
    expect(() => irv(names('A'), [rank(1, 3)])).toThrowError(TallyInputError);
  });

  it('sequential IRV fills several seats, one count per seat without the earlier winners', () => {
    const three = countIrv({
      method: 'irv',
      seats: 2,
      candidates: names('A', 'B', 'C'),
      ballots: [rank(5, 0, 1), rank(3, 1), rank(2, 2, 0)],
      options: { sequential: true },
    });
    // pass 1: A 5 of 10 is short of 6; C out, to A: A 7. Pass 2 without A: B 8 of 10.
    expect(three.winners).toEqual([0, 1]);
    expect(three.seats).toBe(2);
    expect(three.rounds.map((x) => x.number)).toEqual([1, 2, 3]);
    expect(three.rounds[2].counts).toEqual([0, 8, 2]);
    expect(three.rounds[2].exhausted).toBe(0);
  });

  it('sequential IRV reports seats it cannot fill', () => {
    const r = countIrv({
      method: 'irv',
      seats: 3,
      candidates: names('A', 'B'),
      ballots: [rank(2, 0), rank(1, 1)],
      options: { sequential: true },
    });
    expect(r.winners).toEqual([0, 1]);
    expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [], seats: 1 });
  });

  it('leaves the seat unfilled when only undeclared write-ins remain', () => {
    const r = irv(
      [
        { name: 'A', withdrawn: true },
        { name: 'Write-ins', writeIn: true },
      ],
      [rank(3, 1), rank(1, 0)],
    );
    expect(r.winners).toEqual([]);
    expect(r.furtherRound).toEqual({ kind: 'unfilled', candidates: [], seats: 1 });
    expect(r.explanation.map((e) => e.key)).toContain('counting.irv.unfilled');
  });

  it('refuses a java lot without an integer seed', () => {
    const tied = [rank(2, 0), rank(2, 1), rank(3, 2)];
    expect(() => irv(names('A', 'B', 'C'), tied, { lotGenerator: 'java', seed: 'x' })).toThrowError(
      TallyInputError,
    );
    const r = irv(names('A', 'B', 'C'), tied, { lotGenerator: 'java', seed: '0' });
    // java.util.Random(0).nextDouble() = 0.7309...: index 1 of [A, B] sorted by name
    expect(r.ties[0]).toMatchObject({ rule: 'lot', seed: '0', chosen: [1] });
  });

  it('a lone candidate wins; no candidates elect nobody', () => {
    expect(irv(names('A'), []).winners).toEqual([0]);
    expect(irv([], []).winners).toEqual([]);
  });
});

describe('explanations', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const results: CountResult[] = [
    irv(names('A', 'B', 'C'), [rank(8, 0, 1), rank(7, 1, 0), rank(3, 2, 1), rank(2, 2)]),
    irv(
      [{ name: 'A' }, { name: 'B', withdrawn: true }, { name: 'W', writeIn: true }, { name: 'C' }],
      [rank(2, 2), rank(2, 0), rank(2, 3), rank(1, [0, 3])],
    ),
    irv(names('A', 'B', 'C', 'D'), [rank(10, 0), rank(6, 1), rank(2, 2, 1), rank(1, 3, 1)], {
      batchElimination: true,
    }),
    irv(names('A', 'B', 'C'), [rank(2, 0), rank(2, 1), rank(3, 2)], { seed: 's' }),
    irv(names('A', 'B', 'C'), [rank(2, 0), rank(2, 1), rank(3, 2)], { tieBreak: 'candidate-order' }),
    irv(names('A', 'B', 'C'), [rank(2, 0), rank(2, 1), rank(3, 2)], { tieBreak: 'organiser' }),
    irv(names('A', 'B'), [rank(3, 0), rank(3, 1)], { tieBreak: 'revote' }),
    irv(names('A', 'B'), [rank(2.5, 0), rank(2, 1)]),
    countIrv({
      method: 'irv',
      seats: 3,
      candidates: names('A', 'B'),
      ballots: [rank(2, 0), rank(1, 1)],
      options: { sequential: true },
    }),
  ];
  const lines = results.flatMap((r) => [
    ...r.explanation,
    ...r.rounds.flatMap((x) => x.explanation),
    r.chart.title,
  ]);

  it('every line has English and Chinese text using exactly the given parameters', () => {
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      for (const locale of ['en', 'zh-Hans'] as const) {
        const text = (catalog[locale] as Record<string, string>)[line.key];
        expect(text, `${locale} ${line.key}`).toBeDefined();
        for (const p of placeholders(text)) expect(line.params ?? {}, `${line.key} {${p}}`).toHaveProperty(p);
      }
    }
  });

  it('both languages have the same keys and placeholders', () => {
    expect(Object.keys(catalog['zh-Hans']).sort()).toEqual(Object.keys(catalog.en).sort());
    for (const [key, text] of Object.entries(catalog.en)) {
      expect(placeholders((catalog['zh-Hans'] as Record<string, string>)[key]), key).toEqual(
        placeholders(text),
      );
    }
  });
});
