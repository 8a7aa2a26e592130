import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BallotForm, DispatchResult } from '../../../src/core/index.js';
import { buttonPayload, startHttp, submission, waitFor, type Harness } from './harness.js';
import { ok } from '../../fakes/slack/fake-core.js';

const ranked: BallotForm = {
  election: '3',
  electionTitle: 'Board 2026',
  contest: '1',
  contestName: 'Chair',
  kind: 'ranking',
  options: [
    { number: 2, name: 'Bob' },
    { number: 1, name: '王小明' },
    { number: 3, name: 'Carol' },
  ],
  minChoices: 1,
  maxChoices: 3,
  allowBlank: false,
  instructions: 'Rank the candidates',
};

let h: Harness;
beforeEach(async () => {
  h = await startHttp();
});
afterEach(async () => h.stop());

function ballotResult(form: BallotForm): DispatchResult {
  return ok('Your ballot', 'only-you', { ballot: form });
}

async function openViaButton(form: BallotForm): Promise<Record<string, unknown>> {
  h.core.handler = (inv) => (inv.command === 'ballot.get' ? ballotResult(form) : ok('?'));
  const res = await h.interact(buttonPayload(h.fake, 'ballot.get:election=3'));
  expect(res.status).toBe(200);
  await waitFor(() => h.fake.callsOf('views.open').length > 0);
  return h.fake.callsOf('views.open')[0].params.view as Record<string, unknown>;
}

