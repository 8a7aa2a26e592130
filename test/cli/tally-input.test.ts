// `teller tally` with malformed or empty ballot files (issue 9, "`teller tally` input"): each malformed
// file is refused with a message naming the file and the line, exit status 2, and nothing on stdout;
// an empty count says plainly that there were no ballots and nobody is elected.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTally } from '../../src/cli/tally.js';

const SHARED = new URL('../fixtures/tabulation/', import.meta.url);

async function run(argv: string[], files: Record<string, string | Uint8Array> = {}) {
  let out = '';
  let err = '';
  const code = await runTally(argv, {
    readFile: async (path) => {
      if (path in files) {
        const f = files[path];
        return typeof f === 'string' ? new TextEncoder().encode(f) : f;
      }
      if (path.startsWith('shared:')) return readFile(new URL(path.slice(7), SHARED));
      throw new Error(`ENOENT: no such file ${path}`);
    },
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  return { code, out, err };
}

function expectRefused(r: { code: number; out: string; err: string }, message: RegExp) {
  expect(r.err).toMatch(message);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
}

describe('teller tally: BLT header and names', () => {
  // the header says 2 candidates, three names follow: Cy used to become the title, uncounted
  const FEW = '2 1\n1 1 2 0\n1 2 0\n0\n"Ann"\n"Bob"\n"Cy"\n"AGM 2025"\n';

  it('refuses a header that declares fewer candidates than the names given, naming the header line', async () => {
    expectRefused(
      await run(['agm.blt', '--method', 'irv'], { 'agm.blt': FEW }),
      /^agm\.blt: BLT line 1: the header declares 2 candidates, so "Cy" on line 7 would be the title and "AGM 2025" on line 8 is left over\. If there are 3 candidates, declare 3 on line 1; if the strings after the title are its source and comment \(Droop's extension\), add --blt-source-comment\n$/,
    );
    const fixed = await run(['agm.blt', '--method', 'irv', '--json'], {
      'agm.blt': FEW.replace('2 1', '3 1'),
    });
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out).candidates).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('reads a source and a comment after the title only with --blt-source-comment', async () => {
    const m135 = 'shared:droop/wichmann-m135/M135.blt';
    expectRefused(
      await run([m135, '--method', 'stv-meek']),
      /BLT line 1: the header declares 25 candidates, so "M135: Gen v1\.1 1 3 45" on line 707 would be the title and "Brian Wichmann, .*" on line 708, ".*" on line 709 are left over/,
    );
    const read = await run([m135, '--method', 'stv-meek', '--blt-source-comment', '--json']);
    expect(read.err).toBe('');
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out).candidates).toHaveLength(25);
  });
});

describe('teller tally: text that is not UTF-8', () => {
  // "José" and "Josè" saved as Latin-1: read leniently, both became "Jos\uFFFD", one candidate
  const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
  const CSV = latin1('Jos\u00e9,Bob\nBob,Jos\u00e9\nJos\u00e8,Bob\n');

  it('refuses a CSV file with bytes that are not UTF-8, naming the first such line', async () => {
    // line 1 is already Latin-1: the first line that is not UTF-8 is the one named
    expectRefused(
      await run(['b.csv', '--method', 'irv'], { 'b.csv': CSV }),
      /^b\.csv: line 1 is not valid UTF-8 \(shown with \uFFFD where it is not\): "Jos\uFFFD,Bob"; save the file as UTF-8\n$/,
    );
    const later = new Uint8Array([
      ...new TextEncoder().encode('Ann,Bob\nBob,Ann\n'),
      ...latin1('Jos\u00e8,Ann\r\n'),
    ]);
    expectRefused(
      await run(['b.csv', '--method', 'irv'], { 'b.csv': later }),
      /^b\.csv: line 3 is not valid UTF-8 .*"Jos\uFFFD,Ann"; save the file as UTF-8\n$/,
    );
  });

  it('refuses BLT and JSON files the same way, and UTF-16 by name', async () => {
    const blt = new Uint8Array([
      ...new TextEncoder().encode('2 1\n1 1 0\n0\n"Ann"\n'),
      ...latin1('"Jos\u00e9"\n"T"\n'),
    ]);
    expectRefused(
      await run(['a.blt', '--method', 'irv'], { 'a.blt': blt }),
      /^a\.blt: line 5 is not valid UTF-8/,
    );
    const json = latin1('{\n"candidates": ["Jos\u00e9", "Bob"],\n"ballots": []\n}');
    expectRefused(
      await run(['a.json', '--method', 'irv'], { 'a.json': json }),
      /^a\.json: line 2 is not valid UTF-8/,
    );
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Ann,Bob\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expectRefused(
      await run(['b.csv', '--method', 'irv'], { 'b.csv': utf16 }),
      /^b\.csv: the file is UTF-16 text: save it as UTF-8\n$/,
    );
  });

  it('still reads UTF-8 names, with or without a byte-order mark', async () => {
    const r = await run(['b.csv', '--method', 'irv', '--json'], {
      'b.csv': '\uFEFF# candidates: 张伟, José, Josè\n张伟,José\nJosè,张伟\nJosé\n',
    });
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).candidates).toEqual(['张伟', 'José', 'Josè']);
  });

  it('the teller command itself reads the bytes, not text already decoded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'teller-tally-'));
    try {
      writeFileSync(join(dir, 'b.csv'), CSV);
      const root = resolve(import.meta.dirname, '../..');
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'tally', join(dir, 'b.csv'), '--method', 'irv'],
        { cwd: root, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
      );
      expect(r.stderr).toMatch(/b\.csv: line 1 is not valid UTF-8/);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('teller tally: empty files', () => {
  it('an empty CSV file says there are no ballots and no candidates, exit status 2', async () => {
    // it used to print "irv, 1 seat(s), 0 candidate(s)" and "1 seats are left unfilled", exit 0
    for (const text of ['', '\n\n', 'rank 1,rank 2\n', 'weight,rank 1\n\n']) {
      expectRefused(
        await run(['b.csv', '--method', 'irv'], { 'b.csv': text }),
        /^b\.csv: no ballots and no candidates: the file has nothing to count\n$/,
      );
    }
    expectRefused(
      await run(['b.csv', '--method', 'plurality'], { 'b.csv': ',,\n,\n' }),
      /^b\.csv: no candidates: the file names none, and its 2 ballots are all blank\n$/,
    );
    expectRefused(
      await run(['e.json', '--method', 'irv'], { 'e.json': '{"candidates": [], "ballots": []}' }),
      /^e\.json: no ballots and no candidates/,
    );
  });
});

describe('teller tally: a CSV candidate list', () => {
  // "Anm" for "Ann" on line 4: without a list it is a candidate of its own, and drew a tie by lot
  const TYPO = 'Ann,Bob\nBob,Ann\nAnn\nAnm\n';

  it("refuses a name that is not in the list, naming its line and the list's", async () => {
    expectRefused(
      await run(['b.csv', '--method', 'irv'], { 'b.csv': `# candidates: Ann, Bob\n${TYPO}` }),
      /^b\.csv: line 5: "Anm" is not in the candidate list on line 1 \(did you mean "Ann"\?\)\n$/,
    );
    // after a header row too, with quoted names, and a name nobody ranked still stands
    const files = {
      'b.csv': 'rank 1,rank 2\n#Candidates:"Lee, Ann",Bob,Cy\n"Lee, Ann",Bob\nBob\n"Lee, Ann"\n',
    };
    const ok = await run(['b.csv', '--method', 'irv', '--json'], files);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({
      candidates: ['Lee, Ann', 'Bob', 'Cy'],
      winners: ['Lee, Ann'],
    });
    expectRefused(
      await run(['b.csv', '--method', 'irv'], { 'b.csv': '#candidates: Lee, Bob\nLee\nBOB\n' }),
      /^b\.csv: line 3: "BOB" is not in the candidate list on line 1 \(did you mean "Bob"\?\)\n$/,
    );
    expectRefused(
      await run(['b.csv', '--method', 'irv'], { 'b.csv': '#candidates: Ann, Bob\nZed\n' }),
      /^b\.csv: line 2: "Zed" is not in the candidate list on line 1\n$/,
    );
  });

  it('refuses a list that is malformed or comes after the first ballot, naming its line', async () => {
    const cases: [string, RegExp][] = [
      [
        'Ann,Bob\n# candidates: Ann, Bob\n',
        /^b\.csv: line 2: the candidate list must come before the first ballot, on line 1\n$/,
      ],
      [
        'weight,rank 1\n2,Ann\n\n# candidates: Ann\n',
        /^b\.csv: line 4: the candidate list must come before the first ballot, on line 2\n$/,
      ],
      [
        '# candidates: Ann\n# candidates: Bob\nAnn\n',
        /^b\.csv: line 2: a second candidate list \(the first is on line 1\)\n$/,
      ],
      ['\n# candidates: Ann, Bob, Ann\nAnn\n', /^b\.csv: line 2: "Ann" is twice in the candidate list\n$/],
      ['# candidates: Ann,,Bob\nAnn\n', /^b\.csv: line 1: name 2 of the candidate list is empty\n$/],
      ['# candidates:\nAnn\n', /^b\.csv: line 1: the candidate list names no candidate\n$/],
    ];
    for (const [text, message] of cases)
      expectRefused(await run(['b.csv', '--method', 'irv'], { 'b.csv': text }), message);
  });

  it('without a list, counts the names the ballots use and says so on stderr', async () => {
    const r = await run(['b.csv', '--method', 'irv', '--json'], { 'b.csv': TYPO });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).candidates).toEqual(['Ann', 'Bob', 'Anm']);
    expect(r.err).toBe(
      'note: b.csv has no candidate list, so its candidates are the names its ballots use: Ann, Bob, Anm. A line "# candidates: …" before the ballots makes any other name an error\n',
    );
  });
});

