// The archive (issue 14): retention per organisation (at least a year under lmrda, L16), records opened
// only on an approved request, exports, and the purge of personal data when retention ends.
import { describe, expect, it } from 'vitest';
import { harness, refusal as refused, type Harness } from './harness.js';

const DAY = 86_400_000;
const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin'];

/** Election 1, certified: Chair by plurality, alice 3 votes, bob 2; olga and oscar organise it. */
async function certified(h: Harness, preset?: string): Promise<void> {
  await h.ok('olga', `create "Staff council"${preset ? ` preset=${preset}` : ''}`);
  await h.ok('olga', 'contest add 1 Chair 1 plurality');
  await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'organiser add 1 @oscar');
  await h.ok('olga', 'nominations open 1');
  await h.ok('carol', 'nominate 1 1 @alice');
  await h.ok('dave', 'second 1 1');
  await h.ok('alice', 'accept 1 1');
  await h.ok('bob', 'nominate 1 1');
  await h.ok('erin', 'second 1 2');
  await h.ok('olga', 'nominations close 1');
  await h.ok('olga', 'review approve 1 1');
  await h.ok('olga', 'review approve 1 2');
  await h.ok('olga', 'candidates publish 1');
  if (preset === 'lmrda') h.clock.advance(15 * DAY);
  await h.ok('olga', 'voting open 1');
  for (const v of ['alice', 'carol', 'dave']) await h.ok(v, 'cast 1 1 1');
  for (const v of ['bob', 'erin']) await h.ok(v, 'cast 1 1 2');
  await h.ok('olga', 'voting close 1');
  await h.ok('olga', 'count 1');
  await h.ok('olga', 'announce 1');
  h.clock.advance(3 * DAY);
  await h.ok('olga', 'certify 1');
}

/** Every string anywhere in the memory store's state, to search it the way an auditor would. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings([k, v], out);
  return out;
}

describe('the archive', () => {
  it('keeps the records for the organisation’s retention, opening them only on an approved request', async () => {
    const h = harness();
    await certified(h);
    await h.ok('olga', 'retention 400');
    expect(await h.ok('olga', 'archive 1')).toMatch(
      /^Election 1 is archived\. Its records are kept 400 days, until /,
    );
    // archived: every view and export waits for an approved request
    for (const [who, text] of [
      ['olga', 'roll show 1'],
      ['carol', 'voting ballots 1'],
      ['carol', 'archive export 1 results'],
      // the organisers too
      ['olga', 'audit show 1'],
      ['olga', 'archive export 1 audit'],
    ])
      expect(await refused(h, who!, text!)).toBe(
        'Election 1 is archived: its records open only on an approved request (/election archive request 1 "purpose").',
      );
    expect(await h.ok('carol', 'archive request 1 "branch audit of the 2026 vote"')).toMatch(/^Request R-1 /);
    expect(await refused(h, 'carol', 'archive answer 1 R-1 approve')).toMatch(/organisers/i);
    await h.ok('oscar', 'archive answer 1 R-1 approve');
    const files = (await h.run('carol', 'archive export 1 ballots')).reply.body.files ?? [];
    expect(files.map((f) => f.name)).toEqual(['election-1-chair.json']);
    // by hand: 3 ballots for Alice, 2 for Bob, shuffled, no voter
    const exported = JSON.parse(String(files[0]!.data));
    expect(exported.method).toBe('plurality');
    expect(exported.ballots.map((b: { marks: string[] }) => b.marks[0]).sort()).toEqual([
      'Alice',
      'Alice',
      'Alice',
      'Bob',
      'Bob',
    ]);
    expect(JSON.stringify(exported)).not.toMatch(/carol|dave|erin|receipt/i);
    // the approval lasts a week, and each opening is on the record
    h.clock.advance(8 * DAY);
    expect(await refused(h, 'carol', 'archive export 1 results')).toMatch(/approved request/);
    const events = h.store.state.audit.map((a) => a.event);
    expect(events.filter((e) => e === 'records.opened')).toHaveLength(1);
    expect(events).toContain('records.requested');
    expect(events).toContain('records.approved');
    // an organiser does not approve their own request while another could
    await h.ok('olga', 'archive request 1 "the annual return"');
    expect(await refused(h, 'olga', 'archive answer 1 R-2 approve')).toBe(
      'You made request R-2: another organiser answers it.',
    );
  });

  it('keeps an lmrda election at least a year, whatever the organisation says (L16)', async () => {
    const h = harness();
    await certified(h, 'lmrda');
    await h.ok('olga', 'retention 30');
    expect(await h.ok('olga', 'archive 1')).toContain('kept 365 days (at least a year, rule L16)');
  });

  it('purges every reference to a person at the end of retention; the results stay', async () => {
    const h = harness();
    await certified(h);
    await h.ok('olga', 'retention 30');
    await h.ok('olga', 'archive 1');
    h.clock.advance(29 * DAY);
    await h.core.runJobs();
    expect(h.store.state.roll).toHaveLength(5);
    h.clock.advance(2 * DAY);
    await h.core.runJobs();
    const e = h.store.state.elections[0];
    expect(e.settings.purgedAt).toBeDefined();
    // the voters, the nominators and seconders appear nowhere; the candidates stay with the result
    const everything = strings(h.store.state);
    for (const person of ['carol', 'dave', 'erin'])
      expect(
        everything.filter((s) => s === person || s.includes(`<@${person}>`)),
        person,
      ).toEqual([]);
    expect(h.store.state.results[0].result.winners).toEqual([0]);
    const kept = h.store.state.retained.map((r) => r.kind).sort();
    expect(kept).toEqual(['audit-head', 'report.json', 'report.md', 'results.json']);
    // the kept report still holds the figures, and is what an approved request exports after the purge
    expect(h.store.state.retained.find((r) => r.kind === 'report.md')!.content).toContain('Alice');
    await h.ok('oscar', 'archive request 1 "the history of the branch"');
    await h.ok('olga', 'archive answer 1 R-1 approve');
    const report = (await h.run('oscar', 'archive export 1 report')).reply.body.files ?? [];
    expect(report.map((f) => f.name)).toEqual(['election-1-report.json', 'election-1-report.md']);
    expect(String(report[1]!.data)).toContain('Alice');
    const head = JSON.parse(h.store.state.retained.find((r) => r.kind === 'audit-head')!.content);
    expect(head.count).toBeGreaterThan(10);
    expect(head.head).toMatch(/^[0-9a-f]{64}$/);
  });
});
