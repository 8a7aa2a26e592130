// The election driver for Slack, over either receiver: members type slash commands and press buttons
// as Slack would send them (the transport decides how a payload reaches Bolt), the app answers in the
// ack, through response_url or by opening a modal, and delivers DMs and posts to the fake Slack.
import type { FakeSlackServer, PostedMessage } from '../fakes/slack/fake-slack-server.js';
import { buttonPayload, commandPayload, submission, waitFor } from '../adapters/slack/harness.js';
import type { ElectionDriver } from './driver.js';
import { answer, fromSlackBlocks, type Names } from './normalise.js';
import { MEMBERS } from './scenario.js';

/** how a payload reaches the Bolt app; each resolves with the ack's body (undefined for an empty ack) */
export interface SlackWire {
  command(payload: Record<string, string>): Promise<SlackBody | undefined>;
  interact(payload: Record<string, unknown>): Promise<SlackBody | undefined>;
}

export type SlackBody = Record<string, any>;

export interface SlackParts {
  name: string;
  fake: FakeSlackServer;
  wire: SlackWire;
  /** deliver everything queued, until nothing is pending */
  drain(): Promise<void>;
  errors(): string[];
  stop(): Promise<void>;
}

const CHANNEL = 'C1';
const uid = (member: string) => `U${member.toUpperCase()}`;
const names: Names = {
  member: (id) => (/^U[A-Z]+$/.test(id) ? id.slice(1).toLowerCase() : undefined),
  channel: (id) => (id === CHANNEL ? 'general' : undefined),
};

export function slackDriver(p: SlackParts): ElectionDriver {
  const { fake, wire } = p;
  // every member has a Slack profile showing their name, as members' display names do
  for (const m of MEMBERS)
    fake.users.set(uid(m), { id: uid(m), name: m, real_name: m, profile: { display_name: m, real_name: m } });

  /** the answer to a command or a press: in the ack, or (after an empty ack) through response_url */
  async function answered(ack: SlackBody | undefined, responsesBefore: number): Promise<SlackBody> {
    if (ack?.blocks) return ack;
    await waitFor(() => fake.responses.length > responsesBefore, 10_000);
    return fake.responses[responsesBefore].body;
  }

  /** Teller's own messages in a channel or DM (the outbox's), with the chart the sender shared under one */
  function posted(channel: string): string[] {
    const charted = new Set<PostedMessage>();
    let posts = 0;
    for (const call of fake.calls) {
      if (call.method === 'chat.postMessage' && call.outcome === 'ok') posts++;
      if (call.method === 'files.completeUploadExternal' && call.outcome === 'ok') {
        const under = fake.messages.slice(0, posts).findLast((m) => m.channel === call.params.channel_id);
        if (under) charted.add(under);
      }
    }
    return fake.messages
      .filter((m) => m.channel === channel && m.metadata?.event_type === 'teller_outbox')
      .map((m) => fromSlackBlocks(m.blocks, names, charted.has(m)));
  }

  return {
    name: p.name,
    async run(actor, text) {
      const typed = text.replace(/@([a-z]+)/g, (_, n: string) => `<@${uid(n)}>`);
      const before = fake.responses.length;
      const ack = await wire.command(
        commandPayload(fake, '/election', typed, { user_id: uid(actor), user_name: actor }),
      );
      const body = await answered(ack, before);
      await p.drain();
      return answer(
        body.response_type === 'in_channel' ? 'channel' : 'only you',
        fromSlackBlocks(body.blocks, names),
      );
    },
    async vote(actor, election, selection) {
      const dm = fake.messages.filter((m) => m.channel === `D${uid(actor)}`);
      const button = dm
        .flatMap((m) => (m.blocks ?? []) as { elements?: { action_id?: string }[] }[])
        .flatMap((b) => b.elements ?? [])
        .map((e) => e.action_id)
        .findLast((id) => id === `ballot.get:election=${election}`);
      if (!button) throw new Error(`${actor} has no Vote button for election ${election} in their DM`);
      const opened = fake.callsOf('views.open').length;
      await wire.interact(buttonPayload(fake, button, uid(actor), `D${uid(actor)}`));
      await waitFor(() => fake.callsOf('views.open').length > opened, 10_000);
      const view = fake.callsOf('views.open').at(-1)!.params.view as {
        blocks: {
          block_id?: string;
          element?: { type: string; options: { text: { text: string }; value: string }[] };
        }[];
      };
      const marks = view.blocks.find((b) => b.block_id === 'marks')!.element!;
      const picked = selection.map((name) => {
        const option = marks.options.find((o) => o.text.text === name);
        if (!option) throw new Error(`${name} is not on ${actor}'s ballot`);
        return { text: option.text, value: option.value };
      });
      const state =
        marks.type === 'radio_buttons' || marks.type === 'static_select'
          ? { v: { type: marks.type, selected_option: picked[0] } }
          : { v: { type: marks.type, selected_options: picked } };
      const ack = await wire.interact(submission(view as never, { marks: state }, uid(actor)));
      if (ack?.response_action !== 'update')
        throw new Error(`${actor}'s ballot was refused: ${JSON.stringify(ack)}`);
      await p.drain();
      return fromSlackBlocks(ack.view.blocks, names);
    },
    dmsOf: async (member) => posted(`D${uid(member)}`),
    channelPosts: async () => posted(CHANNEL),
    // a Web API call Slack would have answered with an error counts as one
    errors: () => [
      ...p.errors(),
      ...fake.calls.filter((c) => c.outcome !== 'ok').map((c) => `${c.method}: ${c.outcome}`),
    ],
    stop: p.stop,
  };
}
