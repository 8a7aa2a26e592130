import { z } from 'zod';
import type { Reply } from '../shared/reply.js';
import type { Access, ArgSpec, CommandSpec } from './command.types.js';
import type { ArgDef } from './args.js';
import type { CommandContext, ElectionContext } from './context.js';
import type { Result } from '../shared/result.js';
import type { Phase } from '../shared/election.types.js';

/**
 * The context a handler gets: a command whose arguments require an election is handed the loaded
 * election (ElectionContext), so no handler has to ask whether there is one.
 */
export type ContextFor<A> = A extends { election: number } ? ElectionContext : CommandContext;

export interface CommandDef<A = Record<string, unknown>> {
  spec: CommandSpec;
  schema: z.ZodType<A>;
  /** true when the `election` argument is required: dispatch then always loads it (and locks it) */
  needsElection: boolean;
  handler(ctx: ContextFor<A>, args: A): Promise<Result<Reply>>;
}

export interface DefineInput<A> {
  id: string;
  path: readonly string[];
  /** slash-command names of its own ('vote' is /vote); each platform registers these and nothing else */
  aliases?: readonly string[];
  access: Access;
  phases?: readonly Phase[];
  listed?: boolean;
  /** a command whose arguments type says `election: number` must declare that argument */
  args: A extends { election: number }
    ? { election: ArgDef } & Record<string, ArgDef>
    : Record<string, ArgDef>;
  handler(ctx: ContextFor<A>, args: A): Promise<Result<Reply>>;
}

/** Define a command once: its words, arguments, who may run it, in which phases, and what it does. */
export function defineCommand<A>(input: DefineInput<A>): CommandDef<A> {
  const defs: Record<string, ArgDef> = input.args;
  const args: ArgSpec[] = Object.entries(defs).map(([name, def]) => ({ name, ...def.spec }));
  const shape: Record<string, z.ZodType> = {};
  for (const [name, def] of Object.entries(defs)) shape[name] = def.schema;
  const election = defs.election?.spec;
  return {
    spec: {
      id: input.id,
      path: input.path,
      ...(input.aliases ? { aliases: input.aliases } : {}),
      summaryKey: `command.${input.id}.summary`,
      args,
      access: input.access,
      ...(input.phases ? { phases: input.phases } : {}),
      listed: input.listed ?? true,
    },
    schema: z.object(shape).strict() as unknown as z.ZodType<A>,
    needsElection: election?.kind === 'election' && election.required,
    handler: input.handler,
  };
}

/**
 * A command of any argument shape, as the registry and dispatch hold them: each handler's own
 * arguments are checked by its schema at dispatch, so the list itself cannot name one type.
 */
// biome-ignore lint/suspicious/noExplicitAny: handlers are contravariant in their arguments; unknown would reject every command
export type AnyCommand = CommandDef<any>;
