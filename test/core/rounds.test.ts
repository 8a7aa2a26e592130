// Further rounds run by Teller (issue 12): the organisers open the round the count calls for with one
// command; Teller makes its ballot with the right candidates, sends it to the roll, counts it, and keeps
// and reports every round. Each round is checked against a hand count.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harness, presetElectionInReview, type Harness } from './harness.js';

const DAY = 86_400_000;
const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus'];

async function published(
  h: Harness,
  preset: string,
  contest: string,
  candidates: string[],
  voters: string[],
) {
  await presetElectionInReview(h, preset, contest, candidates, voters);
  await h.ok('olga', 'candidates publish 1');
}

/** Cast each voter's choices in the contest on the ballot now, close and count. */
async function round(h: Harness, contest: number, votes: Record<string, string>) {
  for (const [voter, choices] of Object.entries(votes)) await h.ok(voter, `cast 1 ${contest} ${choices}`);
  await h.ok('olga', 'voting close 1');
  await h.ok('olga', 'count 1');
}

const resultOf = (h: Harness, contest: number) => {
  const c = h.store.state.contests.find((x) => x.number === contest)!;
  return h.store.state.results.find((r) => r.contestId === c.id)!.result;
};
const names = (h: Harness, contest: number, xs: number[]) =>
  xs.map((i) => resultOf(h, contest).candidates[i]);

describe('roberts: repeated balloting until someone has a majority (R4)', () => {
  it('takes three ballots, each among every nominee, each kept and reported', async () => {
    const h = harness();
    await published(h, 'roberts', 'President 1', ['alice', 'bob', 'carol'], VOTERS);
    await h.ok('olga', 'voting open 1');
    // ballot 1: alice 3, bob 2, carol 2 of 7: no majority (4 needed)
    await round(h, 1, { alice: '1', dave: '1', erin: '1', bob: '2', fay: '2', carol: '3', gus: '3' });
    expect(resultOf(h, 1).winners).toEqual([]);
    expect(resultOf(h, 1).furtherRound).toEqual({ kind: 'revote', candidates: [0, 1, 2], seats: 1 });
    expect(await h.ok('olga', 'voting round 1')).toBe(
      'Round 2 of election 1 is open; its ballot is going to 7 voters.',
    );
    // the round's ballot went to everyone on the roll, with every nominee on it
    const round2 = h.store.state.contests.find((c) => c.number === 2)!;
    expect(round2).toMatchObject({ name: 'President (2)', seats: 1, round: 2, method: 'plurality' });
    expect(
      h.store.state.outbox.filter((m) => m.purpose === 'ballot' && m.dedupeKey.includes('round-2-dm')),
    ).toHaveLength(7);
    // an earlier round's ballot box is shut
    const late = await h.run('gus', 'cast 1 1 1');
    expect(late.kind).toBe('domain-error');
    // ballot 2: alice 3, bob 3, carol 1: still no majority
    await round(h, 2, { alice: '1', dave: '1', erin: '1', bob: '2', fay: '2', gus: '2', carol: '3' });
    expect(resultOf(h, 2).winners).toEqual([]);
    await h.ok('olga', 'voting round 1');
    // ballot 3: alice 4, bob 3: alice has a majority of the 7 votes cast
    await round(h, 3, { alice: '1', dave: '1', erin: '1', carol: '1', bob: '2', fay: '2', gus: '2' });
    expect(names(h, 3, resultOf(h, 3).winners)).toEqual(['Alice']);
    expect(resultOf(h, 3).furtherRound).toBeUndefined();
    // every round was counted from its own ballots, again, at each count: the first is still as it was
    expect(resultOf(h, 1).rounds[0].counts).toEqual([3, 2, 2]);
    expect(resultOf(h, 2).rounds[0].counts).toEqual([3, 3, 1]);
    expect(resultOf(h, 3).rounds[0].counts).toEqual([4, 3, 0]);
    // each stored result says which round it is
    expect(h.store.state.results.map((r) => r.round)).toEqual([1, 2, 3]);
    await h.ok('olga', 'announce 1');
    const body = h.store.state.outbox.find((m) => m.purpose === 'results')!.body;
    const labels = (body.fields ?? []).map((f) => f.label).join('\n');
    expect(labels.indexOf('President —')).toBeLessThan(labels.indexOf('President (2) —'));
    expect(labels.indexOf('President (2) —')).toBeLessThan(labels.indexOf('President (3) —'));
    h.clock.advance(3 * DAY);
    // the last round filled the seat: the result is final
    await h.ok('olga', 'certify 1');
    expect(h.store.state.audit.filter((a) => a.event === 'round.opened').map((a) => a.data.round)).toEqual([
      2, 3,
    ]);
  });
});

