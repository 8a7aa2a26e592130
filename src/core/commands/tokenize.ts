// Turns what a member typed ("roll add 3 @alice @bob weight=2") into named raw arguments for the
// command's schema. Slack and the console both use it; Discord sends typed options instead.

import type { ArgSpec } from './command.types.js';

/** Split on white space, keeping "quoted text" (straight or curly quotes: Slack turns " into “ ”) together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /([A-Za-z][\w-]*=)?(?:"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+))/g;
  for (const m of text.matchAll(re)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    tokens.push((m[1] ?? '') + value);
  }
  return tokens;
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Positional arguments fill the spec's positional args in order; `name=value` fills any arg by name.
 * A trailing arg of kind 'text' or 'members' takes the rest of the line.
 */
export function argsFromText(text: string, specs: readonly ArgSpec[]): { args: Record<string, unknown>; extra: string[] } {
  const args: Record<string, unknown> = {};
  const positional: string[] = [];
  for (const token of tokenize(text)) {
    const named = /^([A-Za-z][\w-]*)=(.*)$/s.exec(token);
    const spec = named && specs.find((s) => s.name === camel(named[1]) || s.name === named[1]);
    if (named && spec) args[spec.name] = named[2];
    else positional.push(token);
  }
  const open = specs.filter((s) => s.positional && !(s.name in args));
  const extra: string[] = [];
  for (let i = 0; i < open.length && positional.length > 0; i++) {
    const spec = open[i];
    const isLast = i === open.length - 1;
    if (spec.kind === 'members' || (spec.kind === 'text' && isLast)) {
      // a rest argument: take all remaining tokens (text keeps its spaces)
      const rest = i === open.length - 1 ? positional.splice(0) : positional.splice(0, positional.length - (open.length - 1 - i));
      args[spec.name] = spec.kind === 'members' ? rest : rest.join(' ');
    } else {
      args[spec.name] = positional.shift();
    }
  }
  extra.push(...positional);
  return { args, extra };
}
