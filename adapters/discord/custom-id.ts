// Component custom ids carry `command:arg=value;...` and nothing about the member: the presser is
// always taken from the authenticated interaction payload. Buttons in DMs have no guild on the
// interaction, so the organisation's guild id travels as `g`; it names the organisation, not a person.
// Discord caps custom ids at 100 characters.

export interface DecodedId {
  command: string;
  args: Record<string, string>;
  guildId?: string;
}

const GUILD_KEY = 'g';
export const MAX_CUSTOM_ID = 100;

export function encodeCustomId(command: string, args: Record<string, string> = {}, guildId?: string): string {
  const parts = Object.entries(args).map(([k, v]) => `${enc(k)}=${enc(v)}`);
  if (guildId) parts.push(`${GUILD_KEY}=${enc(guildId)}`);
  const id = parts.length > 0 ? `${command}:${parts.join(';')}` : command;
  if (id.length > MAX_CUSTOM_ID)
    throw new Error(`custom id for ${command} is longer than ${MAX_CUSTOM_ID} characters`);
  return id;
}

export function decodeCustomId(id: string): DecodedId {
  const colon = id.indexOf(':');
  const command = colon < 0 ? id : id.slice(0, colon);
  const args: Record<string, string> = {};
  let guildId: string | undefined;
  if (colon >= 0) {
    for (const part of id.slice(colon + 1).split(';')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1));
      if (key === GUILD_KEY) guildId = value;
      else args[key] = value;
    }
  }
  return { command, args, guildId };
}

function enc(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+');
}