describe('cn-org further rounds', () => {
  it('re-votes a tie at the last seat among the tied only (C7), and fills the seat', async () => {
    const h = harness();
    const voters = [...VOTERS, 'hal', 'ivy', 'jon', 'kim'];
    await published(h, 'cn-org', 'Members 2', ['alice', 'bob', 'carol'], voters);
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting open 1');
    const first = ['1:+,2:+', '1:+,2:+', '1:+,2:+', '1:+,3:+', '1:+,3:+', '1:+,3:+', '2:+,3:+', '2:+,3:+'];
    const votes1 = Object.fromEntries(voters.map((v, i) => [v, [...first, '2:+,3:+', '1:+', '1:+'][i]!]));
    await round(h, 1, votes1);
    expect(names(h, 1, resultOf(h, 1).winners)).toEqual(['Alice']);
    await h.ok('olga', 'voting round 1');
    const r2 = h.store.state.contests.find((c) => c.number === 2)!;
    expect(r2).toMatchObject({ seats: 1, round: 2, method: 'approve-oppose' });
    // the round's ballot names only Bob and Carol
    const ballot = await h.run('dave', 'vote 1');
    expect(ballot.reply.body.text + JSON.stringify(ballot.reply.body)).toContain('Bob');
    expect(JSON.stringify(ballot.reply.body)).not.toContain('Alice');
    // Bob 7, Carol 4 of 11
    const votes2 = Object.fromEntries(voters.map((v, i) => [v, i < 7 ? '1:+,2:-' : '1:-,2:+']));
    await round(h, 2, votes2);
    expect(names(h, 2, resultOf(h, 2).winners)).toEqual(['Bob']);
    h.clock.advance(DAY);
    await h.ok('olga', 'announce 1');
    h.clock.advance(3 * DAY);
    await h.ok('olga', 'certify 1');
  });

  it('holds a round the rules voided for turnout (C1) again among every candidate', async () => {
    const h = harness();
    await published(h, 'cn-org', 'Chair 1', ['alice', 'bob'], VOTERS);
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting open 1');
    await round(h, 1, { alice: '1:+,2:-', bob: '1:-,2:+' });
    expect(resultOf(h, 1).furtherRound).toEqual({ kind: 'revote', candidates: [0, 1], seats: 1 });
    await h.ok('olga', 'voting round 1 closes=2d');
    // the round's close is planned and in every ballot DM
    const dm = h.store.state.outbox.find((m) => m.dedupeKey.includes('round-2-dm:carol'))!;
    expect(dm.body.text).toContain('Voting closes');
    const plan = await h.ok('olga', 'timeline 1');
    expect(plan).toContain('• Voting closes');
    const round2 = { alice: '1:+,2:-', bob: '1:-,2:+', carol: '1:+,2:-', dave: '1:+,2:0', erin: '1:+,2:-' };
    for (const [v, choices] of Object.entries(round2)) await h.ok(v, `cast 1 2 ${choices}`);
    // the clock closes the round as planned, through the same command
    h.clock.advance(2 * DAY);
    await h.core.runJobs();
    expect(h.store.state.elections[0].phase).toBe('closed');
    await h.ok('olga', 'count 1');
    expect(names(h, 2, resultOf(h, 2).winners)).toEqual(['Alice']);
    expect(resultOf(h, 2).rulings).toBeUndefined();
  });

  it('opens no new ballot box while the last round is still being sealed', async () => {
    const h = harness();
    await published(h, 'roberts', 'President 1', ['alice', 'bob'], VOTERS);
    await h.ok('olga', 'voting open 1');
    h.store.purgeFails = true; // a reader holds an old snapshot: the close cannot purge the files yet
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('bob', 'cast 1 1 2');
    expect((await h.run('olga', 'voting close 1')).reply.body.text).toContain('the seal is NOT complete');
    expect(h.store.state.elections[0].seal).toBe('pending');
    await h.ok('olga', 'count 1');
    const refused = await h.run('olga', 'voting round 1');
    expect(refused.reply.body.text).toMatch(/^The last round of election 1 is still being sealed/);
    expect(h.store.state.contests).toHaveLength(1);
    h.store.purgeFails = false;
    await h.ok('olga', 'voting seal 1');
    expect(h.store.state.elections[0].seal).toBe('done');
    await h.ok('olga', 'voting round 1');
    expect(h.store.state.contests).toHaveLength(2);
  });

  it('refuses a further round when no count calls for one', async () => {
    const h = harness();
    await published(h, 'simple', 'Chair 1', ['alice', 'bob'], VOTERS);
    await h.ok('olga', 'voting open 1');
    await round(h, 1, { alice: '1', bob: '1', carol: '2' });
    const r = await h.run('olga', 'voting round 1');
    expect(r.reply.body.text).toBe('No contest of election 1 calls for a further round.');
  });
});

