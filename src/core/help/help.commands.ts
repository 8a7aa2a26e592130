import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { helpReply } from './help.js';
import { ok } from '../shared/result.js';
import type { CommandSpec } from '../kit/command.types.js';

/** `help` needs the list of every command, which only exists once the registry is assembled. */
export function helpCommand(all: () => readonly CommandSpec[]) {
  return defineCommand<{ election?: number }>({
    id: 'help',
    path: ['help'],
    access: 'anyone',
    args: { election: arg.election('arg.election', { optional: true }) },
    async handler(ctx) {
      const e = ctx.election;
      return ok(
        helpReply(
          all(),
          ctx.t,
          e?.phase,
          ctx.roles,
          e ? ctx.t('help.for_election', { number: e.number, phase: ctx.t(`phase.${e.phase}`) }) : undefined,
        ),
      );
    },
  });
}
