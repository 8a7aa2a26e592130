// Every Droop reference case whose rule Teller implements, compared round by round, digit for digit.
//
// Rule tags covered: scotland-fixed-p5-d5 (countScottishStv) and meek-prf-o6-fixed-p9-d9 (countMeekStv),
// both digit for digit; meek-o9-guarded-p18-g9-d18, warren-o9-guarded-p18-g9-d18 and meek-o10-rational-d12
// (countMeekStv with meekRule 'guarded' / 'warren' / 'rational'), compared as doubles: Round.counts are
// numbers, so the 18 displayed decimals of the guarded reports are checked only as far as a double holds
// them (about 16 significant digits); the rational reports' 12 decimals are checked in full. Winners,
// rounds and who is defeated when are compared exactly. The guarded cases include meek-equal-rank-1/2.
// Not covered, and why: wigm-prf-fixed-p4-d4 — the PRF Reference WIGM rule is not a method Teller offers
// (Scottish STV is its statutory variant).
//
// Droop's "by lot" is the first tied candidate in tie order (README §2.1), which is `options.tieOrder`.
import { describe, expect, it } from 'vitest';
import { countMeekStv } from '../../../src/counting/stv/meek.js';
import { countScottishStv } from '../../../src/counting/stv/scottish.js';
import type { CountResult, TallyInput } from '../../../src/counting/types.js';
import type { DroopAction, DroopCase } from './droop-reference.js';
import { droopCases, indexOf } from './droop-reference.js';

function inputFor(
  c: DroopCase,
  method: TallyInput['method'],
  meekRule?: 'guarded' | 'warren' | 'rational',
): TallyInput {
  const e = c.election;
  return {
    method,
    seats: e.seats,
    candidates: e.candidates,
    ballots: e.ballots,
    options: { tieOrder: e.tieOrder ?? e.candidates.map((_, i) => i), ...(meekRule ? { meekRule } : {}) },
  };
}

function namesOf(result: CountResult, which: readonly number[]): string[] {
  return which.map((i) => result.candidates[i]);
}

/** names of candidates in a given Droop state in an action's snapshot */
function inState(c: DroopCase, a: DroopAction, state: string): string[] {
  return Object.entries(a.cstate ?? {})
    .filter(([, s]) => s.state === state)
    .map(([cid]) => c.report.cdict[cid].name)
    .sort();
}

const scottish = droopCases('scotland-fixed-p5-d5');
const meek = droopCases('meek-prf-o6-fixed-p9-d9');

describe('Scottish STV against the Droop reference reports', () => {
  it('finds all thirteen Scottish reference reports', () => {
    expect(scottish.map((c) => c.blt)).toHaveLength(13);
  });

  for (const c of scottish) {
    it(`${c.folder}/${c.blt}: winners and every stage`, () => {
      const result = countScottishStv(inputFor(c, 'stv-scottish'));
      expect(namesOf(result, result.winners).sort()).toEqual([...c.report.elected].sort());
      expect(result.rounds[0].quota?.toFixed(5)).toBe(c.report.quota);

      // Droop numbers its stages from 0; the last snapshot of Droop stage r is the end of Teller round r+1
      const ends = new Map<number, DroopAction>();
      for (const a of c.report.actions) if (a.cstate) ends.set(a.round, a);
      expect(result.rounds).toHaveLength(ends.size);
      const elected = new Set<string>();
      const excluded = new Set<string>();
      for (const [stage, a] of ends) {
        const round = result.rounds[stage];
        for (const [cid, s] of Object.entries(a.cstate!)) {
          // Droop gives withdrawn candidates no vote; Teller shows them at 0
          expect(round.counts[indexOf(cid)].toFixed(5), `stage ${stage}`).toBe(
            s.state === 'withdrawn' ? '0.00000' : s.vote,
          );
        }
        expect(round.exhausted.toFixed(5)).toBe(a.nt_votes);
        expect(round.quota?.toFixed(5)).toBe(a.quota);
        const held = round.counts.reduce((x, y) => x + y, 0);
        expect(held.toFixed(5)).toBe(a.votes);
        expect((held + round.exhausted + (round.residual ?? 0)).toFixed(5)).toBe(
          c.report.nballots.toFixed(5),
        );
        for (const w of round.elected) elected.add(result.candidates[w]);
        for (const x of round.eliminated) excluded.add(result.candidates[x]);
        expect([...elected].sort()).toEqual(inState(c, a, 'elected'));
        expect([...excluded].sort()).toEqual(inState(c, a, 'defeated'));
      }
    });
  }

  it('breaks the equal-surplus tie by the prior stage and the exclusion tie by lot (tie order), as recorded ties', () => {
    const c = scottish.find((x) => x.blt === 'weak-surplus.blt')!;
    const result = countScottishStv(inputFor(c, 'stv-scottish'));
    expect(
      result.ties.map((t) => [t.purpose, t.rule, namesOf(result, t.candidates), namesOf(result, t.chosen)]),
    ).toEqual([
      ['surplus-order', 'backwards', ['B', 'C'], ['B']],
      ['eliminate', 'lot', ['E', 'F'], ['E']],
    ]);
  });
});