describe('rounds against the rules applied by hand (property)', () => {
  it('roberts: the rounds one after another elect whoever first has a majority of the votes cast', async () => {
    const voters = ['alice', 'bob', 'carol', 'dave', 'erin'];
    // each round: each voter's choice among the 3 nominees (1..3) or a blank (0)
    const roundVotes = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(fc.array(roundVotes, { minLength: 1, maxLength: 3 }), async (rounds) => {
        const h = harness();
        await published(h, 'roberts', 'President 1', ['alice', 'bob', 'carol'], voters);
        await h.ok('olga', 'voting open 1');
        let held = 0;
        for (const [r, votes] of rounds.entries()) {
          held++;
          for (const [i, v] of voters.entries())
            await h.ok(v, `cast 1 ${r + 1} ${votes[i] === 0 ? '""' : votes[i]}`);
          await h.ok('olga', 'voting close 1');
          await h.ok('olga', 'count 1');
          // by hand (R1–R4): blanks excluded; a majority of the rest elects, else every nominee again
          const cast = votes.filter((x) => x !== 0);
          const tally = [1, 2, 3].map((c) => cast.filter((x) => x === c).length);
          const top = tally.findIndex((n) => n * 2 > cast.length);
          const result = resultOf(h, r + 1);
          if (top >= 0) {
            expect(result.winners).toEqual([top]);
            break;
          }
          expect(result.winners).toEqual([]);
          expect(result.furtherRound?.candidates).toEqual([0, 1, 2]);
          if (r < rounds.length - 1) await h.ok('olga', 'voting round 1');
        }
        // one contest per round held, and every round still counted as it was cast
        expect(h.store.state.contests.length).toBe(held);
        for (const [r, votes] of rounds.slice(0, held).entries())
          expect(resultOf(h, r + 1).rounds[0].counts).toEqual(
            [1, 2, 3].map((c) => votes.filter((x) => x === c).length),
          );
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});

describe('uk-su: RON (re-open nominations)', () => {
  it('stands in every contest; when it wins, the seat opens for nominations in a new round', async () => {
    const h = harness();
    await published(h, 'uk-su', 'President 1', ['alice', 'bob'], VOTERS);
    // RON stands last on the published list, and on the ballot, like any candidate
    const list = h.store.state.outbox.find((m) => m.body.title?.startsWith('Candidates'))!;
    const listed = (list.body.fields ?? []).map((f) => f.value).join('\n');
    expect(listed).toMatch(/3\. RON \(re-open nominations\)$/);
    await h.ok('olga', 'voting open 1');
    const ballot = await h.run('carol', 'vote 1');
    expect(JSON.stringify(ballot.reply.body)).toContain('"name":"RON"');
    // RON first on 4 of 7: it wins the seat (STV)
    await round(h, 1, { alice: '1', bob: '2', carol: '3', dave: '3', erin: '3', fay: '3', gus: '1>2' });
    const first = resultOf(h, 1);
    expect(first.winners).toEqual([]);
    expect(first.furtherRound).toEqual({ kind: 'reopen', candidates: [], seats: 1 });
    expect(first.rulings).toContainEqual({ key: 'ruling.ron_elected', params: { seats: 1 } });
    // another ballot cannot be held first: the seat is nominated for again
    expect((await h.run('olga', 'voting round 1')).reply.body.text).toContain(
      'open its nominations again first',
    );
    expect(await h.ok('olga', 'nominations reopen 1')).toBe(
      'Nominations are open again for round 2 of election 1.',
    );
    expect(h.store.state.elections[0].phase).toBe('nominating');
    // nominations go to the new round only
    await h.ok('carol', 'nominate 1 2');
    await h.ok('dave', 'second 1 4');
    expect((await h.run('erin', 'nominate 1 1')).kind).toBe('domain-error');
    await h.ok('olga', 'nominations close 1');
    await h.ok('olga', 'review approve 1 4');
    await h.ok('olga', 'candidates publish 1');
    // the new round's list: carol, then RON again; the first round's list is untouched
    const second = h.store.state.nominations.filter((n) => n.contestId === h.store.state.contests[1].id);
    expect(second.map((n) => [n.nominee, n.candidateNumber])).toEqual([
      ['carol', 1],
      ['teller:ron', 2],
    ]);
    await h.ok('olga', 'voting open 1');
    await round(h, 2, { alice: '1', bob: '1', carol: '1', dave: '1', erin: '2', fay: '2', gus: '1' });
    expect(names(h, 2, resultOf(h, 2).winners)).toEqual(['Carol']);
    expect(
      names(
        h,
        1,
        resultOf(h, 1).rounds[0].counts.map((_, i) => i),
      ),
    ).toEqual(['Alice', 'Bob', 'RON']);
    await h.ok('olga', 'announce 1');
    h.clock.advance(3 * DAY);
    await h.ok('olga', 'certify 1');
  });
});
