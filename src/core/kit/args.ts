// Argument kinds: each builds both the spec adapters read (Discord option types, help) and the zod
// schema that every entry point ends in. Inputs arrive as typed text (Slack, console) or typed values
// (Discord options, buttons, modals); both go through the same safeParse.

import { z } from 'zod';
import type { ArgKind, ArgSpec } from './command.types.js';

export interface ArgDef {
  spec: Omit<ArgSpec, 'name'>;
  schema: z.ZodType;
}

const posInt = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^#?\d+$/, 'a number such as 3'),
  ])
  .transform((v) => Number(String(v).replace('#', '')))
  .pipe(z.number().int().positive());

/** `<@U123>`, `<@U123|name>`, `<@!123>`, `@alice` or a bare id -> the member id */
export function parseMember(raw: string): string | undefined {
  const s = raw.trim();
  const mention = /^<@!?([A-Za-z0-9_.-]+)(?:\|[^>]*)?>$/.exec(s);
  if (mention) return mention[1];
  const plain = /^@?([A-Za-z0-9_.-]{1,64})$/.exec(s);
  return plain ? plain[1] : undefined;
}

export function parseChannel(raw: string): string | undefined {
  const s = raw.trim();
  const mention = /^<#([A-Za-z0-9_.-]+)(?:\|[^>]*)?>$/.exec(s);
  if (mention) return mention[1];
  const plain = /^#?([A-Za-z0-9_.-]{1,80})$/.exec(s);
  return plain ? plain[1] : undefined;
}

const member = z.string().transform((v, ctx) => {
  const id = parseMember(v);
  if (!id) ctx.addIssue({ code: 'custom', message: 'a member such as @alice' });
  return id ?? '';
});

const members = z.union([z.string(), z.array(z.string())]).transform((v, ctx) => {
  const parts = (Array.isArray(v) ? v : v.split(/[\s,;]+/)).map((p) => p.trim()).filter(Boolean);
  const ids: string[] = [];
  for (const p of parts) {
    const id = parseMember(p);
    if (!id)
      ctx.addIssue({
        code: 'custom',
        message: 'arg.not_a_member',
        params: { [KEYED]: true, text: p.slice(0, 80) },
      });
    else if (!ids.includes(id)) ids.push(id);
  }
  if (parts.length === 0) ctx.addIssue({ code: 'custom', message: 'at least one member, such as @alice' });
  return ids;
});

const channel = z.string().transform((v, ctx) => {
  const id = parseChannel(v);
  if (!id) ctx.addIssue({ code: 'custom', message: 'a channel such as #general' });
  return id ?? '';
});

/**
 * Characters no text argument may hold, however it arrives (typed, a button, a modal, a Discord option).
 * NUL cannot be stored in PostgreSQL text at all; the other C0 and C1 controls (escape, backspace, bell
 * ...) would be stored but garble every channel post, DM and report that shows them. Free text keeps
 * tab and line breaks; a one-word argument (a contest name, a receipt code) keeps none.
 */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROL_IN_WORD = /[\u0000-\u001f\u007f-\u009f]/;
/** half of a UTF-16 pair with no other half: no database stores it as written */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Issues whose message is a catalog key, so the member reads them in their own language. */
const KEYED = 'teller.keyed';

function storable(control: RegExp) {
  return (value: string, ctx: z.RefinementCtx) => {
    const bad = control.exec(value)?.[0];
    if (bad !== undefined) {
      const char = `U+${bad.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      ctx.addIssue({ code: 'custom', message: 'arg.control_character', params: { [KEYED]: true, char } });
    } else if (LONE_SURROGATE.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'arg.broken_character', params: { [KEYED]: true } });
    }
  };
}

const freeText = () => z.string().superRefine(storable(CONTROL_IN_TEXT)).trim();
const oneWord = () => z.string().superRefine(storable(CONTROL_IN_WORD)).trim();

/** The member's-language text of an issue raised here, or undefined for zod's own wording. */
export function argIssueText(
  issue: { code: string; message: string; params?: Record<string, unknown> },
  t: (key: string, params?: Record<string, string | number>) => string,
): string | undefined {
  if (issue.code !== 'custom' || issue.params?.[KEYED] !== true) return undefined;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(issue.params))
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  return t(issue.message, params);
}

function make(kind: ArgKind, schema: z.ZodType, extra: Partial<ArgSpec> = {}) {
  return (descriptionKey: string, opts: { optional?: boolean; named?: boolean } = {}): ArgDef => ({
    spec: { kind, required: !opts.optional, descriptionKey, positional: !opts.named, ...extra },
    schema: opts.optional ? schema.optional() : schema,
  });
}

export const arg = {
  election: make('election', posInt),
  nomination: make('nomination', posInt),
  contest: make(
    'contest',
    z.union([z.number().int().positive().transform(String), z.string()]).pipe(oneWord().min(1).max(100)),
  ),
  member: make('member', member),
  members: make('members', members),
  channel: make('channel', channel),
  int: (
    descriptionKey: string,
    min: number,
    max: number,
    opts: { optional?: boolean; named?: boolean } = {},
  ) =>
    make(
      'int',
      z
        .union([
          z.number(),
          z
            .string()
            .trim()
            .regex(/^-?\d+$/, 'a whole number'),
        ])
        .transform(Number)
        .pipe(z.number().int().min(min).max(max)),
      { min, max },
    )(descriptionKey, opts),
  word: (descriptionKey: string, max: number, opts: { optional?: boolean; named?: boolean } = {}) =>
    make('word', oneWord().min(1).max(max), { max })(descriptionKey, opts),
  /** `allowEmpty`: "" is a value (an empty ballot choice is a blank ballot), not a missing argument */
  text: (
    descriptionKey: string,
    max: number,
    opts: { optional?: boolean; named?: boolean; allowEmpty?: boolean } = {},
  ) =>
    make('text', opts.allowEmpty ? freeText().max(max) : freeText().min(1).max(max), { max })(
      descriptionKey,
      opts,
    ),
  choice: <T extends string>(
    descriptionKey: string,
    choices: readonly [T, ...T[]],
    opts: { optional?: boolean; named?: boolean } = {},
  ) =>
    // any case is the choice as spelled in the registry: "ZH-HANS" and "zh-hans" are "zh-Hans"
    make(
      'choice',
      z
        .string()
        .trim()
        .transform((v) => choices.find((c) => c.toLowerCase() === v.toLowerCase()) ?? v)
        .pipe(z.enum(choices)),
      { choices },
    )(descriptionKey, opts),
};
