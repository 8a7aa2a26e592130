// One real election for the report's tests: instant-runoff for one seat, nine of ten eligible members
// voting, a scrutineer who confirms with an observation, announced, with the feedback survey on.
//
// Candidates by number: 1 Alice, 2 Bob, 3 Carol. Ballots:
//   alice 1>2  bob 2>1  carol 3>2  dave 1>3  erin 2>3  frank 3>1  gina 1  hugo 2>1  ivy 1>3
// First preferences: Alice 4 (alice, dave, gina, ivy), Bob 3 (bob, erin, hugo), Carol 2 (carol, frank).
// 9 valid ballots; IRV needs more than half of the continuing votes, 5. Count 1: nobody has 5; Carol,
// lowest, is eliminated: carol's ballot goes to Bob, frank's to Alice, none exhausted.
// Count 2: Alice 5, Bob 4, Carol 0: Alice is elected. zoe is on the roll and does not vote: 9 of 10, 90%.
import { appendAudit } from '../../src/core/audit/audit.service.js';
import type { Harness } from './harness.js';

export const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'gina', 'hugo', 'ivy'];
const BALLOTS: Record<string, string> = {
  alice: '1>2',
  bob: '2>1',
  carol: '3>2',
  dave: '1>3',
  erin: '2>3',
  frank: '3>1',
  gina: '1',
  hugo: '2>1',
  ivy: '1>3',
};

/** Anything that runs what a member typed after /election: the core harness, or a platform's real core. */
export interface Typist {
  ok(member: string, text: string): Promise<unknown>;
}

export async function announcedIrv(h: Typist, opts: { survey?: boolean } = {}): Promise<void> {
  await h.ok('olga', 'create "Branch committee"');
  if (opts.survey !== false) await h.ok('olga', 'configure 1 survey=yes');
  await h.ok('olga', 'contest add 1 Secretary 1 irv');
  await h.ok('olga', `roll add 1 ${[...VOTERS, 'zoe'].map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'scrutineer add 1 @sam');
  await h.ok('olga', 'nominations open 1');
  for (const [i, c] of ['alice', 'bob', 'carol'].entries()) {
    await h.ok(c, 'nominate 1 Secretary');
    await h.ok('dave', `second 1 ${i + 1}`);
  }
  await h.ok('olga', 'nominations close 1');
  for (const n of [1, 2, 3]) await h.ok('olga', `review approve 1 ${n}`);
  await h.ok('olga', 'candidates publish 1');
  await h.ok('olga', 'voting open 1');
  for (const v of VOTERS) await h.ok(v, `cast 1 1 ${BALLOTS[v]}`);
  await h.ok('olga', 'voting close 1');
  await h.ok('olga', 'count 1');
  await h.ok('sam', 'count confirm 1 observation="Seals intact, figures reconciled"');
  await h.ok('olga', 'announce 1');
}

/** Objections and appeals as the objections module writes them, through the audit chain's own append. */
export async function fileObjections(h: Harness): Promise<void> {
  const electionId = h.store.state.elections[0]!.id;
  const at = () => h.clock.now().toISOString();
  const entries: [string, string, Record<string, string | boolean>][] = [
    ['frank', 'objection.filed', { ref: 'O-1', period: 'result', about: 'the count of Carol', public: true }],
    ['olga', 'objection.assigned', { ref: 'O-1', investigator: 'sam' }],
    [
      'olga',
      'objection.decided',
      { ref: 'O-1', outcome: 'dismissed', effect: 'none', reason: 'recount matched' },
    ],
    ['frank', 'appeal.filed', { ref: 'O-1' }],
    ['olga', 'appeal.decided', { ref: 'O-1', outcome: 'dismissed', reason: 'no new facts' }],
    ['erin', 'objection.filed', { ref: 'O-2', period: 'result', about: 'a ballot DM', public: false }],
  ];
  for (const [actor, event, data] of entries)
    await h.store.transaction((tx) => appendAudit(tx, { electionId, at: at(), actor, event, data }));
}