describe('teller tally: no ballots', () => {
  const NONE = '2 1\n0\n"Ann"\n"Bob"\n"Chair"\n';

  it('a BLT file with no ballots says so plainly and elects nobody, in the report and in JSON', async () => {
    // it used to report "Ann wins after 2 rounds", every count 0, the winner drawn by lot
    for (const method of ['irv', 'stv-meek', 'stv-scottish', 'plurality', 'borda', 'schulze']) {
      const r = await run(['none.blt', '--method', method], { 'none.blt': NONE });
      expect(r.code, method).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toBe(
        `Chair: ${method}, 1 seat(s), 2 candidate(s): Ann, Bob\n\nThere are no ballots, so nobody is elected and there was nothing to count.\n\nWinners: (none)\n`,
      );
    }
    const json = await run(['none.blt', '--method', 'irv', '--json'], { 'none.blt': NONE });
    expect(JSON.parse(json.out)).toMatchObject({
      method: 'irv',
      candidates: ['Ann', 'Bob'],
      winners: [],
      rounds: [],
      ties: [],
      noBallots: true,
      ballots: { cast: 0 },
    });
    const zh = await run(['none.blt', '--method', 'irv', '--locale', 'zh-Hans'], { 'none.blt': NONE });
    expect(zh.out).toContain('没有选票，因此无人当选，也无需计票。');
  });

  it('so do a CSV file with a candidate list and no ballots, and one whose ballots all weigh 0', async () => {
    const listed = await run(['b.csv', '--method', 'irv'], {
      'b.csv': '# candidates: Ann, Bob\nrank 1,rank 2\n',
    });
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(
      /^irv, 1 seat\(s\), 2 candidate\(s\): Ann, Bob\n\nThere are no ballots, so nobody is elected/,
    );
    const zero = await run(['b.csv', '--method', 'irv', '--json'], {
      'b.csv': '# candidates: Ann, Bob\nweight,rank 1\n0,Ann\n0,Bob\n',
    });
    expect(JSON.parse(zero.out)).toMatchObject({
      winners: [],
      noBallots: true,
      explanation: [
        'The 2 ballot line(s) all have weight 0, so there are no ballots: nobody is elected and there was nothing to count.',
      ],
    });
  });
});