describe('ballot by DM button and modal', () => {
  it('opens the ballot modal from the Vote button with the presser as actor', async () => {
    const view = await openViaButton(ranked);
    expect(h.core.invocations[0]).toMatchObject({
      command: 'ballot.get',
      args: { election: '3' },
      actor: { memberId: 'U1' },
    });
    expect(view.callback_id).toBe('ballot.cast');
    const blocks = view.blocks as { block_id?: string; element?: { options: { value: string }[] } }[];
    const rankBlocks = blocks.filter((b) => b.block_id?.startsWith('rank-'));
    expect(rankBlocks.map((b) => b.block_id)).toEqual(['rank-1', 'rank-2', 'rank-3']);
    // the voter's shuffled order is kept, values are canonical numbers
    expect(rankBlocks[0].element!.options.map((o) => o.value)).toEqual(['2', '1', '3']);
  });

  it('refuses a repeated candidate inline without dispatching ballot.cast', async () => {
    const view = await openViaButton(ranked);
    const values = {
      'rank-1': { v: { selected_option: { value: '2' } } },
      'rank-2': { v: { selected_option: { value: '2' } } },
    };
    const res = await h.interact(submission(view, values));
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['rank-2']);
    expect(body.errors['rank-2']).toContain('1');
    expect(h.core.invocations.filter((i) => i.command === 'ballot.cast')).toHaveLength(0);
  });

  it('casts with the ranking syntax and shows "recorded" with the receipt only; the receipt DM is the core\'s, not the adapter\'s', async () => {
    const view = await openViaButton(ranked);
    h.core.handler = () => ok('Ballot recorded. Receipt: K7Q-2MX', 'only-you');
    const values = {
      'rank-1': { v: { selected_option: { value: '3' } } },
      'rank-2': { v: { selected_option: { value: '1' } } },
      'rank-3': { v: { selected_option: null } },
    };
    const res = await h.interact(submission(view, values));
    const body = (await res.json()) as {
      response_action: string;
      view: { blocks: { text?: { text: string } }[] };
    };
    expect(body.response_action).toBe('update');
    const cast = h.core.invocations.find((i) => i.command === 'ballot.cast')!;
    expect(cast.args).toEqual({ election: '3', contest: '1', choices: '3>1' });
    expect(cast.actor.memberId).toBe('U1');
    expect(JSON.stringify(body.view.blocks)).toContain('Ballot recorded. Receipt: K7Q-2MX');
    // the core queues the receipt DM with the cast, for every platform (issue 9); a second, direct DM
    // from the adapter would be a copy
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
    expect(h.fake.callsOf('conversations.open')).toHaveLength(0);
  });

  it("casts a proxy's ballot for the principal the form names (C13)", async () => {
    const view = await openViaButton({ ...ranked, for: 'U9' });
    h.core.handler = () => ok('Ballot for <@U9> recorded in Chair. Their receipt: K7Q-2MX', 'only-you');
    const res = await h.interact(submission(view, { 'rank-1': { v: { selected_option: { value: '3' } } } }));
    expect(((await res.json()) as { response_action: string }).response_action).toBe('update');
    const cast = h.core.invocations.filter((i) => i.command === 'ballot.cast');
    expect(cast.map((i) => i.args)).toEqual([{ election: '3', contest: '1', choices: '3', for: 'U9' }]);
    expect(cast[0].actor.memberId).toBe('U1');
  });

  it('offers a member picker where the contest takes write-ins (R5, C4), and casts them beside the choices', async () => {
    const approve: BallotForm = {
      ...ranked,
      kind: 'opinions',
      minChoices: 0,
      maxChoices: 3,
      allowBlank: true,
      writeIns: 2,
    };
    const view = await openViaButton(approve);
    const blocks = view.blocks as {
      block_id?: string;
      element?: { type: string; max_selected_items?: number };
    }[];
    const picker = blocks.find((b) => b.block_id === 'write-in');
    expect(picker?.element).toMatchObject({ type: 'multi_users_select', max_selected_items: 2 });
    h.core.handler = () => ok('Ballot recorded. Receipt: K7Q-2MX', 'only-you');
    const res = await h.interact(
      submission(view, {
        'cand-2': { v: { selected_option: { value: '-' } } },
        'write-in': { v: { selected_users: ['U7', 'U8'] } },
      }),
    );
    expect(((await res.json()) as { response_action: string }).response_action).toBe('update');
    const cast = h.core.invocations.filter((i) => i.command === 'ballot.cast');
    expect(cast.map((i) => i.args)).toEqual([
      { election: '3', contest: '1', choices: '2:-,1:0,3:0', writeIn: ['U7', 'U8'] },
    ]);
  });

  it('refuses more write-ins than the ballot takes beside the picker, casting nothing', async () => {
    const view = await openViaButton({
      ...ranked,
      kind: 'marks',
      maxChoices: 1,
      minChoices: 0,
      allowBlank: true,
      writeIns: 1,
    });
    const res = await h.interact(
      submission(view, {
        marks: { v: { selected_option: { value: '2' } } },
        'write-in': { v: { selected_users: ['U7'] } },
      }),
    );
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(['marks']);
    expect(h.core.invocations.filter((i) => i.command === 'ballot.cast')).toHaveLength(0);
  });

  it('shows a core domain error inline in the modal', async () => {
    const view = await openViaButton(ranked);
    h.core.handler = () => ({
      kind: 'domain-error',
      code: 'ballot.voting_closed',
      reply: { visibility: 'only-you', body: { text: 'Voting has closed' } },
    });
    const res = await h.interact(submission(view, { 'rank-1': { v: { selected_option: { value: '3' } } } }));
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body).toEqual({ response_action: 'errors', errors: { 'rank-1': 'Voting has closed' } });
    expect(h.fake.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('tells someone not on the roll, opens no modal and records nothing', async () => {
    h.core.handler = () => ({
      kind: 'domain-error',
      code: 'ballot.not_on_roll',
      reply: { visibility: 'only-you', body: { text: 'You are not on the roll for election 3' } },
    });
    await h.interact(buttonPayload(h.fake, 'ballot.get:election=3', 'U9'));
    await waitFor(() => h.fake.responses.length > 0);
    expect(h.fake.responses[0].body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'You are not on the roll for election 3',
    });
    expect(h.fake.callsOf('views.open')).toHaveLength(0);
    expect(h.core.invocations.map((i) => i.command)).toEqual(['ballot.get']);
  });

  it('checks the checkbox limit for block votes before dispatching', async () => {
    const block: BallotForm = { ...ranked, kind: 'marks', minChoices: 0, maxChoices: 2, allowBlank: true };
    const view = await openViaButton(block);
    const marks = (view.blocks as { block_id?: string; element?: { type: string } }[]).find(
      (b) => b.block_id === 'marks',
    )!;
    expect(marks.element!.type).toBe('checkboxes');
    const three = { marks: { v: { selected_options: [{ value: '1' }, { value: '2' }, { value: '3' }] } } };
    const res = await h.interact(submission(view, three));
    expect(((await res.json()) as { errors: Record<string, string> }).errors.marks).toBe('Choose at most 2.');
    h.core.handler = () => ok('Recorded. Receipt: X');
    const two = { marks: { v: { selected_options: [{ value: '1' }, { value: '3' }] } } };
    await h.interact(submission(view, two));
    expect(h.core.invocations.find((i) => i.command === 'ballot.cast')!.args).toMatchObject({
      choices: '1,3',
    });
  });

  it('/vote opens the modal with the slash command trigger', async () => {
    h.core.handler = () => ballotResult(ranked);
    const res = await h.command('/vote', '3');
    expect(res.status).toBe(200);
    await waitFor(() => h.fake.callsOf('views.open').length > 0);
    expect(h.fake.callsOf('views.open')[0].params.trigger_id).toMatch(/^trig-/);
  });
});

