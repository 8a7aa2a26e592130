import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeComponentId, encodeComponentId } from '../../../adapters/shared/index.js';
import { decodeCustomId, encodeCustomId } from '../../../adapters/discord/custom-id.js';
import { decodeActionId, encodeActionId } from '../../../adapters/slack/action-id.js';

// the characters that once broke ids: the separators, the escape characters, and '+', which the old
// Discord encoder wrote for a space and then decoded as a literal '+'
const awkward = fc.constantFrom(
  '',
  ' ',
  '+',
  '%',
  '=',
  ':',
  ';',
  '&',
  'not eligible',
  'a+b c',
  '100%',
  '%20',
  '选举 第一轮',
);
const anyText = fc.oneof(
  awkward,
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.string({ maxLength: 10 }),
);
const key = fc.oneof(
  fc.constantFrom('e', 'c', 'reason', 'a b', 'k+', '='),
  fc.stringMatching(/^[a-z]{1,6}$/),
);
const argsArb = fc.dictionary(key, anyText, { maxKeys: 4 });

describe('component ids', () => {
  it('round-trip any args, whatever characters their values hold', () => {
    fc.assert(
      fc.property(argsArb, (args) => {
        expect(decodeComponentId(encodeComponentId('dispute.decide', args))).toEqual({
          command: 'dispute.decide',
          args,
        });
      }),
    );
  });

  it('round-trip through the Slack and Discord wrappers, guild id included', () => {
    const shortArgs = fc.dictionary(
      fc.constantFrom('e', 'c', 'r'),
      fc.oneof(awkward, fc.string({ maxLength: 4 })),
      {
        maxKeys: 3,
      },
    );
    fc.assert(
      fc.property(
        shortArgs,
        fc.option(fc.stringMatching(/^[0-9]{17,19}$/), { nil: undefined }),
        (args, guildId) => {
          expect(decodeActionId(encodeActionId('ballot.get', args))).toEqual({ command: 'ballot.get', args });
          // Chinese takes nine characters a character once percent-encoded, so some draws exceed
          // Discord's cap: those must be refused, never cut
          const wire = encodeComponentId('ballot.get', guildId ? { ...args, g: guildId } : args);
          if (wire.length > 100) {
            expect(() => encodeCustomId('ballot.get', args, guildId)).toThrow(/100/);
            return;
          }
          expect(decodeCustomId(encodeCustomId('ballot.get', args, guildId))).toEqual({
            command: 'ballot.get',
            args,
            guildId,
          });
        },
      ),
    );
  });

  it("gives back 'not eligible' with its space (Discord once returned 'not+eligible')", () => {
    const id = encodeCustomId('nomination.decide', { reason: 'not eligible', e: '7' }, '123');
    expect(decodeCustomId(id)).toEqual({
      command: 'nomination.decide',
      args: { reason: 'not eligible', e: '7' },
      guildId: '123',
    });
  });

  it('still decodes ids posted by the earlier encoders', () => {
    // Slack: values through encodeURIComponent, so a space was %20 and '+' was %2B
    expect(decodeActionId('ballot.get:election=3;note=a%20b%2Bc')).toEqual({
      command: 'ballot.get',
      args: { election: '3', note: 'a b+c' },
    });
    // Discord: keys and values form-encoded with '+' for a space, guild id last as g
    expect(decodeCustomId('ballot.get:e=3;reason=not+eligible;g=42')).toEqual({
      command: 'ballot.get',
      args: { e: '3', reason: 'not eligible' },
      guildId: '42',
    });
  });

  it('keeps each platform length limit', () => {
    const long = { e: 'x'.repeat(120) };
    expect(() => encodeCustomId('ballot.get', long)).toThrow(/100/);
    expect(encodeActionId('ballot.get', long)).toHaveLength('ballot.get:e='.length + 120);
    expect(() => encodeActionId('ballot.get', { e: 'x'.repeat(250) })).toThrow(/255/);
  });
});
