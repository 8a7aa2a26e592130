// The election driver for Discord, over either way interactions arrive: typed text becomes the typed
// slash command Discord would send (options built from the deployed definitions), ballots go through
// the DM's Vote button and the ephemeral select. The transport decides how an interaction reaches the
// adapter and hands back the first answer; later answers (after a deferral) arrive at the fake's webhooks.
import { buildCommandTable, optionName } from '../../adapters/discord/index.js';
import { renderChart } from '../../adapters/shared/index.js';
import {
  argsFromText,
  type ChartData,
  type CommandSpec,
  type TellerCore,
  tokenSpans,
} from '../../src/core/index.js';
import { CHANNEL, GUILD } from '../adapters/discord/harness.js';
import type { FakeDiscord } from '../fakes/discord/fake-discord.js';
import {
  buttonPress,
  type CommandOption,
  findComponent,
  MANAGE_GUILD,
  selectPick,
  slashCommand,
  type Who,
} from '../fakes/discord/interactions.js';
import { snowflake } from '../fakes/discord/snowflake.js';
import type { ElectionDriver } from './driver.js';
import { answer, fromDiscord, type Names, type Visibility } from './normalise.js';
import { MEMBERS } from './scenario.js';

/** an interaction's first answer (the callback over the gateway, the HTTP response's body otherwise) */
export interface Answer {
  type: number;
  data?: any;
}

export interface DiscordParts {
  name: string;
  discord: FakeDiscord;
  core: TellerCore;
  /** hand the interaction to the adapter; resolves with its first answer */
  send(payload: Record<string, unknown>): Promise<Answer>;
  drain(): Promise<void>;
  errors(): string[];
  stop(): Promise<void>;
}

const EPHEMERAL = 64;
/** the one member who may create elections (Manage Server) */
const ADMIN = 'olga';

/** ChartData -> PNG, titled as main.ts titles it, so results posts carry their image */
export function chartRenderer(core: TellerCore) {
  return async (chart: ChartData, locale?: string): Promise<Uint8Array> =>
    (await renderChart(chart, { title: core.translate(locale, chart.title.key, chart.title.params) })).png;
}

interface Screen {
  id: string;
  channelId: string;
  embeds: any[];
  components: any[];
  flags?: number;
  attachments: [];
  via: string;
  edits: number;
}

