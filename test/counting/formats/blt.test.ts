import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BltElection } from '../../../src/counting/formats/blt.js';
import { readBlt, writeBlt } from '../../../src/counting/formats/blt.js';
import { TallyInputError } from '../../../src/counting/types.js';
import { DROOP_DIR } from '../stv/droop-reference.js';

describe('readBlt', () => {
  it('reads the classic format: header, weighted ballots, names and title', () => {
    const e = readBlt('4 2\n3 1 3 4 0\n2 2 0\n0\n"Adam"\n"Basil"\n"Charlotte"\n"Donald"\n"Title"\n');
    expect(e).toEqual({
      title: 'Title',
      seats: 2,
      candidates: [{ name: 'Adam' }, { name: 'Basil' }, { name: 'Charlotte' }, { name: 'Donald' }],
      ballots: [
        { kind: 'ranking', weight: 3, ranks: [0, 2, 3] },
        { kind: 'ranking', weight: 2, ranks: [1] },
      ],
    });
  });

  it('reads withdrawn candidates (-N and [withdrawn]), [tie], [nick], [undeclared], [droop] and equal ranks', () => {
    const text = [
      '# a comment line',
      '4 1',
      '-2',
      '[nick a b c d]',
      '[withdrawn d]',
      '[tie c b a d]',
      '[undeclared c]',
      '[droop rule=meek precision=8 verbose]',
      '5 a b=c 0  # trailing comment',
      '1.5 c - a 0',
      '0',
      '"Ann" "Bo Li" "张伟" "Dee"',
      '"An election" "the source" "a comment"',
    ].join('\n');
    const e = readBlt(text, { sourceAndComment: true });
    expect(e.candidates).toEqual([
      { name: 'Ann' },
      { name: 'Bo Li', withdrawn: true },
      { name: '张伟', writeIn: true },
      { name: 'Dee', withdrawn: true },
    ]);
    expect(e.tieOrder).toEqual([2, 1, 0, 3]);
    expect(e.options).toEqual({
      rule: 'meek',
      precision: '8',
      verbose: 'true',
      source: 'the source',
      comment: 'a comment',
    });
    expect(e.ballots).toEqual([
      { kind: 'ranking', weight: 5, ranks: [0, [1, 2]] },
      { kind: 'ranking', weight: 1.5, ranks: [2, [], 0] },
    ]);
  });

  it('accepts ballots spread over lines, CRLF, a byte-order mark, OpenSTV ballot ids and trailing free text', () => {
    const e = readBlt(
      '\uFEFF2 1\r\n(b1) 1\r\n 2 0 (b2) 2 0\r\n0\r\n"A"\r\n"B"\r\n"T"\r\nFirst Prefs\r\n1 1\r\n',
    );
    expect(e.ballots).toEqual([
      { kind: 'ranking', ranks: [0, 1] },
      { kind: 'ranking', ranks: [1] },
    ]);
    expect(e.title).toBe('T');
  });

  const bad: [string, string, RegExp][] = [
    ['empty file', '', /line 1: the file ends where the number of candidates/],
    ['letters for the header', 'x 2\n', /line 1: expected the number of candidates/],
    ['candidate out of range', '2 1\n1 3 0\n0\n"A"\n"B"\n"T"', /line 2: candidate 3 is out of range 1..2/],
    [
      'missing end of ballots',
      '2 1\n1 1 0\n"A"\n"B"\n"T"',
      /line 3: expected a ballot weight, found a quoted string "A"/,
    ],
    ['unterminated name', '2 1\n0\n"A\n"B"\n"T"', /line 3: a quoted string is not closed/],
    ['missing name', '2 1\n1 1 0\n0\n"A"\n', /the file ends where the name of candidate 2/],
    ['unquoted title', '1 1\n1 1 0\n0\n"A"\nTitle', /line 5: expected the quoted election title/],
    ['bad weight', '2 1\n1 1 0\nx 2 0\n0\n"A"\n"B"\n"T"', /line 3: expected a ballot weight, found "x"/],
    ['unknown option', '2 1\n[frobnicate 1]\n0\n"A"\n"B"\n"T"', /line 2: unknown option \[frobnicate\]/],
    [
      'incomplete tie order',
      '2 1\n[tie 1]\n0\n"A"\n"B"\n"T"',
      /line 2: \[tie\] must list each candidate exactly once/,
    ],
    ['withdrawn twice', '2 1\n-1 -1\n0\n"A"\n"B"\n"T"', /line 2: candidate 1 is withdrawn twice/],
    ['broken equal rank', '2 1\n1 1= 0\n0\n"A"\n"B"\n"T"', /line 2: malformed equal ranking "1="/],
  ];
  it('refuses quoted strings after the title unless asked to read them as source and comment', () => {
    // "2 1" with three names: without the check, Cy became the title and the count ran without Cy
    const text = '2 1\n1 1 2 0\n1 2 0\n0\n"Ann"\n"Bob"\n"Cy"\n"AGM 2025"\n';
    expect(() => readBlt(text)).toThrow(TallyInputError);
    expect(() => readBlt(text)).toThrow(
      /^BLT line 1: the header declares 2 candidates, so "Cy" on line 7 would be the title and "AGM 2025" on line 8 is left over\. If there are 3 candidates, declare 3 on line 1$/,
    );
    expect(readBlt(text.replace('2 1', '3 1')).title).toBe('AGM 2025');
    expect(readBlt(text, { sourceAndComment: true })).toMatchObject({
      title: 'Cy',
      options: { source: 'AGM 2025' },
    });
  });

  for (const [what, text, message] of bad) {
    it(`rejects ${what} with an error naming the line`, () => {
      expect(() => readBlt(text)).toThrow(TallyInputError);
      expect(() => readBlt(text)).toThrow(message);
    });
  }
});

