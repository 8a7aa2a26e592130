// `/election schedule 1` with no times opens the timetable modal on Slack: one field per step that has
// not happened, prefilled with the plan in the organisation's zone; submitting runs election.schedule
// with what was changed, through the same dispatch as typed commands, and answers with the timeline.
// Real Bolt, the fake Slack, the real core.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PastClock } from '../../contract/past-clock.js';
import { waitFor } from './harness.js';
import { startSlackReal, uid, type SlackReal } from './real-core.js';

let s: SlackReal;

interface View {
  callback_id: string;
  title: { text: string };
  private_metadata: string;
  blocks: {
    type: string;
    block_id?: string;
    label?: { text: string };
    text?: { text: string };
    element?: { initial_value?: string; action_id: string };
  }[];
}

beforeEach(async () => {
  s = await startSlackReal(new PastClock('2026-03-01T09:00:00Z'));
  s.fake.users.set(uid('olga'), { id: uid('olga'), name: 'olga', locale: 'en-US', tz: 'Europe/London' });
  s.fake.users.set(uid('alice'), { id: uid('alice'), name: 'alice', locale: 'en-US' });
  for (const line of [
    'timezone Asia/Shanghai',
    'create "Branch committee"',
    'contest add 1 Secretary 1 plurality',
    `roll add 1 <@${uid('alice')}> <@${uid('bob')}>`,
    'schedule 1 nominations-open="2026-03-02 09:00"',
  ]) {
    const ack = await s.type('olga', line);
    expect(ack?.text ?? '', line).not.toMatch(/not possible|needs fixing|Only |went wrong/);
  }
});
afterEach(async () => {
  expect(s.errors).toEqual([]);
  await s.stop();
});

/** type `text` as `member` and wait for the modal it opens */
async function openForm(member: string, text: string): Promise<View> {
  const opened = s.fake.callsOf('views.open').length;
  expect(await s.type(member, text)).toBeUndefined(); // an empty ack: the answer is the modal
  await waitFor(() => s.fake.callsOf('views.open').length > opened);
  const call = s.fake.callsOf('views.open').at(-1)!;
  expect(call.params.trigger_id).toMatch(/^trig-/);
  return call.params.view as View;
}

const inputs = (v: View) => v.blocks.filter((b) => b.type === 'input');
const field = (name: string, value: string) => ({ [name]: { v: { type: 'plain_text_input', value } } });
const lastSchedule = () => s.dispatched.filter((i) => i.command === 'election.schedule').at(-1)!;
const ephemeral = () => String(s.fake.callsOf('chat.postEphemeral').at(-1)?.params.text ?? '');

