// The console transport: the real ConsoleSession, typed into line by line. It prints each delivered
// message once and has no edit in place, so the driver learns which printed DM or post replaces which
// from the queue it claims from (the same keys Slack and Discord edit by).
import { ConsoleSession } from '../../../adapters/console/console.js';
import type { DeliveryQueue, OutboundMessage } from '../../../src/core/index.js';
import type { ElectionDriver } from '../driver.js';
import { answer, consoleVisibility, fromConsole } from '../normalise.js';
import { startCore } from '../real-core.js';

export async function startConsole(): Promise<ElectionDriver> {
  const { core, delivery, errors, close } = await startCore();
  const claimed: OutboundMessage[] = [];
  const watched: DeliveryQueue = {
    ...delivery,
    claim: async (...args) => {
      const batch = await delivery.claim(...args);
      claimed.push(...batch);
      return batch;
    },
  };
  const printed: string[] = [];
  const session = new ConsoleSession(core, {
    delivery: watched,
    member: 'olga',
    write: (t) => printed.push(t),
  });
  /** per DM or channel, each message by its dedupe key; a message that replaces another takes its place */
  const seen = new Map<string, { key: string; text: string }[]>();
  const list = (where: string) => (seen.get(where) ?? []).map((m) => m.text);
  /** the raw prints of each member's DMs, for the Vote button's command */
  const rawDms = new Map<string, string[]>();

  async function type(actor: string, line: string): Promise<string> {
    session.member = actor;
    printed.length = 0;
    claimed.length = 0;
    await session.handleLine(line);
    const [reply, ...delivered] = printed;
    if (delivered.length !== claimed.length)
      throw new Error(`printed ${delivered.length} of ${claimed.length}`);
    delivered.forEach((text, i) => {
      const m = claimed[i];
      const where =
        m.destination.kind === 'dm' ? `dm:${m.destination.memberId}` : `channel:${m.destination.channelId}`;
      const shown = seen.get(where) ?? [];
      const earlier = m.replaces ? shown.find((x) => x.key === m.replaces) : undefined;
      if (earlier) earlier.text = fromConsole(text);
      else shown.push({ key: m.dedupeKey, text: fromConsole(text) });
      seen.set(where, shown);
      if (m.destination.kind === 'dm')
        rawDms.set(m.destination.memberId, [...(rawDms.get(m.destination.memberId) ?? []), text]);
    });
    return reply;
  }

  return {
    name: 'console',
    async run(actor, text) {
      const reply = await type(actor, `/election ${text}`);
      return answer(consoleVisibility(reply), fromConsole(reply));
    },
    async vote(actor, election, selection) {
      // "pressing" Vote is typing the command the console prints beside it
      const press = (rawDms.get(actor) ?? [])
        .flatMap((t) => [...t.matchAll(/^\[Vote\] → (\/election vote .*)$/gm)].map((m) => m[1]))
        .at(-1);
      if (!press) throw new Error(`${actor} has no ballot DM with a Vote button`);
      const ballot = await type(actor, press);
      const numbers = selection.map((name) => {
        const n = new RegExp(`^ +(\\d+)\\. ${name}( — .*)?$`, 'm').exec(ballot)?.[1];
        if (!n) throw new Error(`${name} is not on ${actor}'s ballot:\n${ballot}`);
        return n;
      });
      const cast = new RegExp(`→ /election cast ${election} (\\S+) `).exec(ballot)?.[1];
      return fromConsole(await type(actor, `/election cast ${election} ${cast} ${numbers.join(',')}`));
    },
    dmsOf: async (member) => list(`dm:${member}`),
    channelPosts: async () => list('channel:general'),
    errors: () => errors,
    stop: close,
  };
}
