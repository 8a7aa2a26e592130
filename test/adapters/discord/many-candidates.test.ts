// Every candidate can be chosen on every ballot, however many stand (issue 9: the select was cut to 25
// from each voter's shuffled order, so a different five of thirty were missing for each voter). The
// fake Discord refuses what Discord would refuse (more than 25 options a select, 5 rows a message).
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeMessage } from '../../fakes/discord/fake-discord.js';
import { findComponent } from '../../fakes/discord/interactions.js';
import type { Voter } from './ballot-steps.js';
import { textOf } from './discord-driver.js';
import { electionInVoting, ok, startRealCore, type RealCore } from './real-core.js';

const names = (n: number) => Array.from({ length: n }, (_, i) => `cand${String(i + 1).padStart(3, '0')}`);

/** every select of a message with its options' values */
function selects(m: FakeMessage): { id: string; values: string[]; max: number }[] {
  return m.components.flatMap((row: any) =>
    row.components
      .filter((c: any) => c.type === 3)
      .map((c: any) => ({
        id: c.custom_id as string,
        values: c.options.map((o: any) => o.value as string),
        max: c.max_values as number,
      })),
  );
}

/** walk every page of the ballot from the first, collecting what each select offers */
async function everyPage(
  voter: Voter,
  first: FakeMessage,
): Promise<{ pages: FakeMessage[]; offered: string[] }> {
  const pages = [first];
  let m = first;
  while (findComponent(m, 'discord.ballot:op=next') && !findComponent(m, 'discord.ballot:op=next').disabled) {
    ({ message: m } = await voter.press(m, 'discord.ballot:op=next'));
    pages.push(structuredClone(m));
    if (pages.length > 20) throw new Error('pages never end');
  }
  return { pages, offered: pages.flatMap((p) => selects(p).flatMap((s) => s.values)) };
}

/** press Previous until the first page */
async function backToFirst(voter: Voter, m: FakeMessage): Promise<FakeMessage> {
  while (!findComponent(m, 'discord.ballot:op=prev').disabled)
    ({ message: m } = await voter.press(m, 'discord.ballot:op=prev'));
  return m;
}

/** the select on this page that offers candidate `n` */
function selectWith(m: FakeMessage, op: string, n: number): string {
  const s = selects(m).find(
    (x) => x.id.startsWith(`discord.ballot:op=${op}`) && x.values.includes(String(n)),
  );
  if (!s) throw new Error(`no ${op} select offers ${n} on this page`);
  return s.id;
}

const all = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1)).sort();

