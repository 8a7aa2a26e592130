// Buttons, selects and modals carry `command:key=value;key=value` (ARCHITECTURE §4): the command and the
// election/contest it concerns, never a member: the acting member always comes from the signed payload.
// Keys and values are form-encoded (a space is `+`, everything else percent-encoded as
// encodeURIComponent does), so `;`, `=`, `:` and `%` inside a value can never break the split.
// A space is `+` rather than `%20` because platforms cap the id's length (Slack 255, Discord 100);
// those caps are checked by each platform's wrapper. Ids already posted in messages still decode: the
// old Slack encoder never wrote a bare `+` (encodeURIComponent escapes it as %2B), and the old Discord
// encoder wrote `+` only for a space.

export interface ComponentId {
  command: string;
  args: Record<string, string>;
}

export function encodeComponentId(command: string, args: Record<string, string> = {}): string {
  const pairs = Object.entries(args).map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`);
  return pairs.length > 0 ? `${command}:${pairs.join(';')}` : command;
}

export function decodeComponentId(id: string): ComponentId {
  const colon = id.indexOf(':');
  if (colon < 0) return { command: id, args: {} };
  const args: Record<string, string> = {};
  for (const pair of id.slice(colon + 1).split(';')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    // the encoder always writes `key=`, even for an empty value; a bare key was never produced
    if (eq < 0) continue;
    args[decodePart(pair.slice(0, eq))] = decodePart(pair.slice(eq + 1));
  }
  return { command: id.slice(0, colon), args };
}

function encodePart(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+');
}

function decodePart(s: string): string {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}
