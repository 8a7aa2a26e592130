import { describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.js';

const VOTERS = ['ann', 'bo', 'cy', 'di', 'ed', 'flo', 'gil'];

async function open(h: Harness, contest: string, candidates: string[]) {
  await h.ok('olga', 'create "Methods"');
  await h.ok('olga', `contest add 1 ${contest}`);
  await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'configure 1 seconders=0');
  await h.ok('olga', 'nominations open 1');
  for (const c of candidates) await h.ok(c, 'nominate 1 1');
  await h.ok('olga', 'nominations close 1');
  for (let i = 1; i <= candidates.length; i++) await h.ok('olga', `review approve 1 ${i}`);
  await h.ok('olga', 'candidates publish 1');
  await h.ok('olga', 'voting open 1');
}

describe('contests count with the engine', () => {
  it('elects two by Scottish STV from ranked ballots', async () => {
    const h = harness();
    await open(h, 'Committee 2 stv-scottish', ['ann', 'bo', 'cy']);
    const ballots = ['1>2', '1>2', '1>3', '1>2', '2>1', '3>2', '3>1'];
    for (const [i, v] of VOTERS.entries()) await h.ok(v, `cast 1 1 ${ballots[i]}`);
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const r = h.store.state.results[0].result;
    expect(r.method).toBe('stv-scottish');
    // Ann's surplus of 1 moves at 0.25 per paper: Bo 1.75, Cy 2.25; Bo is excluded and Cy elected
    expect(r.winners.map((w) => r.candidates[w])).toEqual(['Ann', 'Cy']);
    expect(r.rounds.length).toBeGreaterThan(1);
    expect(r.rounds[0].quota).toBe(3);
  });

  it('averages weighted criteria for judged scoring', async () => {
    const h = harness();
    await open(h, 'Prize 1 judged criteria="Vision:2, Delivery"', ['ann', 'bo']);
    await h.ok('cy', 'cast 1 1 1=5/1,2=3/5');
    await h.ok('di', 'cast 1 1 1=5/2,2=3/4');
    const bad = await h.run('ed', 'cast 1 1 1=5');
    expect(bad).toMatchObject({ kind: 'domain-error', code: 'ballot.bad_score' });
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const r = h.store.state.results[0].result;
    expect(r.winners.map((w) => r.candidates[w])).toEqual(['Ann']);
  });

  it('refuses a bad criteria list naming the field', async () => {
    const h = harness();
    await h.ok('olga', 'create X');
    const r = await h.run('olga', 'contest add 1 Prize 1 judged criteria="Vision:-2"');
    expect(r).toMatchObject({ kind: 'domain-error', code: 'contest.bad_criteria' });
  });
});
