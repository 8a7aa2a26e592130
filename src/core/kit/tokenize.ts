// Turns what a member typed ("roll add 3 @alice @bob weight=2") into named raw arguments for the
// command's schema. Slack and the console both use it; Discord sends typed options instead.

import type { ArgSpec } from './command.types.js';

/** One token as typed: its value (quotes removed, `name=` kept) and where it sits in the text. */
export interface TokenSpan {
  value: string;
  start: number;
  end: number;
}

/** Split on white space, keeping "quoted text" (straight or curly quotes: Slack turns " into “ ”) together. */
export function tokenSpans(text: string): TokenSpan[] {
  const tokens: TokenSpan[] = [];
  const re = /([A-Za-z][\w-]*=)?(?:"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+))/g;
  for (const m of text.matchAll(re)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    tokens.push({ value: (m[1] ?? '') + value, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

export function tokenize(text: string): string[] {
  return tokenSpans(text).map((t) => t.value);
}

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export interface TextArgs {
  args: Record<string, unknown>;
  extra: string[];
  /**
   * For each argument, the indexes (into tokenSpans(text)) of the tokens it was filled from, so an
   * adapter can rewrite exactly those tokens (Slack turns a typed `@carol` into `<@U123>`).
   */
  sources: Record<string, number[]>;
}

/**
 * Positional arguments fill the spec's positional args in order; `name=value` fills any arg by name.
 * A trailing arg of kind 'text' or 'members' takes the rest of the line.
 */
export function argsFromText(text: string, specs: readonly ArgSpec[]): TextArgs {
  const args: Record<string, unknown> = {};
  const sources: Record<string, number[]> = {};
  const positional: { value: string; index: number }[] = [];
  tokenize(text).forEach((token, index) => {
    const named = /^([A-Za-z][\w-]*)=(.*)$/s.exec(token);
    const spec = named && specs.find((s) => s.name === camel(named[1]) || s.name === named[1]);
    if (named && spec) {
      args[spec.name] = named[2];
      sources[spec.name] = [index];
    } else positional.push({ value: token, index });
  });
  const open = specs.filter((s) => s.positional && !(s.name in args));
  const extra: string[] = [];
  for (let i = 0; i < open.length && positional.length > 0; i++) {
    const spec = open[i];
    const isLast = i === open.length - 1;
    if (spec.kind === 'members' || (spec.kind === 'text' && isLast)) {
      // a rest argument: take all remaining tokens (text keeps its spaces)
      const rest =
        i === open.length - 1
          ? positional.splice(0)
          : positional.splice(0, positional.length - (open.length - 1 - i));
      args[spec.name] =
        spec.kind === 'members' ? rest.map((r) => r.value) : rest.map((r) => r.value).join(' ');
      sources[spec.name] = rest.map((r) => r.index);
    } else {
      const one = positional.shift()!;
      args[spec.name] = one.value;
      sources[spec.name] = [one.index];
    }
  }
  extra.push(...positional.map((p) => p.value));
  return { args, extra, sources };
}