export function discordDriver(p: DiscordParts): ElectionDriver {
  const { discord } = p;
  const table = buildCommandTable(p.core);
  const ids = new Map(MEMBERS.map((m, i) => [m, String(800000000000000000n + BigInt(i))]));
  const idOf = (m: string) => ids.get(m) ?? `${m} is not in the scenario`;
  const names: Names = {
    member: (id) => [...ids].find(([, x]) => x === id)?.[0],
    channel: (id) => (id === CHANNEL ? 'general' : undefined),
  };
  const inChannel = (m: string): Who => ({
    userId: idOf(m),
    name: m,
    guildId: GUILD,
    channelId: CHANNEL,
    ...(m === ADMIN ? { permissions: MANAGE_GUILD } : {}),
  });
  const inDm = (m: string): Who => ({
    userId: idOf(m),
    name: m,
    channelId: discord.dmChannels.get(idOf(m))!,
  });

  /** what the member sees once the interaction is answered, after any deferral */
  async function screenOf(payload: Record<string, unknown>, first: Answer, sourceId?: string) {
    const token = String(payload.token);
    const shown = (data: any): Screen => ({
      id: first.type === 7 && sourceId ? sourceId : snowflake(),
      channelId: String(payload.channel_id),
      embeds: data?.embeds ?? [],
      components: data?.components ?? [],
      flags: data?.flags,
      attachments: [],
      via: 'answer',
      edits: 0,
    });
    if (first.type === 4 || first.type === 7)
      return { screen: shown(first.data), visibility: visibility(first.data?.flags) };
    if (first.type !== 5 && first.type !== 6) throw new Error(`unexpected answer ${JSON.stringify(first)}`);
    // deferred: the answer edits the placeholder (PATCH @original) or, for the channel, follows up (POST)
    const hook = `/webhooks/${discord.applicationId}/${token}`;
    const late = () => discord.requests.find((r) => r.path.startsWith(hook) && /PATCH|POST/.test(r.method));
    await until(() => late() !== undefined);
    const message = discord.webhookMessages(token).at(-1) ?? discord.messages.get(sourceId ?? '');
    const screen = shown(message);
    return { screen, visibility: late()!.method === 'POST' ? 'channel' : ('only you' as Visibility) };
  }

  async function interact(payload: Record<string, unknown>, sourceId?: string) {
    payload.application_id = discord.applicationId;
    const first = await p.send(payload);
    return screenOf(payload, first, sourceId);
  }

  return {
    name: p.name,
    async run(actor, text) {
      const { spec, args } = parse(p.core.commands, text);
      const payload = slashCommandFor(table.routes, spec, args, inChannel(actor), idOf);
      const { screen, visibility } = await interact(payload);
      await p.drain();
      return answer(visibility, fromDiscord(screen, names));
    },
    async vote(actor, election, selection) {
      const vote = `ballot.get:election=${election};`;
      const dm = discord.dmsTo(idOf(actor)).findLast((m) => findComponent(m, vote));
      if (!dm) throw new Error(`${actor} has no Vote button for election ${election} in their DM`);
      const who = inDm(actor);
      let { screen } = await interact(buttonPress(who, findComponent(dm, vote).custom_id, dm), dm.id);
      const select = findComponent(screen, 'discord.ballot:op=marks');
      const values = selection.map((name) => {
        const option = select?.options?.find((o: any) => o.label === name);
        if (!option)
          throw new Error(`${name} is not on ${actor}'s ballot: ${JSON.stringify(screen.components)}`);
        return option.value;
      });
      ({ screen } = await interact(selectPick(who, select.custom_id, values, screen), screen.id));
      const submit = findComponent(screen, 'discord.ballot:op=submit');
      ({ screen } = await interact(buttonPress(who, submit.custom_id, screen), screen.id));
      await p.drain();
      return fromDiscord(screen, names);
    },
    dmsOf: async (member) =>
      discord
        .dmsTo(idOf(member))
        .filter((m) => m.via === 'bot')
        .map((m) => fromDiscord(m, names)),
    channelPosts: async () =>
      discord
        .messagesIn(CHANNEL)
        .filter((m) => m.via === 'bot')
        .map((m) => fromDiscord(m, names)),
    // a message Discord would have refused (too long, too many components) is an error here too
    errors: () => [
      ...p.errors(),
      ...discord.rejected.map((r) => `${r.method} ${r.path}: ${r.problems.join('; ')}`),
    ],
    stop: p.stop,
  };
}

const visibility = (flags: number | undefined): Visibility =>
  ((flags ?? 0) & EPHEMERAL) !== 0 ? 'only you' : 'channel';

/** the command the text starts with (the longest path that matches) and its arguments as typed */
function parse(
  commands: readonly CommandSpec[],
  text: string,
): { spec: CommandSpec; args: Record<string, unknown> } {
  const tokens = tokenSpans(text);
  const spec = [...commands]
    .filter((c) => c.path.every((w, i) => tokens[i]?.value === w))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!spec) throw new Error(`no command for "${text}"`);
  const rest = spec.path.length > 0 ? text.slice(tokens[spec.path.length - 1].end) : text;
  return { spec, args: argsFromText(rest, spec.args).args };
}

/** the slash command Discord sends when a member fills in the command's options */
function slashCommandFor(
  routes: ReadonlyMap<string, CommandSpec>,
  spec: CommandSpec,
  args: Record<string, unknown>,
  who: Who,
  idOf: (member: string) => string,
): Record<string, unknown> {
  const leaf: CommandOption[] = Object.entries(args).map(([name, value]) => {
    const a = spec.args.find((x) => x.name === name)!;
    const member = (typed: string) => idOf(typed.replace(/^@/, ''));
    const option = { name: optionName(a) };
    switch (a.kind) {
      case 'member':
        return { ...option, type: 6, value: member(String(value)) };
      case 'members':
        return { ...option, type: 3, value: (value as string[]).map((m) => `<@${member(m)}>`).join(' ') };
      case 'int':
        return { ...option, type: 4, value: Number(value) };
      default:
        return { ...option, type: 3, value: String(value) };
    }
  });
  const route = [...routes].find(([, s]) => s.id === spec.id);
  if (!route) throw new Error(`${spec.id} is not deployed`);
  const [root, ...words] = route[0].split(' ');
  let options = leaf;
  if (words.length === 2)
    options = [{ name: words[0], type: 2, options: [{ name: words[1], type: 1, options: leaf }] }];
  if (words.length === 1) options = [{ name: words[0], type: 1, options: leaf }];
  return slashCommand(who, root, options);
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('no answer in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
