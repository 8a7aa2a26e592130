// How arguments are named and described to members: as the README spells them (objection-days, not
// objectionDays), and what each kind expects, in the member's language. Used by usage lines, help and
// the replies to a badly formed command, so all three say the same thing.
import type { ArgSpec } from './command.types.js';

type T = (key: string, params?: Record<string, string | number>) => string;

/** The argument's name as typed: `objection-days=3`. */
export function argLabel(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** What a value of this argument looks like, as a phrase: "a whole number from 0 to 30". */
export function expectedText(spec: ArgSpec, t: T): string {
  switch (spec.kind) {
    case 'int':
      return t('expect.int', { min: spec.min ?? 0, max: spec.max ?? 0 });
    case 'word':
    case 'text':
      return spec.max !== undefined
        ? t(`expect.${spec.kind}`, { max: spec.max })
        : t(`expect.${spec.kind}_any`);
    case 'choice':
      return t('expect.choice', { choices: (spec.choices ?? []).join(', ') });
    default:
      return t(`expect.${spec.kind}`);
  }
}

/** The placeholder in a usage line: <election>, @member, N, yes|no. */
export function placeholder(spec: ArgSpec): string {
  switch (spec.kind) {
    case 'int':
      return 'N';
    case 'choice':
      return (spec.choices ?? []).join('|');
    case 'member':
      return '@member';
    case 'members':
      return '@member…';
    case 'channel':
      return '#channel';
    default:
      return spec.positional ? argLabel(spec.name) : spec.kind;
  }
}