describe('command forms', () => {
  it('opens a form for /election create and dispatches its fields as named args', async () => {
    await h.command('/election', 'create');
    await waitFor(() => h.fake.callsOf('views.open').length > 0);
    const view = h.fake.callsOf('views.open')[0].params.view as Record<string, unknown>;
    expect(view.callback_id).toBe('form');
    expect((view.blocks as { block_id: string }[]).map((b) => b.block_id)).toEqual(['title', 'channel']);
    h.core.handler = () => ok('Election 4 created', 'channel');
    const values = {
      title: { v: { type: 'plain_text_input', value: 'Board 2027' } },
      channel: { v: { type: 'conversations_select', selected_conversation: 'C9' } },
    };
    const res = await h.interact(submission(view, values));
    expect(await res.json()).toEqual({ response_action: 'clear' });
    expect(h.core.invocations.at(-1)).toMatchObject({
      command: 'election.create',
      args: { title: 'Board 2027', channel: 'C9' },
      channelId: 'C1',
    });
    await waitFor(() => h.fake.callsOf('chat.postMessage').length > 0);
    expect(h.fake.callsOf('chat.postMessage')[0].params).toMatchObject({
      channel: 'C1',
      text: 'Election 4 created',
    });
  });

  it('opens a reason form for a review button and puts invalid issues beside the field', async () => {
    await h.interact(buttonPayload(h.fake, 'nomination.reject:election=3;nomination=7', 'U1', 'C1'));
    await waitFor(() => h.fake.callsOf('views.open').length > 0);
    const view = h.fake.callsOf('views.open')[0].params.view as Record<string, unknown>;
    expect((view.blocks as { block_id: string }[]).map((b) => b.block_id)).toEqual(['reason']);
    expect(h.core.invocations).toHaveLength(0);
    h.core.handler = () => ({
      kind: 'invalid',
      issues: [{ field: 'reason', message: 'Give a reason of at least 10 characters' }],
      reply: { visibility: 'only-you', body: { text: 'bad' } },
    });
    const res = await h.interact(
      submission(view, { reason: { v: { type: 'plain_text_input', value: 'no' } } }),
    );
    expect(await res.json()).toEqual({
      response_action: 'errors',
      errors: { reason: 'Give a reason of at least 10 characters' },
    });
    expect(h.core.invocations[0]).toMatchObject({
      command: 'nomination.reject',
      args: { election: '3', nomination: '7', reason: 'no' },
    });
  });
});
