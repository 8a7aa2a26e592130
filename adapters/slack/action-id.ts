// Button and modal ids carry only `command:arg=value;...` (ARCHITECTURE §4): the command and the election/
// contest it concerns, never a member: the acting member always comes from the signed payload.
// Slack caps action_id at 255 characters, so values are kept short and escaped minimally.

const MAX_ID = 255;

export interface EncodedAction {
  command: string;
  args: Record<string, string>;
}

export function encodeActionId(command: string, args: Record<string, string>): string {
  const pairs = Object.entries(args).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  const id = pairs.length ? `${command}:${pairs.join(';')}` : command;
  if (id.length > MAX_ID) throw new Error(`action id for ${command} exceeds ${MAX_ID} characters`);
  return id;
}

export function decodeActionId(id: string): EncodedAction {
  const colon = id.indexOf(':');
  if (colon < 0) return { command: id, args: {} };
  const args: Record<string, string> = {};
  for (const pair of id.slice(colon + 1).split(';')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    if (eq < 0) continue;
    args[pair.slice(0, eq)] = decodeURIComponent(pair.slice(eq + 1));
  }
  return { command: id.slice(0, colon), args };
}