describe('the schedule form on Slack', () => {
  it('shows every step prefilled with the plan in the organisation’s zone, and submits only what changed', async () => {
    const view = await openForm('olga', 'schedule 1');
    expect(view.callback_id).toBe('schedule');
    expect(view.title.text).toBe('Timetable of election 1');
    expect(view.blocks[0].text!.text).toContain('Times are in Asia/Shanghai');
    expect(inputs(view).map((b) => b.block_id)).toEqual([
      'rollPublish',
      'rollObjectionsClose',
      'nominationsOpen',
      'nominationsClose',
      'candidatesPublish',
      'votingOpen',
      'votingClose',
      'certify',
      'override',
    ]);
    expect(inputs(view).map((b) => b.label!.text)).toContain('Voting closes');
    // typed as 09:00 in Shanghai, shown as 09:00 in Shanghai (01:00 UTC)
    const prefilled = Object.fromEntries(inputs(view).map((b) => [b.block_id, b.element!.initial_value]));
    expect(prefilled).toEqual({
      rollPublish: undefined,
      rollObjectionsClose: undefined,
      nominationsOpen: '2026-03-02 09:00',
      nominationsClose: undefined,
      candidatesPublish: undefined,
      votingOpen: undefined,
      votingClose: undefined,
      certify: undefined,
      override: undefined,
    });
    // the form was offered after the core accepted the command as typed, for the actor from the payload
    expect(lastSchedule()).toMatchObject({ actor: { memberId: uid('olga') }, args: { election: '1' } });

    const before = s.fake.callsOf('chat.postEphemeral').length;
    const ack = await s.submit(
      view as never,
      {
        ...field('nominationsOpen', '2026-03-02 09:00'),
        ...field('votingOpen', '2026-03-10 09:00'),
        ...field('votingClose', '3d'),
      },
      'olga',
    );
    expect(ack).toEqual({ response_action: 'clear' });
    const sent = lastSchedule();
    expect(sent).toMatchObject({ platform: 'slack', platformOrgId: 'T1', actor: { memberId: uid('olga') } });
    expect(sent.command).toBe('election.schedule');
    expect(sent.args).toEqual({ election: '1', votingOpen: '2026-03-10 09:00', votingClose: '3d' });
    // the answer is the timeline, to the organiser alone, in the channel the command was typed in
    await waitFor(() => s.fake.callsOf('chat.postEphemeral').length > before);
    const post = s.fake.callsOf('chat.postEphemeral').at(-1)!.params;
    expect(post).toMatchObject({ channel: 'C1', user: uid('olga') });
    expect(ephemeral()).toContain('Timeline of election 1');
    expect(ephemeral()).toContain('Voting opens: Tue 10 Mar 09:00 GMT+8');
    expect(ephemeral()).toContain('Voting closes: Fri 13 Mar 09:00 GMT+8');

    // opened again, the form shows the new plan
    const again = await openForm('olga', 'schedule #1');
    const now = Object.fromEntries(inputs(again).map((b) => [b.block_id, b.element!.initial_value]));
    expect(now).toMatchObject({ votingOpen: '2026-03-10 09:00', votingClose: '2026-03-13 09:00' });
  });

  it('unplans a step typed as none, and leaves an emptied one as it was', async () => {
    const view = await openForm('olga', 'schedule 1');
    await s.submit(
      view as never,
      { ...field('nominationsOpen', 'none'), ...field('votingClose', '') },
      'olga',
    );
    expect(lastSchedule().args).toEqual({ election: '1', nominationsOpen: 'none' });
    const again = await openForm('olga', 'schedule 1');
    expect(
      inputs(again).find((b) => b.block_id === 'nominationsOpen')!.element!.initial_value,
    ).toBeUndefined();
  });

  it('shows the core’s refusal beside the field it is about, and changes nothing', async () => {
    const view = await openForm('olga', 'schedule 1');
    const ack = await s.submit(view as never, field('votingClose', 'soon'), 'olga');
    expect(ack.response_action).toBe('errors');
    expect(Object.keys(ack.errors)).toEqual(['votingClose']);
    expect(ack.errors.votingClose).toMatch(/Voting closes: “soon” is not a time/);
    const order = await s.submit(
      view as never,
      { ...field('votingOpen', '2026-03-10 09:00'), ...field('votingClose', '2026-03-09 09:00') },
      'olga',
    );
    expect(order.errors).toEqual({ votingClose: 'Voting closes must come after Voting opens.' });
    const again = await openForm('olga', 'schedule 1');
    expect(inputs(again).find((b) => b.block_id === 'votingOpen')!.element!.initial_value).toBeUndefined();
  });

  it('asks for the override reason where a notice period would be cut short, and records it', async () => {
    await s.type('olga', 'configure 1 candidate-notice-days=5');
    const view = await openForm('olga', 'schedule 1');
    const plan = {
      ...field('candidatesPublish', '2026-03-05 09:00'),
      ...field('votingOpen', '2026-03-06 09:00'),
    };
    const short = await s.submit(view as never, plan, 'olga');
    expect(Object.keys(short.errors)).toEqual(['override']);
    expect(short.errors.override).toMatch(/cut the .* short/);
    const ack = await s.submit(view as never, { ...plan, ...field('override', 'agreed at the AGM') }, 'olga');
    expect(ack).toEqual({ response_action: 'clear' });
    expect(lastSchedule().args).toMatchObject({
      override: 'agreed at the AGM',
      votingOpen: '2026-03-06 09:00',
    });
  });

  it('refuses a form whose plan changed while it was open, rather than undo the change', async () => {
    const view = await openForm('olga', 'schedule 1');
    await s.type('olga', 'schedule 1 nominations-open="2026-03-03 09:00"');
    const typed = s.dispatched.length;
    const ack = await s.submit(view as never, field('votingClose', '2026-03-20 09:00'), 'olga');
    expect(ack.response_action).toBe('errors');
    expect(Object.values(ack.errors).join(' ')).toMatch(/changed while this form was open/);
    expect(s.dispatched.slice(typed).some((i) => i.command === 'election.schedule')).toBe(false);
    const again = await openForm('olga', 'schedule 1');
    expect(inputs(again).find((b) => b.block_id === 'nominationsOpen')!.element!.initial_value).toBe(
      '2026-03-03 09:00',
    );
  });

  it('leaves out the steps that have happened', async () => {
    await s.type('olga', 'nominations open 1 override="early start"');
    const view = await openForm('olga', 'schedule 1');
    expect(inputs(view).map((b) => b.block_id)).not.toContain('nominationsOpen');
    expect(inputs(view).map((b) => b.block_id)).toContain('nominationsClose');
    expect(view.blocks[0].text!.text).toContain('Steps that have already happened are not shown');
  });

  it('opens for nobody the core would refuse, and says why as a typed command does', async () => {
    const responses = s.fake.responses.length;
    expect(await s.type('alice', 'schedule 1')).toBeUndefined();
    await waitFor(() => s.fake.responses.length > responses);
    expect(String(s.fake.responses.at(-1)!.body.text)).toMatch(/Only the election's organisers/);
    expect(s.fake.callsOf('views.open')).toHaveLength(0);
    // an election that does not exist is the core's to refuse too
    await s.type('olga', 'schedule 9');
    await waitFor(() => s.fake.responses.length > responses + 1);
    expect(String(s.fake.responses.at(-1)!.body.text)).toMatch(/no election 9|There is no/i);
    expect(s.fake.callsOf('views.open')).toHaveLength(0);
  });

  it('typed alone, asks for the election first, then becomes the timetable form', async () => {
    const first = await openForm('olga', 'schedule');
    expect(first.callback_id).toBe('form');
    expect(inputs(first).map((b) => b.block_id)).toEqual(['election']);
    const ack = await s.submit(first as never, field('election', '1'), 'olga');
    expect(ack.response_action).toBe('update');
    const view = ack.view as View;
    expect(view.callback_id).toBe('schedule');
    expect(inputs(view).find((b) => b.block_id === 'nominationsOpen')!.element!.initial_value).toBe(
      '2026-03-02 09:00',
    );
    expect(await s.submit(view as never, field('votingClose', '2026-03-20 09:00'), 'olga')).toEqual({
      response_action: 'clear',
    });
    expect(lastSchedule().args).toEqual({ election: '1', votingClose: '2026-03-20 09:00' });
    // a member the core refuses is told beside the election field, and gets no timetable
    const theirs = await openForm('alice', 'schedule');
    const refused = await s.submit(theirs as never, field('election', '1'), 'alice');
    expect(refused.response_action).toBe('errors');
    expect(refused.errors.election).toMatch(/Only the election's organisers/);
  });

  it('is in the organiser’s language', async () => {
    s.fake.users.set(uid('mei'), { id: uid('mei'), name: 'mei', locale: 'zh-CN', tz: 'Asia/Shanghai' });
    await s.type('olga', `organiser add 1 <@${uid('mei')}>`);
    const view = await openForm('mei', 'schedule 1');
    expect(view.title.text).toBe('选举 1 的日程');
    expect(inputs(view).map((b) => b.label!.text)).toContain('投票截止');
    expect(view.blocks[0].text!.text).toContain('时间按 Asia/Shanghai');
  });
});
