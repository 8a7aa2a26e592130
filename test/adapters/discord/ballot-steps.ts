// Helpers for driving a ballot the way a member clicks through it.
import type { OutboundMessage } from '../../../src/core/index.js';
import { DiscordSender } from '../../../adapters/discord/index.js';
import type { FakeDiscord, FakeMessage, InteractionCallback } from '../../fakes/discord/fake-discord.js';
import {
  buttonPress,
  findComponent,
  interact,
  modalSubmit,
  selectPick,
  userPick,
  type Who,
} from '../../fakes/discord/interactions.js';
import { GUILD } from './harness.js';

export function ballotDm(
  memberId: string,
  election: string,
  id = `out-${memberId}-${election}`,
): OutboundMessage {
  return {
    id,
    orgId: 'org1',
    platform: 'discord',
    platformOrgId: GUILD,
    destination: { kind: 'dm', memberId },
    body: {
      title: 'Voting is open',
      text: 'Press Vote to fill in your ballot.',
      actions: [{ label: 'Vote', command: 'ballot.get', args: { election }, style: 'primary' }],
    },
    dedupeKey: `ballot-dm:${election}:${memberId}`,
    purpose: 'ballot-dm',
    electionId: `e${election}`,
    status: 'sending',
    attempts: 0,
    notBefore: new Date(0).toISOString(),
    createdAt: new Date(0).toISOString(),
  };
}

export async function sendDm(discord: FakeDiscord, message: OutboundMessage): Promise<FakeMessage> {
  const sender = new DiscordSender({ token: 'test-token', apiUrl: discord.apiUrl });
  const res = await sender.send(message, { attempt: 1, signal: new AbortController().signal });
  if (res.kind !== 'sent') throw new Error(`not sent: ${JSON.stringify(res)}`);
  return discord.messages.get(res.ref.split(':')[1])!;
}

/** the message a callback produced or updated */
export function messageOf(discord: FakeDiscord, cb: InteractionCallback, on?: FakeMessage): FakeMessage {
  if (cb.type === 7 && on) return discord.messages.get(on.id)!;
  return discord.messages.get(`orig:${cb.token}`)!;
}

export class Voter {
  constructor(
    readonly discord: FakeDiscord,
    readonly who: Who,
  ) {}

  async press(on: FakeMessage, prefix: string): Promise<{ cb: InteractionCallback; message: FakeMessage }> {
    const c = findComponent(on, prefix);
    if (!c) throw new Error(`no component ${prefix} in ${JSON.stringify(on.components)}`);
    const cb = await interact(this.discord, buttonPress(this.who, c.custom_id, on));
    return { cb, message: messageOf(this.discord, cb, on) };
  }

  async pick(
    on: FakeMessage,
    prefix: string,
    values: string[],
  ): Promise<{ cb: InteractionCallback; message: FakeMessage }> {
    const c = findComponent(on, prefix);
    if (!c) throw new Error(`no select ${prefix}`);
    const cb = await interact(this.discord, selectPick(this.who, c.custom_id, values, on));
    return { cb, message: messageOf(this.discord, cb, on) };
  }

  async pickUsers(
    on: FakeMessage,
    prefix: string,
    userIds: string[],
  ): Promise<{ cb: InteractionCallback; message: FakeMessage }> {
    const c = findComponent(on, prefix);
    if (!c) throw new Error(`no user select ${prefix}`);
    const cb = await interact(this.discord, userPick(this.who, c.custom_id, userIds, on));
    return { cb, message: messageOf(this.discord, cb, on) };
  }

  async submitModal(
    on: FakeMessage,
    customId: string,
    fields: Record<string, string>,
  ): Promise<{ cb: InteractionCallback; message: FakeMessage }> {
    const cb = await interact(this.discord, modalSubmit(this.who, customId, fields, on));
    return { cb, message: messageOf(this.discord, cb, on) };
  }
}
