// `teller tally` with malformed or empty ballot files (issue 9, "`teller tally` input"): each malformed
// file is refused with a message naming the file and the line, exit status 2, and nothing on stdout;
// an empty count says plainly that there were no ballots and nobody is elected.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { runTally } from '../../src/cli/tally.js';

const SHARED = new URL('../fixtures/tabulation/', import.meta.url);

async function run(argv: string[], files: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const code = await runTally(argv, {
    readFile: async (path) => {
      if (path in files) return files[path];
      if (path.startsWith('shared:')) return readFile(new URL(path.slice(7), SHARED), 'utf8');
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
    const fixed = await run(['agm.blt', '--method', 'irv', '--json'], { 'agm.blt': FEW.replace('2 1', '3 1') });
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.out).candidates).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('reads a source and a comment after the title only with --blt-source-comment', async () => {
    const m135 = 'shared:droop/wichmann-m135/M135.blt';
    expectRefused(await run([m135, '--method', 'stv-meek']), /BLT line 1: the header declares 25 candidates, so "M135: Gen v1\.1 1 3 45" on line 707 would be the title and "Brian Wichmann, .*" on line 708, ".*" on line 709 are left over/);
    const read = await run([m135, '--method', 'stv-meek', '--blt-source-comment', '--json']);
    expect(read.err).toBe('');
    expect(read.code).toBe(0);
    expect(JSON.parse(read.out).candidates).toHaveLength(25);
  });
});