describe('ballots with more than 25 candidates', () => {
  let rc: RealCore;
  afterEach(() => rc.stop());

  async function openBallot(
    n: number,
    method: string,
    order: 'shuffled' | 'fixed' = 'shuffled',
    voters = ['vic', 'wes'],
  ) {
    rc = await startRealCore();
    await electionInVoting(rc, { candidates: names(n), voters, method, order });
    await rc.deliver();
    const vic = rc.voterInDm('vic');
    const { message } = await vic.press(rc.driver.ballotDms('vic').at(-1)!, 'ballot.get');
    return { vic, message };
  }

  it('30 candidates in a shuffled ranked ballot: every voter can choose every one', async () => {
    const { vic, message } = await openBallot(30, 'irv');
    // all thirty in two selects of one page, each within Discord's 25
    expect(selects(message).map((s) => s.values.length)).toEqual([25, 5]);
    expect(
      selects(message)
        .flatMap((s) => s.values)
        .sort(),
    ).toEqual(all(30));
    // so does the other voter, whose order is their own
    const wes = rc.voterInDm('wes');
    const other = (await wes.press(rc.driver.ballotDms('wes').at(-1)!, 'ballot.get')).message;
    expect(
      selects(other)
        .flatMap((s) => s.values)
        .sort(),
    ).toEqual(all(30));

    // rank the one listed last (beyond the old cut at 25) first, then one from the first select
    const last = Number(selects(message)[1].values.at(-1));
    let m = (await vic.pick(message, selectWith(message, 'rank', last), [String(last)])).message;
    expect(selects(m).flatMap((s) => s.values)).not.toContain(String(last));
    const next = Number(selects(m)[0].values[0]);
    m = (await vic.pick(m, selectWith(m, 'rank', next), [String(next)])).message;
    m = (await vic.press(m, 'discord.ballot:op=submit')).message;
    expect(textOf({ data: m })).toMatch(/Your ballot for Chair is recorded/);
    await ok(rc, 'olga', 'voting close 1');
    const published = await rc.type('olga', 'voting ballots 1');
    expect(JSON.stringify(published.reply.body.fields)).toContain(`${last}>${next}`);
    expect(rc.discord.rejected).toEqual([]);
  });

  it('30 candidates, single choice: a mark in the second select replaces one in the first', async () => {
    const { vic, message } = await openBallot(30, 'plurality', 'fixed');
    expect(selects(message).map((s) => [s.values.length, s.max])).toEqual([
      [25, 1],
      [5, 1],
    ]);
    let m = (await vic.pick(message, selectWith(message, 'marks', 3), ['3'])).message;
    m = (await vic.pick(m, selectWith(m, 'marks', 30), ['30'])).message;
    expect(textOf({ data: m })).toMatch(/Marked so far: Cand030/);
    m = (await vic.press(m, 'discord.ballot:op=submit')).message;
    expect(textOf({ data: m })).toMatch(/recorded/);
    await ok(rc, 'olga', 'voting close 1');
    const published = await rc.type('olga', 'voting ballots 1');
    expect(published.reply.body.fields?.[1].value).toBe('30');
    expect(rc.discord.rejected).toEqual([]);
  });

  it('a large list pages through four selects at a time; picks on every page count', async () => {
    const { vic, message } = await openBallot(130, 'approval');
    const { pages, offered } = await everyPage(vic, message);
    expect(pages).toHaveLength(2);
    expect(pages.map((p) => selects(p).length)).toEqual([4, 2]);
    expect(offered.sort()).toEqual(all(130));
    expect(pages.every((p) => p.components.length <= 5)).toBe(true);
    expect(textOf({ data: pages[1] })).toMatch(/Candidates 101–130 of 130 \(page 2 of 2\)/);

    // one mark on the second page, one on the first: both are kept
    let m = pages[1];
    const late = Number(selects(m)[1].values[2]);
    m = (await vic.pick(m, selectWith(m, 'marks', late), [String(late)])).message;
    m = await backToFirst(vic, m);
    const early = Number(selects(m)[0].values[0]);
    m = (await vic.pick(m, selectWith(m, 'marks', early), [String(early)])).message;
    m = (await vic.press(m, 'discord.ballot:op=submit')).message;
    expect(textOf({ data: m })).toMatch(/recorded/);
    await ok(rc, 'olga', 'voting close 1');
    const published = await rc.type('olga', 'voting ballots 1');
    expect(published.reply.body.fields?.[1].value).toBe([early, late].sort((a, b) => a - b).join(','));
    expect(rc.discord.rejected).toEqual([]);
  });

  it('a large ranked list: a candidate from the last page can be ranked first', async () => {
    const { vic, message } = await openBallot(130, 'irv');
    const { pages, offered } = await everyPage(vic, message);
    expect(offered.sort()).toEqual(all(130));
    let m = pages.at(-1)!;
    const lastListed = Number(selects(m).at(-1)!.values.at(-1));
    m = (await vic.pick(m, selectWith(m, 'rank', lastListed), [String(lastListed)])).message;
    m = await backToFirst(vic, m);
    const second = Number(selects(m)[0].values[0]);
    m = (await vic.pick(m, selectWith(m, 'rank', second), [String(second)])).message;
    m = (await vic.press(m, 'discord.ballot:op=submit')).message;
    expect(textOf({ data: m })).toMatch(/recorded/);
    await ok(rc, 'olga', 'voting close 1');
    const published = await rc.type('olga', 'voting ballots 1');
    expect(published.reply.body.fields?.[1].value).toBe(`${lastListed}>${second}`);
    expect(rc.discord.rejected).toEqual([]);
  });

  it('approve / oppose with 60 candidates: two selects per share, two shares a page', async () => {
    const { vic, message } = await openBallot(60, 'approve-oppose', 'fixed');
    const { pages, offered } = await everyPage(vic, message);
    expect(pages.map((p) => selects(p).length)).toEqual([4, 2]);
    // each candidate offered twice: once to approve, once to oppose
    expect(offered.sort()).toEqual([...all(60), ...all(60)].sort());
    let m = pages[1];
    m = (await vic.pick(m, selectWith(m, 'approve', 55), ['55'])).message;
    m = await backToFirst(vic, m);
    m = (await vic.pick(m, selectWith(m, 'oppose', 2), ['2'])).message;
    expect(textOf({ data: m })).toMatch(/Approve: Cand055\nOppose: Cand002/);
    m = (await vic.press(m, 'discord.ballot:op=submit')).message;
    expect(textOf({ data: m })).toMatch(/recorded/);
    await ok(rc, 'olga', 'voting close 1');
    const published = await rc.type('olga', 'voting ballots 1');
    expect(published.reply.body.fields?.[1].value).toBe('2:-,55:+');
    expect(rc.discord.rejected).toEqual([]);
  });
});
