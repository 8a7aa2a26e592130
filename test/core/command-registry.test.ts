import { describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/kit/define.js';
import { checkRegistry, COMMAND_SPECS, COMMANDS } from '../../src/core/app/registry.js';
import { toActor } from '../../src/core/kit/say.js';

const command = (id: string, aliases?: string[]) =>
  defineCommand({
    id,
    path: [id],
    ...(aliases ? { aliases } : {}),
    access: 'anyone',
    args: {},
    handler: async () => toActor(id),
  });

describe('the command registry', () => {
  it('holds each id and each alias once, and declares the slash-command shortcuts as aliases', () => {
    expect(() => checkRegistry(COMMANDS)).not.toThrow();
    const aliases = COMMAND_SPECS.flatMap((s) => (s.aliases ?? []).map((a) => `${a} -> ${s.id}`));
    expect(aliases.sort()).toEqual([
      'nominate -> nomination.create',
      'survey -> report.survey',
      'vote -> ballot.get',
    ]);
  });

  it('refuses two commands with one id', () => {
    expect(() => checkRegistry([command('a.one'), command('b.two'), command('a.one')])).toThrow(
      "command registry: two commands have the id 'a.one'",
    );
  });

  it('refuses two commands with one alias, naming both', () => {
    expect(() => checkRegistry([command('a.one', ['go']), command('b.two', ['stop', 'go'])])).toThrow(
      "command registry: 'a.one' and 'b.two' both have the alias 'go'",
    );
  });
});
