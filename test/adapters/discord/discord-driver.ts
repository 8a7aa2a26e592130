// Drives Teller the way members use Discord: typed slash commands built from the deployed
// definitions, and ballots through the DM's Vote button and the ephemeral select menus.
import type { CommandSpec } from '../../../src/core/index.js';
import { buildCommandTable, optionName } from '../../../adapters/discord/index.js';
import type { FakeDiscord, FakeMessage, InteractionCallback } from '../../fakes/discord/fake-discord.js';
import {
  interact,
  MANAGE_GUILD,
  slashCommand,
  type CommandOption,
  type Who,
} from '../../fakes/discord/interactions.js';
import { Voter } from './ballot-steps.js';

export class DiscordDriver {
  private readonly ids = new Map<string, string>();
  private readonly table;
  private next = 800000000000000000n;

  constructor(
    private readonly discord: FakeDiscord,
    core: Parameters<typeof buildCommandTable>[0],
    private readonly guildId: string,
    private readonly channelId: string,
  ) {
    this.table = buildCommandTable(core);
  }

  idOf(name: string): string {
    let id = this.ids.get(name);
    if (!id) {
      id = String(this.next++);
      this.ids.set(name, id);
    }
    return id;
  }

  nameOf(id: string): string | undefined {
    for (const [n, i] of this.ids) if (i === id) return n;
    return undefined;
  }

  who(name: string, admin = false): Who {
    return {
      userId: this.idOf(name),
      name: name[0].toUpperCase() + name.slice(1),
      guildId: this.guildId,
      channelId: this.channelId,
      ...(admin ? { permissions: MANAGE_GUILD } : {}),
    };
  }

  /** run a registry command through its typed slash command; member-valued args are given by name */
  async run(
    name: string,
    commandId: string,
    args: Record<string, string | number | string[]>,
    admin = false,
  ): Promise<InteractionCallback> {
    const entry = [...this.table.routes].find(([, s]) => s.id === commandId);
    if (!entry) throw new Error(`${commandId} is not deployed`);
    const [key, spec] = entry;
    const leaf = this.options(spec, args);
    const words = key.split(' ');
    let options: CommandOption[] = leaf;
    if (words.length === 3)
      options = [{ name: words[1], type: 2, options: [{ name: words[2], type: 1, options: leaf }] }];
    if (words.length === 2) options = [{ name: words[1], type: 1, options: leaf }];
    return interact(this.discord, slashCommand(this.who(name, admin), words[0], options));
  }

  private options(spec: CommandSpec, args: Record<string, string | number | string[]>): CommandOption[] {
    return Object.entries(args).map(([argName, value]) => {
      const a = spec.args.find((x) => x.name === argName);
      if (!a) throw new Error(`${spec.id} has no argument ${argName}`);
      const optName = optionName(a);
      switch (a.kind) {
        case 'member':
          return { name: optName, type: 6, value: this.idOf(String(value)) };
        case 'members':
          return {
            name: optName,
            type: 3,
            value: (value as string[]).map((n) => `<@${this.idOf(n)}>`).join(' '),
          };
        case 'int':
          return { name: optName, type: 4, value: Number(value) };
        case 'channel':
          return { name: optName, type: 7, value: String(value) };
        default:
          return { name: optName, type: 3, value: String(value) };
      }
    });
  }

  ballotDms(name: string): FakeMessage[] {
    return this.discord
      .dmsTo(this.idOf(name))
      .filter((m) =>
        m.components.some((row: any) =>
          row.components.some((c: any) => String(c.custom_id).startsWith('ballot.get')),
        ),
      );
  }

  /** open the ballot from the member's DM and mark the candidate shown with this label */
  async voteMarks(name: string, candidateLabel: string): Promise<FakeMessage> {
    const id = this.idOf(name);
    const dm = this.ballotDms(name).at(-1);
    if (!dm) throw new Error(`${name} has no ballot DM`);
    const { guildId: _g, permissions: _p, ...inDm } = this.who(name);
    const voter = new Voter(this.discord, { ...inDm, channelId: this.discord.dmChannels.get(id)! });
    let { message } = await voter.press(dm, 'ballot.get');
    const select = message.components[0]?.components[0];
    const option = select?.options?.find((o: any) => o.label === candidateLabel);
    if (!option) throw new Error(`no option ${candidateLabel}: ${JSON.stringify(message.embeds)}`);
    ({ message } = await voter.pick(message, 'discord.ballot:op=marks', [option.value]));
    ({ message } = await voter.press(message, 'discord.ballot:op=submit'));
    return message;
  }
}

/** an answer's embed as text: description and fields (and the title, unless told not to) */
export function textOf(cb: InteractionCallback | { data?: any }, withTitle = true): string {
  const e = cb.data?.embeds?.[0];
  return [
    withTitle ? e?.title : undefined,
    e?.description,
    ...(e?.fields ?? []).map((f: any) => `${f.name}: ${f.value}`),
  ]
    .filter(Boolean)
    .join('\n');
}
