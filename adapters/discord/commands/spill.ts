// Discord refuses a command past 8000 characters, and /election holds the whole registry. When even its
// shortest descriptions cannot bring it under, whole groups leave it for top-level commands of their
// own, named as the group (`/election paper batch` becomes `/paper batch`), the last registered first,
// so the oldest and most used commands keep their place. Each group keeps every option and description.
import { canFit } from './budget.js';
import type { CommandJson, CommandOptionJson } from './command-definitions.js';

const SUBCOMMAND_GROUP = 2;

export interface Spilled {
  root: CommandJson;
  /** the groups as commands of their own */
  commands: CommandJson[];
  /** group names that moved, for re-routing their subcommands */
  moved: string[];
}

export function spillGroups(root: CommandJson, taken: ReadonlySet<string>): Spilled {
  const options = [...(root.options ?? [])] as CommandOptionJson[];
  const commands: CommandJson[] = [];
  const moved: string[] = [];
  const current = () => ({ ...root, options });
  while (!canFit(current())) {
    // the last group whose name no other top-level command has
    let at = -1;
    for (let i = options.length - 1; i >= 0; i--)
      if (options[i]!.type === SUBCOMMAND_GROUP && !taken.has(options[i]!.name)) {
        at = i;
        break;
      }
    if (at < 0) break;
    const [group] = options.splice(at, 1);
    commands.unshift({
      name: group!.name,
      type: 1,
      description: group!.description,
      ...(group!.description_localizations
        ? { description_localizations: group!.description_localizations }
        : {}),
      contexts: root.contexts,
      options: group!.options ?? [],
    } as CommandJson);
    moved.push(group!.name);
  }
  return { root: current(), commands, moved };
}
