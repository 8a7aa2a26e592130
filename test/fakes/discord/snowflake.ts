// Discord ids are snowflakes: milliseconds since the Discord epoch shifted left 22 bits, plus a counter.
const DISCORD_EPOCH = 1420070400000n;
let counter = 0n;

export function snowflake(at = Date.now()): string {
  counter = (counter + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | counter).toString();
}
