// Proxies (委托投票, issue 12): allowed only where a preset provides for them (C13: prior approval, at
// most N principals per proxy, the list published), refused under lmrda (L3) and elsewhere.
import { describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.js';

const DAY = 86_400_000;
const VOTERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'fay', 'gus'];

/** Election 1 under `preset`, one contest of 1 seat, the roll, alice and bob nominated and approved. */
async function setUp(h: Harness, preset: string): Promise<void> {
  await h.ok('olga', `create "Branch committee" preset=${preset}`);
  await h.ok('olga', 'contest add 1 Members 1');
  await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'nominations open 1');
  await h.ok('alice', 'nominate 1 1');
  await h.ok('bob', 'second 1 1');
  await h.ok('bob', 'nominate 1 1');
  await h.ok('alice', 'second 1 2');
  await h.ok('olga', 'nominations close 1');
  await h.ok('olga', 'review approve 1 1');
  await h.ok('olga', 'review approve 1 2');
}

async function refused(h: Harness, member: string, text: string): Promise<string> {
  const r = await h.run(member, text);
  expect(r.kind, `${text}: ${r.reply.body.text}`).not.toBe('ok');
  return r.reply.body.text;
}

describe('lmrda', () => {
  it('refuses a proxy, naming L3, and stores nothing', async () => {
    const h = harness();
    await h.ok('olga', 'create "Local 12 officers" preset=lmrda');
    await h.ok('olga', 'roll add 1 @alice @bob');
    expect(await refused(h, 'alice', 'roll proxy appoint 1 @bob')).toBe(
      'The lmrda rules forbid voting by proxy (rule L3).',
    );
    expect(h.store.state.proxies).toEqual([]);
  });
});

describe('presets that do not provide for proxies', () => {
  for (const preset of ['simple', 'roberts', 'uk-su']) {
    it(`${preset}: refuses a proxy as not provided for by this election's rules`, async () => {
      const h = harness();
      await h.ok('olga', `create "Committee" preset=${preset}`);
      await h.ok('olga', 'roll add 1 @alice @bob');
      expect(await refused(h, 'alice', 'roll proxy appoint 1 @bob')).toBe(
        `This election’s rules (${preset}) do not provide for proxies; only cn-org does (C13).`,
      );
      expect(h.store.state.proxies).toEqual([]);
    });
  }

  it('refuses one without a preset too: Teller’s defaults make no provision for proxies', async () => {
    const h = harness();
    await h.ok('olga', 'create "Committee"');
    await h.ok('olga', 'roll add 1 @alice @bob');
    expect(await refused(h, 'alice', 'roll proxy appoint 1 @bob')).toMatch(/do not provide for proxies/);
  });
});

