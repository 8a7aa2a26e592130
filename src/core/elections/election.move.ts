// Commands that move an election on. Their phases, access, target phase and notice come from the phase
// table (election.phases.ts); the handler does the command's own work and calls `step.move()` where
// the move belongs, so no command names its own target phase and the table cannot drift from them.

import type { CommandDef, DefineInput } from '../kit/define.js';
import { defineCommand } from '../kit/define.js';
import type { ElectionContext } from '../kit/context.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Reply } from '../shared/reply.js';
import { phaseMove, type PhaseMove } from './election.phases.js';
import { canMove } from './election.rules.js';
import type { Election } from '../shared/election.types.js';

export interface MoveStep {
  readonly row: PhaseMove;
  /** the dedupe key of the channel notice this move posts (from the table) */
  readonly notice: string;
  /** move the election to the table's target phase, audited; `data` goes into the audit entry */
  move(data?: Record<string, string | number | null>): Promise<Result<Election>>;
}

export type DefineMoveInput<A extends { election: number }> = Omit<
  DefineInput<A>,
  'access' | 'phases' | 'handler'
> & {
  handler(ctx: ElectionContext, args: A, step: MoveStep): Promise<Result<Reply>>;
};

/** Define a command that moves the election on, from its row in the phase table. */
export function defineMove<A extends { election: number }>(input: DefineMoveInput<A>): CommandDef<A> {
  const row = phaseMove(input.id);
  return defineCommand<A>({
    ...input,
    access: row.access,
    phases: row.from,
    handler: (ctx, args) => {
      const ectx = ctx as ElectionContext;
      const step: MoveStep = {
        row,
        notice: row.notice ?? row.to,
        move: (data = {}) => moveTo(ectx, row, data),
      };
      return input.handler(ectx, args, step);
    },
  } as DefineInput<A>);
}

async function moveTo(
  ctx: ElectionContext,
  row: PhaseMove,
  data: Record<string, string | number | null>,
): Promise<Result<Election>> {
  const e = ctx.election;
  const to = row.to;
  if (!canMove(e.phase, to))
    return fail('election.cannot_move', { from: ctx.t(`phase.${e.phase}`), to: ctx.t(`phase.${to}`) });
  const next: Election = { ...e, phase: to, phaseSince: ctx.now.toISOString() };
  await ctx.tx.elections.update(next);
  ctx.election = next;
  await ctx.audit(`phase.${to}`, { from: e.phase, ...data });
  return ok(next);
}
