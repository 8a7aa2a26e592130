// When objections may be filed (issue 14): within a notice period only, refused after it closed with the
// date it closed (C10 the roll's window, C11 the candidates' notice, C15 the result's), by members on the
// roll; and what the channel is told (the objector's name only with their consent).
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';
import { channelPosts, DAY, published, refusal } from './objection-steps.js';

describe('objections outside their period are refused, with the date it closed', () => {
  it('the roll’s window: open roll-objection-days after publication (C10), then closed', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee"');
    await h.ok('olga', 'configure 1 roll-objection-days=2');
    await h.ok('olga', 'roll add 1 @alice @bob @carol');
    // nothing is on notice yet
    expect(await refusal(h, 'bob', 'objection file 1 @carol "not a member"')).toBe(
      'No notice period of election 1 is open: objections are filed while the roll, the candidate list or the result is on public notice.',
    );
    await h.ok('olga', 'roll show 1 publish=yes');
    h.clock.advance(DAY);
    expect(await h.ok('bob', 'objection file 1 @carol "carol left the branch in January"')).toContain('O-1');
    // published Sun 1 Mar 09:00 + 2 days: closed Tue 3 Mar 09:00
    h.clock.advance(2 * DAY);
    expect(await refusal(h, 'bob', 'objection file 1 @alice "late"')).toBe(
      'Objections in the roll’s objection window closed Tue 3 Mar 09:00 UTC (24 h ago); this one can no longer be filed.',
    );
    expect(h.store.state.objections).toHaveLength(1);
  });

  it('the candidates’ notice closes when voting opens (C11)', async () => {
    const h = harness();
    await published(h);
    // a roll objection names a member; the roll was never published, so only the candidates’ notice is open
    await h.ok('carol', 'objection file 1 @bob "Bob is not in good standing"');
    expect(h.store.state.objections[0]).toMatchObject({ period: 'candidates', memberId: 'bob' });
    expect(await refusal(h, 'carol', 'objection file 1 @carol "me"')).toBe(
      '<@carol> does not stand in this election: name a candidate or a contest.',
    );
    h.clock.advance(DAY);
    await h.ok('olga', 'voting open 1');
    h.clock.advance(DAY);
    expect(await refusal(h, 'carol', 'objection file 1 @alice "too late" period=candidates')).toBe(
      'Objections in the candidates’ public notice closed Mon 2 Mar 09:00 UTC (24 h ago); this one can no longer be filed.',
    );
    expect(await refusal(h, 'carol', 'objection file 1 Secretary "too early" period=result')).toBe(
      'Objections cannot be filed in the result’s public notice: it has not opened in this election.',
    );
  });

  it('the result’s notice closes at its stated end (C15: 3 days), even before certification', async () => {
    const h = harness();
    await electionInVoting(h);
    await h.ok('alice', 'cast 1 1 1');
    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    await h.ok('olga', 'announce 1');
    h.clock.advance(2 * DAY);
    await h.ok('erin', 'objection file 1 1 "the count sheet was not signed"');
    h.clock.advance(2 * DAY);
    expect(await refusal(h, 'erin', 'objection file 1 Secretary "another"')).toBe(
      'Objections in the result’s public notice closed Wed 4 Mar 09:00 UTC (24 h ago); this one can no longer be filed.',
    );
  });

  it('only members on the roll object; one left off it may object to that, in the roll’s window', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee"');
    await h.ok('olga', 'roll add 1 @alice @bob');
    await h.ok('olga', 'roll show 1 publish=yes');
    expect(await refusal(h, 'zed', 'objection file 1 @alice "not a member"')).toContain(
      'Only members on the roll may object',
    );
    await h.ok('zed', 'objection file 1 @zed "I paid my dues in February and was left off"');
    // the channel is told an entry of the roll is objected to, not whose: it would name the objector
    const notice = channelPosts(h).find((t) => t.startsWith('Objection O-1'))!;
    expect(notice).toContain('about an entry of the roll, during the roll’s objection window');
    expect(notice).not.toContain('zed');
    const filed = h.store.state.audit.find((a) => a.event === 'objection.filed')!;
    expect(filed.data).toEqual({ ref: 'O-1', period: 'roll', about: 'roll', public: false, contest: null });
  });
});

describe('what the channel is told', () => {
  it('names the objector only when they agree (name=yes)', async () => {
    const h = harness();
    await published(h);
    await h.ok('carol', 'objection file 1 @bob "quietly"');
    await h.ok('dave', 'objection file 1 Secretary "openly" name=yes');
    const [first, second] = channelPosts(h).filter((t) => t.startsWith('Objection O-'));
    expect(first).toBe(
      'Objection O-1 has been filed in election 1, about <@bob>, during the candidates’ public notice. A decision is due Wed 4 Mar 09:00 UTC (in 3 days).',
    );
    expect(second).toBe(
      'Objection O-2 has been filed in election 1, about Secretary, during the candidates’ public notice. A decision is due Wed 4 Mar 09:00 UTC (in 3 days).\nFiled by <@dave>.',
    );
    const data = h.store.state.audit.filter((a) => a.event === 'objection.filed').map((a) => a.data);
    expect(data.map((d) => d.public)).toEqual([false, true]);
    // nothing in the unnamed objection's record names carol, but the chain's actor
    expect(JSON.stringify(data[0])).not.toContain('carol');
    // the list shows who objected only where they agreed; the organisers see both
    const list = await h.ok('erin', 'objection list 1');
    expect(list).not.toContain('carol');
    expect(list).toContain('filed by <@dave>');
    expect(await h.ok('olga', 'objection list 1')).toContain('filed by <@carol>');
    // the file itself is for those who act on it and the objector
    expect(await refusal(h, 'erin', 'objection show 1 O-1')).toContain('is for the organisers');
    expect(await h.ok('carol', 'objection show 1 O-1')).toContain('Grounds: quietly');
  });

  it('takes the decision days from the election’s setting (objection-decision-days)', async () => {
    const h = harness();
    await published(h, 'objection-decision-days=5');
    expect(await h.ok('carol', 'objection file 1 @bob "why"')).toContain(
      'A decision is due Fri 6 Mar 09:00 UTC',
    );
  });
});
