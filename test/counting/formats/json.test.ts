import { describe, expect, it } from 'vitest';
import {
  JsonFormatError,
  readJsonElection,
  resultToJson,
  writeJsonElection,
  type JsonElection,
} from '../../../src/counting/formats/json.js';
import { tally } from '../../../src/counting/index.js';

const FILE = `{
  "title": "Club AGM",
  "method": "schulze",
  "seats": 2,
  "candidates": ["Ana", {"name": "Ben", "withdrawn": true}, {"name": "Other", "writeIn": true}, "Dee"],
  "options": {"tieBreak": "revote"},
  "ballots": [
    {"ranks": ["Ana", ["Dee", "Other"], [], 1], "weight": 3},
    {"marks": ["Dee", 0]},
    {"approve": ["Ana"], "oppose": ["Dee"]},
    {"scores": {"Dee": 4, "Ana": 1}},
    {"scores": {"Ana": [5, 4, null]}, "weight": 0.5}
  ]
}`;

describe('JSON ballot files', () => {
  it('reads every field and every ballot kind, names or 0-based numbers', () => {
    const e = readJsonElection(FILE);
    expect(e.title).toBe('Club AGM');
    expect(e.method).toBe('schulze');
    expect(e.seats).toBe(2);
    expect(e.options).toEqual({ tieBreak: 'revote' });
    expect(e.candidates).toEqual([
      { name: 'Ana' },
      { name: 'Ben', withdrawn: true },
      { name: 'Other', writeIn: true },
      { name: 'Dee' },
    ]);
    expect(e.ballots).toEqual([
      { kind: 'ranking', ranks: [0, [3, 2], [], 1], weight: 3 },
      { kind: 'marks', marks: [3, 0] },
      { kind: 'opinions', approve: [0], oppose: [3] },
      { kind: 'scores', scores: [1, null, null, 4] },
      { kind: 'criteria', scores: [[5, 4, null]], weight: 0.5 },
    ]);
  });

  it('writes what it reads', () => {
    const e = readJsonElection(FILE);
    const again = readJsonElection(writeJsonElection(e));
    expect(again).toEqual(e);
    const minimal: JsonElection = { candidates: [{ name: '张三' }, { name: 'Ben' }], ballots: [] };
    expect(readJsonElection(writeJsonElection(minimal))).toEqual(minimal);
  });

  it('names the line of a malformed ballot', () => {
    const bad = FILE.replace('{"marks": ["Dee", 0]}', '{"marks": ["Dee", "Zed"]}');
    expect(() => readJsonElection(bad)).toThrow(JsonFormatError);
    expect(() => readJsonElection(bad)).toThrow(/^JSON line 9: unknown candidate "Zed"/);
    expect(() => readJsonElection(FILE.replace('"weight": 3', '"weight": -3'))).toThrow(/line 8: "weight"/);
    expect(() => readJsonElection(FILE.replace('{"scores": {"Dee"', '{"score": {"Dee"'))).toThrow(
      /line 11: a ballot needs/,
    );
    try {
      readJsonElection(FILE.replace('"ranks": ["Ana"', '"ranks" ["Ana"'));
      expect.unreachable();
    } catch (e) {
      expect((e as JsonFormatError).line).toBe(8);
      expect((e as Error).message).toMatch(/not valid JSON/);
    }
    expect(() => readJsonElection('{"candidates": "Ana", "ballots": []}')).toThrow(
      /line 1: "candidates" must be a list/,
    );
    expect(() => readJsonElection('{\n"candidates": ["A", "A"],\n"ballots": []}')).toThrow(
      /line 2: candidate "A" is listed twice/,
    );
    expect(() => readJsonElection('{\n"candidates": ["A"],\n"method": "dictator", "ballots": []}')).toThrow(
      /line 3: unknown method/,
    );
  });

  it('summarises a result with names, as `teller tally --json` prints it', () => {
    const result = tally({
      method: 'plurality',
      seats: 1,
      candidates: [{ name: 'Ana' }, { name: 'Ben' }, { name: 'Cai' }],
      ballots: [
        { kind: 'marks', marks: [0] },
        { kind: 'marks', marks: [1] },
        { kind: 'marks', marks: [] },
      ],
      options: { tieBreak: 'revote' },
    });
    const json = resultToJson(result);
    expect(json).toMatchObject({
      method: 'plurality',
      seats: 1,
      candidates: ['Ana', 'Ben', 'Cai'],
      winners: [],
      rounds: [{ counts: { Ana: 1, Ben: 1, Cai: 0 }, elected: [], eliminated: [], exhausted: 1 }],
      ties: [{ round: 1, purpose: 'last-seat', candidates: ['Ana', 'Ben'], rule: 'revote', chosen: [] }],
      furtherRound: { kind: 'revote', candidates: ['Ana', 'Ben'], seats: 1 },
    });
  });
});
