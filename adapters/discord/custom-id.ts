// Discord's side of the shared component-id codec (adapters/shared/component-id.ts). Buttons in DMs have
// no guild on the interaction, so the organisation's guild id travels as `g`; it names the organisation,
// not a person. Discord caps custom ids at 100 characters.
import { decodeComponentId, encodeComponentId } from '../shared/index.js';

export interface DecodedId {
  command: string;
  args: Record<string, string>;
  guildId?: string;
}

const GUILD_KEY = 'g';
export const MAX_CUSTOM_ID = 100;

export function encodeCustomId(command: string, args: Record<string, string> = {}, guildId?: string): string {
  const id = encodeComponentId(command, guildId ? { ...args, [GUILD_KEY]: guildId } : args);
  if (id.length > MAX_CUSTOM_ID)
    throw new Error(`custom id for ${command} is longer than ${MAX_CUSTOM_ID} characters`);
  return id;
}

export function decodeCustomId(id: string): DecodedId {
  const { command, args } = decodeComponentId(id);
  const { [GUILD_KEY]: guildId, ...rest } = args;
  return { command, args: rest, guildId };
}
