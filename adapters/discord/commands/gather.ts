// The words each command is deployed under. Discord allows 25 entries under /election; past that, the
// registry's one-word commands are gathered into groups by the module their id names (its first word):
// `nomination.second`, `.accept` and `.decline` join the `nominations` group that `nominations open`
// already makes (`/election nominations second`). A module joins a group of its name, singular or
// plural, when there is one (every command moved saves an entry), or else makes one (saving one fewer).
//
// Why gather rather than leave commands out: a command left out can only be typed as text through
// /teller, with no options, autocomplete or descriptions; a gathered one keeps all of them, and its
// group says what it is about. The module that saves the most entries goes first (ties: the later in
// the registry, as shortcuts leave last first), so as few commands as possible change name, and only
// while /election is over its limit: a registry that fits is deployed exactly as the README spells it.
// A module is gathered whole or not at all (its commands stay together), and never into ROOT's own
// name (`/election election create`), nor where a subcommand's name is taken.
import type { CommandSpec } from '../../../src/core/index.js';

export const MAX_CHILDREN = 25;

/** Discord names: lowercase, 1-32 of letters, digits, - and _ */
export function slug(word: string): string {
  return (
    word
      .toLowerCase()
      .replace(/[^\p{L}\p{N}_-]+/gu, '-')
      .slice(0, 32) || 'x'
  );
}

export type Paths = Map<CommandSpec, readonly string[]>;

/** how many entries the commands take directly under the root: one per distinct first word */
export function rootEntries(paths: Paths): number {
  return new Set([...paths.values()].filter((p) => p.length > 0).map((p) => slug(p[0]))).size;
}

export function groupWords(paths: Paths): Set<string> {
  return new Set([...paths.values()].filter((p) => p.length >= 2).map((p) => slug(p[0])));
}

interface Gathering {
  group: string;
  members: CommandSpec[];
  saved: number;
  last: number;
}

/** each spec's path as deployed, for specs listed under `root` */
export function deployedPaths(specs: readonly CommandSpec[], root: string): Paths {
  const paths: Paths = new Map(specs.map((s) => [s, s.path]));
  while (rootEntries(paths) > MAX_CHILDREN) {
    const next = bestGathering(specs, paths, root);
    if (!next) break;
    for (const s of next.members) paths.set(s, [next.group, s.path[0]]);
  }
  return paths;
}

function bestGathering(specs: readonly CommandSpec[], paths: Paths, root: string): Gathering | undefined {
  const groups = groupWords(paths);
  const oneWord = [...paths].filter(([, p]) => p.length === 1).map(([s]) => s);
  const byModule = new Map<string, CommandSpec[]>();
  for (const s of oneWord) {
    // a word that is already a group's goes inside that group anyway (command-definitions.ts)
    if (groups.has(slug(s.path[0]))) continue;
    const module = slug(s.id.split('.')[0]);
    byModule.set(module, [...(byModule.get(module) ?? []), s]);
  }
  let best: Gathering | undefined;
  for (const [module, members] of byModule) {
    if (module === slug(root)) continue;
    const existing = [module, `${module}s`, module.replace(/s$/, '')].find((w) => groups.has(w));
    const group = existing ?? module;
    // a new group must not take the name of a one-word command staying where it is
    if (!existing && oneWord.some((s) => !members.includes(s) && slug(s.path[0]) === group)) continue;
    const inside = [...paths.values()]
      .filter((p) => p.length >= 2 && slug(p[0]) === group)
      .map((p) => slug(p.slice(1).join('-')));
    const names = members.map((s) => slug(s.path[0]));
    if (inside.length + names.length > MAX_CHILDREN) continue;
    if (names.some((n, i) => inside.includes(n) || names.indexOf(n) !== i)) continue;
    const saved = members.length - (existing ? 0 : 1);
    const last = Math.max(...members.map((s) => specs.indexOf(s)));
    if (saved <= 0) continue;
    if (!best || saved > best.saved || (saved === best.saved && last > best.last))
      best = { group, members, saved, last };
  }
  return best;
}