describe('cn-org (C13)', () => {
  it('appoints, refuses what C13 and the roll forbid, and approves only as an organiser', async () => {
    const h = harness();
    await setUp(h, 'cn-org');
    expect(await refused(h, 'zed', 'roll proxy appoint 1 @dave')).toBe(
      'Only a voter on the roll can appoint a proxy, and you are not on it.',
    );
    expect(await refused(h, 'carol', 'roll proxy appoint 1 @carol')).toBe('You cannot be your own proxy.');
    expect(await refused(h, 'carol', 'roll proxy appoint 1 @zed')).toBe(
      '<@zed> is not an eligible voter on the roll, so cannot be a proxy.',
    );
    expect(await h.ok('carol', 'roll proxy appoint 1 @dave')).toContain(
      'once an organiser approves it (rule C13)',
    );
    expect(await refused(h, 'carol', 'roll proxy appoint 1 @erin')).toMatch(
      /^You already appointed <@dave> as your proxy in election 1\./,
    );
    // no chains: a principal cannot be a proxy, nor a proxy a principal
    expect(await refused(h, 'erin', 'roll proxy appoint 1 @carol')).toBe(
      '<@carol> has a proxy of their own, so cannot vote for anyone else.',
    );
    expect(await refused(h, 'dave', 'roll proxy appoint 1 @gus')).toBe(
      'You vote for others as their proxy, so you cannot appoint a proxy yourself.',
    );
    await h.ok('erin', 'roll proxy appoint 1 @dave');
    // C13: at most 2 principals per proxy by default
    expect(await refused(h, 'fay', 'roll proxy appoint 1 @dave')).toBe(
      '<@dave> already holds 2 principal(s), the most one proxy may (rule C13).',
    );
    // C13: only with the organisers' prior approval
    const notOrganiser = await h.run('carol', 'roll proxy approve 1 @carol');
    expect(notOrganiser.kind).not.toBe('ok');
    expect(h.store.state.proxies.map((a) => a.status)).toEqual(['pending', 'pending']);
    expect(await h.ok('olga', 'roll proxy approve 1 @carol')).toBe('Approved: <@dave> votes for <@carol>.');
    const carol = h.store.state.proxies.find((a) => a.principal === 'carol')!;
    expect(carol).toMatchObject({ proxy: 'dave', status: 'approved', approvedBy: 'olga' });
    expect(await refused(h, 'olga', 'roll proxy approve 1 @fay')).toBe('<@fay> has appointed no proxy.');
    // a rejected appointment is gone: the principal may appoint someone else
    await h.ok('olga', 'roll proxy reject 1 @erin');
    await h.ok('erin', 'roll proxy appoint 1 @bob');
    expect(h.store.state.proxies.find((a) => a.principal === 'erin')).toMatchObject({ proxy: 'bob' });
  });

  it('takes its limit from the election (proxy-limit)', async () => {
    const h = harness();
    await h.ok('olga', 'create "Branch committee" preset=cn-org');
    await h.ok('olga', 'configure 1 proxy-limit=1');
    await h.ok('olga', `roll add 1 ${VOTERS.map((v) => `@${v}`).join(' ')}`);
    await h.ok('carol', 'roll proxy appoint 1 @dave');
    expect(await refused(h, 'erin', 'roll proxy appoint 1 @dave')).toBe(
      '<@dave> already holds 1 principal(s), the most one proxy may (rule C13).',
    );
  });

  it('publishes the list, and the proxy casts each principal’s ballot, which the count includes', async () => {
    const h = harness();
    await setUp(h, 'cn-org');
    await h.ok('carol', 'roll proxy appoint 1 @dave');
    await h.ok('erin', 'roll proxy appoint 1 @dave');
    await h.ok('gus', 'roll proxy appoint 1 @fay');
    await h.ok('olga', 'roll proxy approve 1 @carol');
    await h.ok('olga', 'roll proxy approve 1 @erin');
    // gus's appointment is never approved

    // the list is public: anyone reads it; it names approved proxies only (C13)
    const listed = await h.ok('bob', 'roll proxies 1');
    expect(listed).toBe('<@carol> — by proxy: <@dave>\n<@erin> — by proxy: <@dave>');
    expect(await refused(h, 'bob', 'roll proxies 1 publish=yes')).toBe(
      'Only the organisers post the list of proxies.',
    );
    await h.ok('olga', 'roll proxies 1 publish=yes');
    const posted = h.store.state.outbox.filter((m) => m.body.title?.startsWith('Proxies in election 1'));
    expect(posted).toHaveLength(1);
    expect(posted[0].destination).toMatchObject({ kind: 'channel' });
    expect(posted[0].body.text).toBe(listed);

    await h.ok('olga', 'candidates publish 1');
    h.clock.advance(5 * DAY);
    await h.ok('olga', 'voting open 1');
    // C13: the list is posted again as voting opens, and the proxy's ballot DM names the principals
    const lists = h.store.state.outbox.filter((m) => m.body.title?.startsWith('Proxies in election 1'));
    expect(lists.map((m) => m.body.text)).toEqual([listed, listed]);
    const dm = (member: string) =>
      h.store.state.outbox.find(
        (m) => m.purpose === 'ballot' && (m.destination as { memberId?: string }).memberId === member,
      );
    expect(dm('dave')?.body.text).toContain('You also vote as the proxy of <@carol>, <@erin>');
    expect(dm('alice')?.body.text).not.toContain('proxy');
    // and a principal's DM says their proxy votes for them, and that they do not
    expect(dm('carol')?.body.text).toContain(
      'Your proxy <@dave> votes for you in this election (C13); you do not vote yourself.',
    );

    await h.ok('alice', 'cast 1 1 1:+,2:-');
    await h.ok('bob', 'cast 1 1 1:+,2:0');
    await h.ok('dave', 'cast 1 1 1:+,2:0');
    expect(await h.ok('dave', 'cast 1 1 1:+,2:- for=@carol')).toMatch(
      /^Ballot for <@carol> recorded in Members/,
    );
    // a re-vote by the proxy replaces the principal's ballot, as the principal's own re-vote would
    // (the first, approving both for one seat, would be invalid: C3)
    await h.ok('dave', 'cast 1 1 1:+,2:+ for=@erin');
    expect(await h.ok('dave', 'cast 1 1 1:-,2:+ for=@erin')).toMatch(/^Ballot for <@erin> replaced/);
    // the principal's ballot as a form: it names the principal, and each platform sends `for` back
    const asProxy = await h.run('dave', 'vote 1 1 for=@carol');
    expect(asProxy.kind).toBe('ok');
    expect(asProxy.reply.body.ballot?.for).toBe('carol');
    expect(asProxy.reply.body.ballot?.instructions).toMatch(
      /^You fill in this ballot for <@carol>, as their proxy \(C13\); it replaces the one you cast for them\./,
    );
    expect((await h.run('dave', 'vote 1 1')).reply.body.ballot?.for).toBeUndefined();

    // C13: a principal whose proxy is approved does not vote as well
    expect(await refused(h, 'carol', 'cast 1 1 2:+')).toBe(
      'Your approved proxy <@dave> votes for you in this election, so you cannot vote yourself.',
    );
    expect((await h.run('carol', 'vote 1 1')).kind).not.toBe('ok');
    // an unapproved proxy casts nothing; someone who is not the proxy casts nothing
    expect(await refused(h, 'fay', 'cast 1 1 2:+ for=@gus')).toBe(
      'You are not the approved proxy of <@gus>.',
    );
    expect(await refused(h, 'bob', 'cast 1 1 2:+ for=@carol')).toBe(
      'You are not the approved proxy of <@carol>.',
    );
    // 5 of 7 took part (carol and erin through dave): the round is valid (C1)
    expect(h.store.state.participation.map((p) => p.memberId).sort()).toEqual([
      'alice',
      'bob',
      'carol',
      'dave',
      'erin',
    ]);
    // each receipt DM goes to the voter whose ballot it is: a principal's to the principal, saying their
    // proxy cast it, and the proxy's own stays the proxy's (erin's second cast edits her first DM)
    const receiptDms = h.store.state.outbox.filter((m) => m.purpose === 'receipt');
    const to = (m: (typeof receiptDms)[number]) => (m.destination as { memberId: string }).memberId;
    expect(receiptDms.map(to).sort()).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'erin']);
    const carolReceipt = receiptDms.find((m) => to(m) === 'carol')!;
    expect(carolReceipt.body.text).toMatch(/^Your proxy <@dave> cast your ballot in election 1 /);
    const carolCode = carolReceipt.body.fields?.[0]?.value;
    expect(carolCode).toMatch(/\S/);
    expect(receiptDms.find((m) => to(m) === 'dave')!.body.fields?.[0]?.value).not.toBe(carolCode);
    expect(receiptDms.filter((m) => to(m) === 'erin')[1].body.text).toMatch(
      /^Your proxy <@dave> changed or added to your ballots/,
    );

    await h.ok('olga', 'voting close 1');
    await h.ok('olga', 'count 1');
    const result = h.store.state.results[0].result;
    // by hand: alice for (alice, bob, dave, carol) 4, against (erin) 1; bob for (erin) 1, against
    // (alice, carol) 2, abstain (bob, dave) 2; 5 valid ballots, alice over half
    expect(result.ballots).toMatchObject({ cast: 5, valid: 5 });
    expect(result.opinions).toMatchObject({ for: [4, 1], against: [1, 2], abstain: [0, 2] });
    expect(result.winners).toEqual([0]);
    expect(result.rulings).toBeUndefined();
  });
});
