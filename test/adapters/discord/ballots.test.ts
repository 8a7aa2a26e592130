// Private ballots: the DM's Vote button opens an ephemeral ballot; picks live on the server; the
// cast answer is the receipt and never the choices; mistakes are shown inline and record nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Who } from '../../fakes/discord/interactions.js';
import { ballotDm, sendDm, Voter } from './ballot-steps.js';
import { createDiscordAdapter } from '../../../adapters/discord/index.js';
import { CHANNEL, GUILD, silentLogger, startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
const ALICE = '300000000000000011';
const BOB = '300000000000000012';

function dmWho(discord: Harness['discord'], userId: string, locale?: string): Who {
  return { userId, channelId: discord.dmChannels.get(userId) ?? 'unknown', locale };
}

const text = (m: { embeds: any[]; content?: string; components: any[] }) =>
  JSON.stringify([m.content ?? '', m.embeds]);

describe('ballots by DM', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.core.addElection({
      number: '3',
      title: 'Board 2026',
      kind: 'ranking',
      candidates: ['Ana', 'Bo', 'Cy'],
      roll: new Set([ALICE]),
    });
  });
  afterEach(() => h.stop());

  it('ranks one preference at a time and answers with the receipt only', async () => {
    const dm = await sendDm(h.discord, ballotDm(ALICE, '3'));
    expect(dm.components[0].components[0].custom_id).toBe(`ballot.get:election=3;g=${GUILD}`);
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));

    let { cb, message } = await alice.press(dm, 'ballot.get');
    expect(cb.type).toBe(4);
    expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const dispatched = h.core.invocations.at(-1)!;
    expect(dispatched).toMatchObject({
      command: 'ballot.get',
      platformOrgId: GUILD,
      args: { election: '3' },
      actor: { memberId: ALICE },
    });

    ({ message } = await alice.pick(message, 'discord.ballot:op=rank', ['2']));
    ({ message } = await alice.pick(message, 'discord.ballot:op=rank', ['3']));
    // the next rank offers only who is left
    const next = message.components[0].components[0];
    expect(next.options.map((o: any) => o.value)).toEqual(['1']);
    ({ cb, message } = await alice.press(message, 'discord.ballot:op=submit'));
    expect(cb.type).toBe(7);
    expect(h.core.byNumber.get('3')!.ballots.get(ALICE)).toBe('2>3');
    expect(text(message)).toMatch(/Receipt: R-0001/);
    // the final state of the message holds no choice: no candidate names, no ballot controls
    expect(text(message)).not.toMatch(/Bo|Cy|Ana/);
    expect(message.components).toEqual([]);
    // nothing about the ballot went into the DM channel itself
    expect(h.discord.dmsTo(ALICE)).toHaveLength(1);
  });

  it('someone not on the roll is told so and nothing is recorded', async () => {
    await sendDm(h.discord, ballotDm(BOB, '3'));
    const bob = new Voter(h.discord, dmWho(h.discord, BOB));
    const { cb } = await bob.press(h.discord.dmsTo(BOB)[0], 'ballot.get');
    expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.data.embeds[0].description).toMatch(/not on the roll/);
    expect(cb.data.components ?? []).toEqual([]);
    expect(h.core.byNumber.get('3')!.ballots.size).toBe(0);
  });

  it('shows a refused ballot inline and keeps the draft to fix; typed rankings go through the modal', async () => {
    const dm = await sendDm(h.discord, ballotDm(ALICE, '3'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    const typeButton = (await alice.press(message, 'discord.ballot:op=typed')).cb;
    expect(typeButton.type).toBe(9);
    const modalId = typeButton.data.custom_id;
    const refused = await alice.submitModal(message, modalId, { ranking: '2 2' });
    message = refused.message;
    expect(refused.cb.type).toBe(7);
    expect(message.embeds[0].description).toMatch(/appears twice/);
    expect(h.core.byNumber.get('3')!.ballots.size).toBe(0);
    ({ message } = await alice.submitModal(message, modalId, { ranking: '3, 1 2' }));
    expect(h.core.byNumber.get('3')!.ballots.get(ALICE)).toBe('3>1>2');
    expect(text(message)).toMatch(/Receipt/);
  });

  it('voting again replaces the earlier ballot and keeps the receipt', async () => {
    const dm = await sendDm(h.discord, ballotDm(ALICE, '3'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    for (const first of ['1', '2']) {
      let { message } = await alice.press(dm, 'ballot.get');
      ({ message } = await alice.pick(message, 'discord.ballot:op=rank', [first]));
      ({ message } = await alice.press(message, 'discord.ballot:op=submit'));
      expect(text(message)).toMatch(/Receipt: R-0001/);
    }
    const e = h.core.byNumber.get('3')!;
    expect([...e.ballots.entries()]).toEqual([[ALICE, '2']]);
  });

  it("a proxy's ballot is cast for the principal the form names (C13)", async () => {
    h.core.byNumber.get('3')!.proxyFor = BOB;
    const dm = await sendDm(h.discord, ballotDm(ALICE, '3'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    ({ message } = await alice.pick(message, 'discord.ballot:op=rank', ['2']));
    await alice.press(message, 'discord.ballot:op=submit');
    const cast = h.core.invocations.filter((i) => i.command === 'ballot.cast');
    expect(cast.map((i) => i.args)).toEqual([{ election: '3', contest: '1', choices: '2', for: BOB }]);
    expect(cast[0].actor.memberId).toBe(ALICE);
  });

  it('offers a member picker where the ballot takes write-ins (R5, C4), and casts them beside the marks', async () => {
    h.core.addElection({
      number: '4',
      title: 'Chair 2026',
      kind: 'marks',
      candidates: ['Ana', 'Bo'],
      roll: new Set([ALICE]),
      writeIns: 1,
    });
    const dm = await sendDm(h.discord, ballotDm(ALICE, '4'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    const picker = message.components.flatMap((row: any) => row.components).find((c: any) => c.type === 5);
    expect(picker).toMatchObject({ min_values: 0, max_values: 1 });
    ({ message } = await alice.pickUsers(message, 'discord.ballot:op=writein', [BOB]));
    // the pick stays shown on the redrawn ballot
    const redrawn = message.components.flatMap((row: any) => row.components).find((c: any) => c.type === 5);
    expect(redrawn.default_values).toEqual([{ id: BOB, type: 'user' }]);
    await alice.press(message, 'discord.ballot:op=submit');
    const cast = h.core.invocations.filter((i) => i.command === 'ballot.cast');
    expect(cast.map((i) => i.args)).toEqual([{ election: '4', contest: '1', choices: '', writeIn: [BOB] }]);
  });

  it('start over clears the draft; submit is disabled until a rank is chosen', async () => {
    const dm = await sendDm(h.discord, ballotDm(ALICE, '3'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    const submit = () =>
      message.components.at(-1).components.find((c: any) => c.custom_id.includes('op=submit'));
    expect(submit().disabled).toBe(true);
    ({ message } = await alice.pick(message, 'discord.ballot:op=rank', ['1']));
    expect(submit().disabled).toBe(false);
    ({ message } = await alice.press(message, 'discord.ballot:op=reset'));
    expect(submit().disabled).toBe(true);
    expect(message.components[0].components[0].options).toHaveLength(3);
  });

  it('a draft lost to a restart is fetched afresh instead of casting a guess', async () => {
    const dm = await sendDm(h.discord, ballotDm(ALICE, '3'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    ({ message } = await alice.pick(message, 'discord.ballot:op=rank', ['1']));
    // a new process: same core and Discord, empty draft store
    await h.bot.stop();
    const restarted = createDiscordAdapter({
      core: h.core,
      deliveryQueue: h.delivery,
      platformState: h.platformState,
      delivery: false,
      logger: silentLogger,
      config: { token: 't', applicationId: h.discord.applicationId, apiUrl: h.discord.apiUrl },
    });
    await restarted.start();
    try {
      const pressed = await alice.press(message, 'discord.ballot:op=submit');
      message = pressed.message;
      expect(pressed.cb.type).toBe(7);
      expect(h.core.byNumber.get('3')!.ballots.has(ALICE)).toBe(false);
      expect(message.components[0].components[0].options).toHaveLength(3); // a fresh ballot
      expect(h.core.invocations.at(-1)).toMatchObject({
        command: 'ballot.get',
        args: { election: '3', contest: '1' },
      });
    } finally {
      await restarted.stop();
    }
  });
});

describe('pressing Cast more than once', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    h.core.addElection({
      number: '3',
      title: 'Board 2026',
      kind: 'ranking',
      candidates: ['Ana', 'Bo', 'Cy'],
      roll: new Set([ALICE]),
    });
  });
  afterEach(() => h.stop());

  const casts = () => h.core.invocations.filter((i) => i.command === 'ballot.cast').length;

  async function filledBallot() {
    const dm = await sendDm(h.discord, ballotDm(ALICE, '3'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    ({ message } = await alice.pick(message, 'discord.ballot:op=rank', ['2']));
    return { alice, ballot: structuredClone(message) };
  }

  it('a second press after the first was recorded leaves the receipt on screen, not a fresh ballot', async () => {
    const { alice, ballot } = await filledBallot();
    const first = await alice.press(ballot, 'discord.ballot:op=submit');
    expect(text(first.message)).toMatch(/Receipt: R-0001/);
    // the button was still on the voter's screen and was pressed again
    const again = await alice.press(ballot, 'discord.ballot:op=submit');
    expect(again.cb.type).toBe(7);
    const final = h.discord.messages.get(ballot.id)!;
    expect(text(final)).toMatch(/Receipt: R-0001/);
    expect(final.components).toEqual([]);
    expect(text(final)).not.toMatch(/Ana|Bo|Cy/);
    expect(casts()).toBe(1);
    expect(h.core.byNumber.get('3')!.ballots.get(ALICE)).toBe('2');
  });

  it('presses while the cast is still being recorded wait for it and show the same receipt', async () => {
    const { alice, ballot } = await filledBallot();
    h.core.castDelayMs = 150;
    const presses = await Promise.all([1, 2, 3].map(() => alice.press(ballot, 'discord.ballot:op=submit')));
    expect(presses.every((p) => p.cb.type === 7 && JSON.stringify(p.cb.data.embeds).includes('R-0001'))).toBe(
      true,
    );
    const final = h.discord.messages.get(ballot.id)!;
    expect(text(final)).toMatch(/Receipt: R-0001/);
    expect(final.components).toEqual([]);
    expect(casts()).toBe(1);
  });

  it('any other control of the cast ballot shows the receipt too; Vote again opens a new ballot', async () => {
    const { alice, ballot } = await filledBallot();
    await alice.press(ballot, 'discord.ballot:op=submit');
    await alice.press(ballot, 'discord.ballot:op=reset');
    expect(text(h.discord.messages.get(ballot.id)!)).toMatch(/Receipt: R-0001/);
    // a deliberate re-vote starts from the DM's Vote button, as a new message
    const dm = h.discord.dmsTo(ALICE)[0];
    let { message } = await alice.press(dm, 'ballot.get');
    expect(message.id).not.toBe(ballot.id);
    ({ message } = await alice.pick(message, 'discord.ballot:op=rank', ['3']));
    ({ message } = await alice.press(message, 'discord.ballot:op=submit'));
    expect(h.core.byNumber.get('3')!.ballots.get(ALICE)).toBe('3');
    expect(casts()).toBe(2);
  });
});

describe('other ballot kinds and the channel button', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  it('marks: choose in a select menu, then cast', async () => {
    h.core.addElection({
      number: '5',
      title: 'Secretary',
      kind: 'marks',
      candidates: ['Ana', 'Bo'],
      roll: new Set([ALICE]),
    });
    const dm = await sendDm(h.discord, ballotDm(ALICE, '5'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    const select = message.components[0].components[0];
    expect(select).toMatchObject({ type: 3, max_values: 1 });
    ({ message } = await alice.pick(message, 'discord.ballot:op=marks', ['2']));
    expect(message.components[0].components[0].options.find((o: any) => o.value === '2').default).toBe(true);
    ({ message } = await alice.press(message, 'discord.ballot:op=submit'));
    expect(h.core.byNumber.get('5')!.ballots.get(ALICE)).toBe('2');
  });

  it('scores: one candidate at a time, with skip', async () => {
    h.core.addElection({
      number: '6',
      title: 'Awards',
      kind: 'scores',
      candidates: ['Ana', 'Bo', 'Cy'],
      roll: new Set([ALICE]),
    });
    const dm = await sendDm(h.discord, ballotDm(ALICE, '6'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE, 'zh-CN'));
    let { message } = await alice.press(dm, 'ballot.get');
    expect(message.components[0].components[0].placeholder).toBe('给 Ana 评分');
    ({ message } = await alice.pick(message, 'discord.ballot:op=score', ['4']));
    ({ message } = await alice.press(message, 'discord.ballot:op=skip'));
    ({ message } = await alice.pick(message, 'discord.ballot:op=score', ['0']));
    expect(message.embeds[0].description).toMatch(/已完成/);
    ({ message } = await alice.press(message, 'discord.ballot:op=submit'));
    expect(h.core.byNumber.get('6')!.ballots.get(ALICE)).toBe('1=4,3=0');
  });

  it('criteria: a score per candidate and criterion, in criteria order', async () => {
    h.core.addElection({
      number: '9',
      title: 'Grants',
      kind: 'criteria',
      candidates: ['Ana', 'Bo'],
      roll: new Set([ALICE]),
    });
    const dm = await sendDm(h.discord, ballotDm(ALICE, '9'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    expect(message.components[0].components[0].placeholder).toBe('Ana: Vision');
    expect(message.components[0].components[0].options.map((o: any) => o.value)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
    ]);
    for (const score of ['5', '4', '2', '3'])
      ({ message } = await alice.pick(message, 'discord.ballot:op=score', [score]));
    ({ message } = await alice.press(message, 'discord.ballot:op=submit'));
    expect(h.core.byNumber.get('9')!.ballots.get(ALICE)).toBe('1=5/4,2=2/3');
  });

  it('opinions: approve and oppose selects exclude each other', async () => {
    h.core.addElection({
      number: '10',
      title: 'Motion',
      kind: 'opinions',
      candidates: ['Ana', 'Bo', 'Cy'],
      roll: new Set([ALICE]),
    });
    const dm = await sendDm(h.discord, ballotDm(ALICE, '10'));
    const alice = new Voter(h.discord, dmWho(h.discord, ALICE));
    let { message } = await alice.press(dm, 'ballot.get');
    ({ message } = await alice.pick(message, 'discord.ballot:op=approve', ['1', '3']));
    expect(message.components[1].components[0].options.map((o: any) => o.value)).toEqual(['2']);
    ({ message } = await alice.pick(message, 'discord.ballot:op=oppose', ['2']));
    ({ message } = await alice.press(message, 'discord.ballot:op=submit'));
    expect(h.core.byNumber.get('10')!.ballots.get(ALICE)).toBe('1:+,3:+,2:-');
  });

  it('the Vote button on a channel post opens the same ballot ephemerally', async () => {
    h.core.addElection({
      number: '7',
      title: 'Chair',
      kind: 'marks',
      candidates: ['Ana', 'Bo'],
      roll: new Set([BOB]),
    });
    const post = await sendDm(h.discord, {
      ...ballotDm(BOB, '7'),
      destination: { kind: 'channel', channelId: CHANNEL },
    });
    expect(post.channelId).toBe(CHANNEL);
    const bob = new Voter(h.discord, { userId: BOB, guildId: GUILD, channelId: CHANNEL });
    let { cb, message } = await bob.press(post, 'ballot.get');
    expect(cb.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    ({ message } = await bob.pick(message, 'discord.ballot:op=marks', ['1']));
    ({ cb, message } = await bob.press(message, 'discord.ballot:op=submit'));
    expect(h.core.byNumber.get('7')!.ballots.get(BOB)).toBe('1');
    expect(h.discord.messagesIn(CHANNEL)).toHaveLength(1); // nothing public besides the notice
  });
});

describe('member-written text on a ballot', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  it('escapes markdown and @everyone in candidate names, and keeps select labels plain', async () => {
    h.core.addElection({
      number: '8',
      title: 'Chair',
      kind: 'marks',
      candidates: ['**Bold** @everyone', '张三'],
      roll: new Set([ALICE]),
    });
    const dm = await sendDm(h.discord, ballotDm(ALICE, '8'));
    const { message } = await new Voter(h.discord, dmWho(h.discord, ALICE)).press(dm, 'ballot.get');
    expect(message.embeds[0].description).toContain('\\*\\*Bold\\*\\* @\u200beveryone');
    expect(message.embeds[0].description).toContain('**2.** 张三');
    expect(message.components[0].components[0].options.map((o: any) => o.label)).toEqual([
      '**Bold** @everyone',
      '张三',
    ]);
  });
});
