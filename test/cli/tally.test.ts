import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { runTally } from '../../src/cli/tally.js';

const SHARED = new URL('../fixtures/tabulation/', import.meta.url);

const AGM = JSON.stringify({
  title: 'Club AGM',
  candidates: ['Ana', 'Ben', 'Cai', 'Dee'],
  ballots: [
    { ranks: ['Ana', 'Ben', 'Cai'], weight: 42 },
    { ranks: ['Ben', 'Cai', 'Dee'], weight: 26 },
    { ranks: ['Cai', 'Dee', 'Ben'], weight: 15 },
    { ranks: ['Dee', 'Cai', 'Ben'], weight: 17 },
  ],
});

async function run(argv: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runTally(argv, {
    readFile: async (path) => {
      if (path in files) return new TextEncoder().encode(files[path]);
      if (path.startsWith('shared:')) return readFile(new URL(path.slice(7), SHARED));
      throw new Error(`ENOENT: no such file ${path}`);
    },
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  return { code, out, err };
}

describe('teller tally', () => {
  it('--json prints one object with names, rounds, ties', async () => {
    const { code, out, err } = await run(['agm.json', '--method', 'irv', '--json'], { 'agm.json': AGM });
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.method).toBe('irv');
    expect(json.seats).toBe(1);
    expect(json.candidates).toEqual(['Ana', 'Ben', 'Cai', 'Dee']);
    expect(json.winners).toEqual(['Dee']);
    expect(json.rounds.map((r: { counts: Record<string, number> }) => r.counts.Ana)).toEqual([42, 42, 42]);
    for (const r of json.rounds) {
      expect(Object.keys(r.counts).sort()).toEqual(['Ana', 'Ben', 'Cai', 'Dee']);
      expect(Array.isArray(r.elected) && Array.isArray(r.eliminated)).toBe(true);
      expect(typeof r.exhausted).toBe('number');
    }
    expect(json.ties).toEqual([]);
  });

  it('the same file counts by other methods; ranked ballots give plurality their first preferences', async () => {
    const files = { 'agm.json': AGM };
    const winner = async (method: string) =>
      JSON.parse((await run(['agm.json', `--method=${method}`, '--json'], files)).out).winners;
    expect(await winner('plurality')).toEqual(['Ana']);
    expect(await winner('borda')).toEqual(['Ben']);
    expect(await winner('schulze')).toEqual(['Ben']);
    expect(await winner('copeland')).toEqual(['Ben']);
    const two = JSON.parse((await run(['agm.json', '--method', 'two-round', '--json'], files)).out);
    expect(two.furtherRound).toEqual({ kind: 'runoff', candidates: ['Ana', 'Ben'], seats: 1 });
  });

  it('--tie-break and --seed reach the count and are recorded', async () => {
    const tie = JSON.stringify({ candidates: ['A', 'B'], ballots: [{ marks: ['A'] }, { marks: ['B'] }] });
    const lot = JSON.parse(
      (await run(['t.json', '--method', 'plurality', '--seed', 'agm-7', '--json'], { 't.json': tie })).out,
    );
    expect(lot.ties).toHaveLength(1);
    expect(lot.ties[0]).toMatchObject({ rule: 'lot', seed: 'agm-7', candidates: ['A', 'B'] });
    expect(lot.winners).toEqual(lot.ties[0].chosen);
    const open = JSON.parse(
      (await run(['t.json', '--method', 'plurality', '--tie-break', 'revote', '--json'], { 't.json': tie }))
        .out,
    );
    expect(open.winners).toEqual([]);
    expect(open.furtherRound).toEqual({ kind: 'revote', candidates: ['A', 'B'], seats: 1 });
  });

  it('without --json prints a round-by-round table with English explanations', async () => {
    const { code, out } = await run(['agm.json', '--method', 'irv'], { 'agm.json': AGM });
    expect(code).toBe(0);
    expect(out).toMatch(/^Club AGM: irv, 1 seat\(s\), 4 candidate\(s\)/);
    expect(out).toMatch(/^\s+R1\s+R2\s+R3$/m);
    expect(out).toMatch(/^Ana\s+42\s+42\s+42$/m);
    expect(out).toMatch(/^Winners: Dee$/m);
    expect(out).not.toMatch(/counting\.\w+\.\w+/); // every key resolved to text
  });

  it('prints a Condorcet pairwise matrix and Chinese with --locale', async () => {
    const { out } = await run(['agm.json', '--method', 'schulze', '--locale', 'zh-Hans'], {
      'agm.json': AGM,
    });
    expect(out).toMatch(/^#1 Ana\s+-\s+42\s+42\s+42$/m);
    expect(out).toContain('舒尔茨法');
    expect(out).toContain('当选：Ben。');
  });

  it('reads BLT files, with the seats and tie order they carry', async () => {
    const { code, out } = await run(['shared:droop/tie-42/42.blt', '--method', 'stv-scottish', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.seats).toBe(2);
    expect(json.winners).toEqual(['Castor', 'Helen']);
  });

  it('reads CSV files: one ballot per line, names in preference order', async () => {
    const csv = 'Ana,Ben\nBen,Ana\nBen\nCai,Ben\n';
    const json = JSON.parse((await run(['b.csv', '--method', 'irv', '--json'], { 'b.csv': csv })).out);
    expect(json.candidates).toEqual(['Ana', 'Ben', 'Cai']);
    expect(json.winners).toEqual(['Ben']);
  });

  it('a malformed or unreadable file is a clear error naming the line, exit status 2', async () => {
    const bad =
      '{\n  "candidates": ["A", "B"],\n  "ballots": [\n    {"ranks": ["A"]},\n    {"ranks": ["C"]}\n  ]\n}';
    const json = await run(['bad.json', '--method', 'irv'], { 'bad.json': bad });
    expect(json.code).toBe(2);
    expect(json.err).toMatch(/bad\.json: JSON line 5: unknown candidate "C"/);
    expect(json.out).toBe('');
    const csv = await run(['bad.csv', '--method', 'irv'], { 'bad.csv': 'A,B\n"B,A\n' });
    expect(csv.code).toBe(2);
    expect(csv.err).toMatch(/line 2/);
    const blt = await run(['bad.blt', '--method', 'stv-meek'], {
      'bad.blt': '3 1\n1 1 2 0\n1 9 0\n0\n"A"\n"B"\n"C"\n"T"\n',
    });
    expect(blt.code).toBe(2);
    expect(blt.err).toMatch(/line 3/);
    const missing = await run(['nope.json', '--method', 'irv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read nope\.json/);
  });

  it('rejects bad arguments with usage and exit status 2', async () => {
    const files = { 'agm.json': AGM };
    for (const argv of [
      [],
      ['agm.json'],
      ['agm.json', '--method', 'dictator'],
      ['agm.json', '--method', 'irv', '--seats', '0'],
      ['agm.json', '--method', 'irv', '--tie-break', 'coin'],
      ['agm.json', '--method', 'irv', '--frobnicate'],
      ['agm.txt', '--method', 'irv'],
    ]) {
      const r = await run(argv, { ...files, 'agm.txt': AGM });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).not.toBe('');
    }
  });
});
