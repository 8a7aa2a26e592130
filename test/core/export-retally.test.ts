// Exports re-import (issue 14): every method's exported ballots, counted again by `teller tally`, give the
// result Teller announced. JSON for every method; BLT and CSV too where the ballots are rankings.
import { describe, expect, it } from 'vitest';
import { runTally } from '../../src/cli/tally.js';
import { BALLOT_KIND, METHOD_IDS, type MethodId } from '../../src/counting/types.js';
import { harness } from './harness.js';

const VOTERS = ['v1', 'v2', 'v3', 'v4', 'alice', 'bob', 'carol'];
const NAMES = ['alice', 'bob', 'carol'];

/** Seven ballots per kind, chosen so that no method's count ends in a tie. */
const BALLOTS: Record<string, string[]> = {
  marks1: ['1', '1', '1', '2', '2', '3', '1'],
  marks2: ['1,2', '1,2', '1,3', '2,3', '1', '1,3', '1,2'],
  opinions: ['1:+,2:-', '1:+,2:+', '1:+,3:-', '2:+', '1:+', '1:-,2:+', '1:+,3:+'],
  scores: ['1=5,2=3,3=0', '1=4,2=4,3=1', '1=5,2=1', '2=5,3=2', '1=3,2=2,3=5', '1=5,2=4', '1=4,3=3'],
  criteria: ['1=5,2=3,3=1', '1=4,2=4,3=1', '1=5,2=1', '2=5,3=2', '1=3,2=2,3=5', '1=5,2=4', '1=4,3=3'],
  ranking: ['1>2>3', '1>3>2', '2>1>3', '2>3>1', '3>1>2', '1>2', '2>1'],
};

function ballotsFor(method: MethodId, seats: number): string[] {
  const kind = BALLOT_KIND[method];
  if (kind === 'marks') return seats > 1 || method === 'approval' ? BALLOTS.marks2! : BALLOTS.marks1!;
  return BALLOTS[kind]!;
}

async function tally(argv: string[], files: Record<string, string>) {
  let out = '';
  let err = '';
  const code = await runTally(argv, {
    readFile: async (path) => new TextEncoder().encode(files[path]!),
    out: (s) => (out += s),
    err: (s) => (err += s),
  });
  expect(err, argv.join(' ')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as { winners: string[] };
}

describe('exported ballots count again to the announced result', () => {
  for (const method of METHOD_IDS) {
    it(method, async () => {
      const seats = ['block', 'stv-scottish', 'stv-meek'].includes(method) ? 2 : 1;
      const h = harness();
      await h.ok('olga', 'create "Board"');
      await h.ok('olga', `contest add 1 Seat ${seats} ${method}`);
      await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
      await h.ok('olga', 'nominations open 1');
      for (const [i, n] of NAMES.entries()) {
        await h.ok('v1', `nominate 1 1 @${n}`);
        await h.ok('v2', `second 1 ${i + 1}`);
        await h.ok(n, `accept 1 ${i + 1}`);
      }
      await h.ok('olga', 'nominations close 1');
      for (const i of [1, 2, 3]) await h.ok('olga', `review approve 1 ${i}`);
      await h.ok('olga', 'candidates publish 1');
      await h.ok('olga', 'voting open 1');
      for (const [i, b] of ballotsFor(method, seats).entries()) await h.ok(VOTERS[i]!, `cast 1 1 ${b}`);
      await h.ok('olga', 'voting close 1');
      await h.ok('olga', 'count 1');
      await h.ok('olga', 'announce 1');
      const result = h.store.state.results[0]!.result;
      const announced = result.winners.map((w) => result.candidates[w]);
      expect(announced.length).toBeGreaterThan(0);

      const files = (await h.run('v3', 'archive export 1 ballots')).reply.body.files ?? [];
      const byExt = Object.fromEntries(files.map((f) => [f.name.split('.').pop()!, String(f.data)]));
      expect((await tally(['seat.json', '--json'], { 'seat.json': byExt.json! })).winners).toEqual(announced);
      if (BALLOT_KIND[method] === 'ranking') {
        expect(Object.keys(byExt).sort()).toEqual(['blt', 'csv', 'json']);
        // a BLT or CSV file carries no method or seed: the announced result's are given on the command line
        const flags = [
          '--method',
          method,
          '--seats',
          String(seats),
          '--seed',
          String(result.options.seed),
          '--json',
        ];
        expect((await tally(['seat.blt', ...flags], { 'seat.blt': byExt.blt! })).winners).toEqual(announced);
        expect((await tally(['seat.csv', ...flags], { 'seat.csv': byExt.csv! })).winners).toEqual(announced);
      } else expect(Object.keys(byExt)).toEqual(['json']);
    });
  }
});
