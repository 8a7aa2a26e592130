// The announcement of a contest counted over several rounds shows every round (issue 13): its table
// holds the same figures as `teller tally` prints for the same ballots, and its round lines say the same.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runTally } from '../../src/cli/tally.js';
import { adaptBallots, decodeBallotFile, readElectionFile } from '../../src/cli/tally-input.js';
import { tally } from '../../src/counting/index.js';
import type { Field } from '../../src/core/index.js';
import { announcement } from '../../src/core/results/result.view.js';
import { TABLE_COLUMNS } from '../../src/core/results/result.rounds.view.js';
import type { Contest } from '../../src/core/shared/election.types.js';
import { translator } from '../../src/i18n/index.js';
import { harness } from './harness.js';

const CALTON = new URL('../fixtures/tabulation/droop/glasgow-calton-2007/Calton-2007.blt', import.meta.url);

/** `teller tally` on a file: its report cut into header, explanations, table, round lines, winners */
async function cli(path: string, bytes: Uint8Array, method: string): Promise<string[][]> {
  let out = '';
  const code = await runTally([path, '--method', method], {
    readFile: async () => bytes,
    out: (s) => (out += s),
    err: (s) => {
      throw new Error(s);
    },
  });
  expect(code).toBe(0);
  return out.split('\n\n').map((block) => block.split('\n'));
}

/** a table's figures by candidate (or row label) and round heading */
function cells(lines: string[]): Map<string, string> {
  const [head, ...rows] = lines;
  const rounds = head.trim().split(/\s{2,}/);
  const out = new Map<string, string>();
  for (const row of rows) {
    const [name, ...figures] = row.split(/\s{2,}/);
    expect(figures).toHaveLength(rounds.length);
    figures.forEach((f, i) => out.set(`${name} @ ${rounds[i]}`, f));
  }
  return out;
}

const tables = (fields: Field[]) => fields.filter((f) => f.mono);

const contest = (over: Partial<Contest> = {}): Contest =>
  ({
    id: 'c1',
    electionId: 'e1',
    number: 1,
    name: 'Calton',
    seats: 3,
    method: 'stv-scottish',
    options: {},
    ...over,
  }) as Contest;