describe('Meek STV against the PRF Reference Meek reports', () => {
  it('finds all eight PRF Meek reference reports', () => {
    expect(meek).toHaveLength(8);
  });

  for (const c of meek) {
    it(`${c.folder}/${c.blt}: winners, and votes, keep factors, quota, excess and surplus of every round`, () => {
      const result = countMeekStv(inputFor(c, 'stv-meek'));
      expect(namesOf(result, result.winners).sort()).toEqual([...c.report.elected].sort());

      // Each Droop round ends with an election or a defeat; its first such action holds the converged
      // iteration. (Droop logs an election before it recomputes the surplus, so the surplus is only
      // compared on defeats.)
      const decisive = new Map<number, DroopAction>();
      for (const a of c.report.actions) {
        if (
          a.round >= 1 &&
          (a.tag === 'elect' || a.tag === 'defeat') &&
          !/remaining/.test(a.msg) &&
          !decisive.has(a.round)
        ) {
          decisive.set(a.round, a);
        }
      }
      expect(result.rounds).toHaveLength(decisive.size);
      for (const [r, a] of decisive) {
        const round = result.rounds[r - 1];
        for (const [cid, s] of Object.entries(a.cstate!)) {
          const withdrawn = s.state === 'withdrawn';
          expect(round.counts[indexOf(cid)].toFixed(9), `round ${r} votes`).toBe(
            withdrawn ? '0.000000000' : s.vote,
          );
          expect(round.keepFactors![indexOf(cid)].toFixed(9), `round ${r} keep factor`).toBe(
            withdrawn ? '0.000000000' : s.kf,
          );
        }
        expect(round.quota?.toFixed(9)).toBe(a.quota);
        expect(round.exhausted.toFixed(9)).toBe(a.residual);
        if (a.tag === 'defeat') {
          expect(round.surplus?.toFixed(9)).toBe(a.surplus);
          expect(namesOf(result, round.eliminated)).toEqual([a.msg.slice(a.msg.lastIndexOf(': ') + 2)]);
        }
      }
    });
  }

  it('needs a precision that matters: voting matters 12 elects Y at 9 places but X (the exact answer) at 12', () => {
    const c = meek.find((x) => x.blt === 'SC-Vm-12.blt')!;
    const nine = countMeekStv(inputFor(c, 'stv-meek'));
    const twelve = countMeekStv({
      ...inputFor(c, 'stv-meek'),
      options: { ...inputFor(c, 'stv-meek').options, precision: 12, omega: 10 },
    });
    const third = (r: CountResult) => namesOf(r, r.winners).filter((n) => n !== 'A' && n !== 'B');
    expect(third(nine)).toEqual(['Y']);
    expect(third(twelve)).toEqual(['X']);
  });
});

describe('guarded Meek, Warren and rational Meek against the Droop generic-rule reports', () => {
  const cases = [
    ...droopCases('meek-o9-guarded-p18-g9-d18').map((c) => ({ c, rule: 'guarded' as const })),
    ...droopCases('warren-o9-guarded-p18-g9-d18').map((c) => ({ c, rule: 'warren' as const })),
    ...droopCases('meek-o10-rational-d12').map((c) => ({ c, rule: 'rational' as const })),
  ];

  it('finds the ten guarded Meek reports, the Warren report and the four rational reports', () => {
    expect(cases.map((x) => x.rule)).toEqual([
      ...Array(10).fill('guarded'),
      'warren',
      ...Array(4).fill('rational'),
    ]);
  });

  for (const { c, rule } of cases) {
    it(`${rule} ${c.folder}/${c.blt}: winners, rounds, defeats, votes and keep factors`, () => {
      const result = countMeekStv(inputFor(c, 'stv-meek', rule));
      expect(namesOf(result, result.winners).sort()).toEqual([...c.report.elected].sort());
      const decisive = new Map<number, DroopAction>();
      for (const a of c.report.actions) {
        if (
          a.round >= 1 &&
          (a.tag === 'elect' || a.tag === 'defeat') &&
          !/remaining/.test(a.msg) &&
          !decisive.has(a.round)
        ) {
          decisive.set(a.round, a);
        }
      }
      expect(result.rounds).toHaveLength(decisive.size);
      for (const [r, a] of decisive) {
        const round = result.rounds[r - 1];
        for (const [cid, s] of Object.entries(a.cstate!)) {
          if (s.state === 'withdrawn') continue;
          expect(round.counts[indexOf(cid)], `round ${r} votes`).toBe(Number(s.vote));
          expect(round.keepFactors![indexOf(cid)], `round ${r} keep factor`).toBe(Number(s.kf));
        }
        expect(round.quota).toBe(Number(a.quota));
        expect(round.exhausted).toBe(Number(a.residual));
        const defeats = c.report.actions.filter((x) => x.round === r && x.tag === 'defeat');
        expect(namesOf(result, round.eliminated)).toEqual(
          defeats.map((x) => x.msg.slice(x.msg.lastIndexOf(': ') + 2)),
        );
      }
    });
  }

  it('elects Pollux under guarded Meek when the tie order puts Helen first (42t), unlike PRF Meek', () => {
    const c = droopCases('meek-o9-guarded-p18-g9-d18').find((x) => x.blt === '42t.blt')!;
    const guarded = countMeekStv(inputFor(c, 'stv-meek', 'guarded'));
    const prf = countMeekStv(inputFor(c, 'stv-meek'));
    expect(namesOf(guarded, guarded.winners).sort()).toEqual(['Castor', 'Pollux']);
    expect(namesOf(prf, prf.winners).sort()).toEqual(['Castor', 'Helen']);
  });
});