describe('writeBlt', () => {
  it('writes what readBlt reads back, for any election it can express', () => {
    const election = fc.integer({ min: 2, max: 6 }).chain((n) =>
      fc.record(
        {
          title: fc.string({ maxLength: 12 }).filter((s) => !/["\r\n]/.test(s)),
          seats: fc.integer({ min: 1, max: n }),
          candidates: fc.array(
            fc.record(
              {
                name: fc.string({ maxLength: 10 }).filter((s) => !/["\r\n]/.test(s)),
                withdrawn: fc.constant(true),
                writeIn: fc.constant(true),
              },
              { requiredKeys: ['name'] },
            ),
            { minLength: n, maxLength: n },
          ),
          ballots: fc.array(
            fc.record(
              {
                kind: fc.constant('ranking' as const),
                weight: fc.integer({ min: 2, max: 1000 }),
                ranks: fc.array(
                  fc.oneof(
                    fc.integer({ min: 0, max: n - 1 }),
                    fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 2, maxLength: n }),
                    fc.constant([]),
                  ),
                  { maxLength: 8 },
                ),
              },
              { requiredKeys: ['kind', 'ranks'] },
            ),
            { maxLength: 20 },
          ),
          tieOrder: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          options: fc.dictionary(
            fc.stringMatching(/^[a-z_]{1,8}$/).filter((k) => k !== 'source' && k !== 'comment'),
            fc.oneof(fc.stringMatching(/^[a-z0-9.]{1,6}$/), fc.constant('true')),
            { minKeys: 1 },
          ),
        },
        { requiredKeys: ['title', 'seats', 'candidates', 'ballots'] },
      ),
    );
    fc.assert(
      fc.property(election, (e: BltElection) => {
        expect(readBlt(writeBlt(e))).toEqual(e);
      }),
    );
  });

  it('refuses names that BLT cannot quote', () => {
    expect(() => writeBlt({ title: 'T', seats: 1, candidates: [{ name: 'Say "hi"' }], ballots: [] })).toThrow(
      /double quote/,
    );
  });
});

describe('the reference ballot files', () => {
  const files = readdirSync(DROOP_DIR).flatMap((d) => {
    try {
      return readdirSync(join(DROOP_DIR, d))
        .filter((f) => f.endsWith('.blt'))
        .map((f) => join(DROOP_DIR, d, f));
    } catch {
      return [];
    }
  });

  it('are all read, and written back unchanged in meaning', () => {
    expect(files).toHaveLength(15);
    for (const f of files) {
      // Wichmann's M135 carries a source and a comment after its title
      const e = readBlt(readFileSync(f, 'utf8'), { sourceAndComment: true });
      expect(readBlt(writeBlt(e), { sourceAndComment: true })).toEqual(e);
    }
  });

  it('read the Glasgow Calton ward as 5,199 ballots for 10 candidates and 3 seats', () => {
    const e = readBlt(readFileSync(files.find((f) => f.endsWith('Calton-2007.blt'))!, 'utf8'));
    expect(e.seats).toBe(3);
    expect(e.candidates).toHaveLength(10);
    expect(e.ballots.reduce((s, b) => s + (b.weight ?? 1), 0)).toBe(5199);
    expect(e.candidates[7].name).toBe('George Redmond');
  });
});