describe('the round-by-round announcement', () => {
  it('of a Scottish STV count holds every figure teller tally prints for the same ballots (Glasgow Calton 2007)', async () => {
    const bytes = await readFile(CALTON);
    const election = readElectionFile('Calton-2007.blt', decodeBallotFile(bytes));
    const result = tally({
      method: 'stv-scottish',
      seats: election.seats ?? 1,
      candidates: election.candidates,
      ballots: adaptBallots(election.ballots, 'stv-scottish', election.seats ?? 1),
      options: election.options,
    });
    expect(result.rounds).toHaveLength(10);
    const stored = {
      electionId: 'e1',
      contestId: 'c1',
      round: 1,
      result,
      eligible: 1516,
      issued: 1516,
      createdAt: '2026-03-01T09:00:00Z',
    };
    const body = announcement(translator('en'), 'Glasgow', [contest()], [stored], false, []);
    const [, , table, steps] = await cli('Calton-2007.blt', bytes, 'stv-scottish');

    // ten rounds of ten-digit figures are too wide for one chat table: several, each with the names
    const shown = tables(body.fields ?? []);
    expect(shown.length).toBeGreaterThan(1);
    for (const f of shown) {
      expect(f.label).toMatch(/^Count by round, rounds \d+ to \d+$/);
      for (const line of f.value.split('\n')) expect(line.length).toBeLessThanOrEqual(TABLE_COLUMNS);
    }
    const merged = new Map(shown.flatMap((f) => [...cells(f.value.split('\n'))]));
    const expected = cells(table);
    // 10 candidates, the quota and the exhausted weight, in each of 10 rounds
    expect(expected.size).toBe(12 * 10);
    expect(merged).toEqual(expected);
    expect(merged.get('George Redmond @ R1')).toBe('1982');
    expect(merged.get('(quota) @ R10')).toBe('1300');

    // what each round did: the same lines, transfers, exclusions and elections alike
    const did = body.fields!.find((f) => f.label === 'What each round did')!;
    expect(did.value.split('\n')).toEqual(steps);
    expect(did.value).toContain('Surplus of George Redmond (682.00000) transferred at a value of 0.34409');
    expect(did.value).toContain('Round 3: eliminated Gary Barton');
  });

  it('of an election run in Teller matches teller tally on its published ballots, line for line', async () => {
    const h = harness();
    const voters = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus', 'hal', 'ivy'];
    await h.ok('olga', 'create "Branch committee"');
    await h.ok('olga', 'contest add 1 Council 2 stv-scottish');
    await h.ok('olga', `roll add 1 ${voters.map((v) => `@${v}`).join(' ')}`);
    await h.ok('olga', 'nominations open 1');
    for (const [i, c] of ['alice', 'bob', 'carol', 'dave'].entries()) {
      await h.ok(c, 'nominate 1 Council');
      await h.ok('ivy', `second 1 ${i + 1}`);
    }
    await h.ok('olga', 'nominations close 1');
    for (const n of [1, 2, 3, 4]) await h.ok('olga', `review approve 1 ${n}`);
    await h.ok('olga', 'candidates publish 1');
    await h.ok('olga', 'voting open 1');
    // quota 4: Alice is elected at once; Dave, then Bob, are excluded, and Carol takes the second seat
    const rankings = ['1>2', '1>2', '1>2', '1>2', '2>1', '2>3', '3>2', '3>1', '4>3'];
    for (const [i, v] of voters.entries()) await h.ok(v, `cast 1 1 ${rankings[i]}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
    const result = h.store.state.results[0].result;
    expect(result.rounds.length).toBeGreaterThan(2);

    const names = result.candidates;
    const file = JSON.stringify({
      seats: 2,
      candidates: names,
      ballots: rankings.map((r) => ({ ranks: r.split('>').map((n) => names[Number(n) - 1]) })),
    });
    const [, , table, steps] = await cli('council.json', new TextEncoder().encode(file), 'stv-scottish');
    const shown = tables(body.fields ?? []);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ label: 'Count by round', mono: true });
    expect(shown[0].value.split('\n')).toEqual(table);
    expect(body.fields!.find((f) => f.label === 'What each round did')!.value.split('\n')).toEqual(steps);
  });

  it('is in the reader language, with the same figures', () => {
    const result = tally({
      method: 'irv',
      seats: 1,
      candidates: ['王小明', 'Ben', 'Cai'].map((name) => ({ name })),
      ballots: [
        { kind: 'ranking', weight: 4, ranks: [0] },
        { kind: 'ranking', weight: 3, ranks: [1] },
        { kind: 'ranking', weight: 2, ranks: [2, 1] },
      ],
    });
    const stored = {
      electionId: 'e1',
      contestId: 'c1',
      round: 1,
      result,
      eligible: 9,
      issued: 9,
      createdAt: '',
    };
    const c = contest({ method: 'irv', seats: 1, name: '主席' });
    const zh = announcement(translator('zh-Hans'), '选举', [c], [stored], false, []).fields!;
    const en = announcement(translator('en'), 'Election', [c], [stored], false, []).fields!;
    const zhTable = tables(zh)[0].value.split('\n');
    expect(zhTable[0].trim().split(/\s{2,}/)).toEqual(['第1轮', '第2轮']);
    expect(zhTable[1]).toMatch(/^王小明\s+4\s+4$/);
    expect(zhTable.at(-1)).toMatch(/^（已耗尽）\s+0\s+0$/);
    // the figures are the same in both languages, only the words differ
    const figures = (lines: string[]) => lines.slice(1).map((l) => l.split(/\s{2,}/).slice(1));
    expect(figures(zhTable)).toEqual(figures(tables(en)[0].value.split('\n')));
    expect(zh.find((f) => f.label === '各轮经过')!.value).toMatch(/^第 1 轮：Cai 被淘汰/);
  });

  it('is left out for a count of one round', () => {
    const result = tally({
      method: 'plurality',
      seats: 1,
      candidates: ['Ana', 'Ben'].map((name) => ({ name })),
      ballots: [{ kind: 'marks', marks: [0] }],
    });
    const stored = {
      electionId: 'e1',
      contestId: 'c1',
      round: 1,
      result,
      eligible: 1,
      issued: 1,
      createdAt: '',
    };
    const fields = announcement(
      translator('en'),
      'E',
      [contest({ method: 'plurality' })],
      [stored],
      false,
      [],
    ).fields!;
    expect(fields.map((f) => f.label)).toEqual(['Calton — Turnout', 'Ballots', 'Votes', 'Elected']);
  });
});
