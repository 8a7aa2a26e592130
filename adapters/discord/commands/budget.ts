// Discord refuses a command whose names, descriptions and choice values add up to more than 8000
// characters (counted for each locale, the localised text standing in where there is one). /election
// holds the whole registry, so it is the one that can outgrow it. When it does, the longest descriptions
// below the root are shortened to the longest length that lets every locale fit (cut at a word where
// one is near, with an ellipsis): the picker shows about one line of a description anyway, and the names,
// options and choices themselves stay whole. A registry that fits is deployed with its texts untouched.
import type { CommandJson, CommandOptionJson } from './command-definitions.js';

export const MAX_COMMAND_CHARS = 8000;
const SHORTEST = 24;

type Node = CommandJson | CommandOptionJson;

function walk(node: Node, visit: (n: Node, depth: number) => void, depth = 0): void {
  visit(node, depth);
  for (const o of node.options ?? []) walk(o, visit, depth + 1);
}

function locales(cmd: CommandJson): string[] {
  const out = new Set<string>();
  walk(cmd, (n) => {
    for (const l of Object.keys(n.description_localizations ?? {})) out.add(l);
  });
  return [...out];
}

/** the characters Discord counts for the command in `locale` (undefined: the default texts) */
export function commandChars(cmd: CommandJson, locale?: string): number {
  let chars = 0;
  walk(cmd, (n) => {
    const description = (locale && n.description_localizations?.[locale]) || n.description;
    chars += n.name.length + description.length;
    for (const c of 'choices' in n ? (n.choices ?? []) : []) chars += c.name.length + c.value.length;
  });
  return chars;
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // a word boundary close to the cut reads better; CJK text has none, and is cut where it stands
  const at = space >= max * 0.6 ? space : cut.length;
  return `${cut.slice(0, at).replace(/[\s,;:(–-]+$/u, '')}…`;
}

function capped(cmd: CommandJson, max: number): CommandJson {
  const copy = structuredClone(cmd);
  walk(copy, (n, depth) => {
    if (depth === 0) return;
    n.description = shorten(n.description, max);
    const loc = n.description_localizations;
    if (loc) for (const l of Object.keys(loc)) loc[l] = shorten(loc[l], max);
  });
  return copy;
}

const fits = (cmd: CommandJson) =>
  [undefined, ...locales(cmd)].every((l) => commandChars(cmd, l) <= MAX_COMMAND_CHARS);

/** whether the command can fit at all, its descriptions cut as short as this file ever cuts them */
export function canFit(cmd: CommandJson): boolean {
  return fits(cmd) || fits(capped(cmd, SHORTEST));
}

/** the command as it is when it fits; else with its descriptions as long as they can be and fit */
export function withinBudget(cmd: CommandJson): CommandJson {
  if (fits(cmd)) return cmd;
  let lo = SHORTEST;
  let hi = 100;
  if (!fits(capped(cmd, lo))) return capped(cmd, lo);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(capped(cmd, mid))) lo = mid;
    else hi = mid - 1;
  }
  return capped(cmd, lo);
}
