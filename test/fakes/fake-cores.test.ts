// The hand-written cores adapter tests run against may offer only commands the real registry has: a
// fake command (there was an 'election.open'; the real id is voting.open) would let an adapter test pass
// for a route no member can reach.
import { describe, expect, it } from 'vitest';
import { harness } from '../core/harness.js';
import { SPECS as DISCORD_SPECS } from './discord/fake-core.js';
import { SPECS as SLACK_SPECS } from './slack/fake-core.js';

const realIds = new Set(harness().core.commands.map((c) => c.id));

describe.each([
  ['Slack', SLACK_SPECS],
  ['Discord', DISCORD_SPECS],
])('the %s fake core', (_name, specs) => {
  it('offers only commands the real registry has', () => {
    expect(specs.map((s) => s.id).filter((id) => !realIds.has(id))).toEqual([]);
  });
});
