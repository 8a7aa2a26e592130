// Receipt codes as voters see them. The code proves a ballot of theirs is in the count and nothing
// more (ARCHITECTURE §2), so it is printed alone, never beside the choices. Grouping it in fours
// makes it easy to read aloud and to find in the published list.

/** "k7qx9mrt2pld" -> "K7QX-9MRT-2PLD"; separators in the input are ignored */
export function formatReceipt(code: string, group = 4): string {
  const clean = code.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const parts: string[] = [];
  for (let i = 0; i < clean.length; i += group) parts.push(clean.slice(i, i + group));
  return parts.join('-');
}

/** the same code typed back by a voter, however they spaced or cased it */
export function normaliseReceipt(input: string): string {
  return input.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
}
