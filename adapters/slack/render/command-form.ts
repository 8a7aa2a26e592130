// A modal for any registry command, built from its CommandSpec: typing "/election create" alone, or a
// button whose command still needs input (a review reason, a nomination statement), opens this instead
// of asking the member to type every argument. Each argument is one input block whose block_id is the
// argument's name, so the core's 'invalid' issues (which name the field) land beside the right input.

import type { ArgSpec, CommandSpec } from '../../../src/core/index.js';
import type { Block } from './blocks.js';
import { clip } from '../../shared/index.js';

export const FORM_CALLBACK = 'form';
export const FORM_ACTION = 'v';

export interface FormMeta {
  command: string;
  /** arguments fixed by the button or typed text (election, contest ...), never a member id of the actor */
  preset: Record<string, string>;
  channel?: string;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function formArgs(spec: CommandSpec, preset: Record<string, string>): ArgSpec[] {
  return spec.args.filter((a) => !(a.name in preset));
}

/** true when the spec needs input that `preset` does not give */
export function needsForm(spec: CommandSpec, preset: Record<string, string>): boolean {
  return formArgs(spec, preset).some((a) => a.required);
}

export function renderCommandForm(spec: CommandSpec, meta: FormMeta, t: Translate): Record<string, unknown> {
  const blocks = formArgs(spec, meta.preset).map((arg) => ({
    type: 'input',
    block_id: arg.name,
    optional: !arg.required,
    label: { type: 'plain_text', text: clip(t(arg.descriptionKey), 2000) },
    element: elementFor(arg),
  }));
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    title: { type: 'plain_text', text: clip(t(spec.summaryKey), 24) },
    submit: { type: 'plain_text', text: t('slack.form.submit') },
    close: { type: 'plain_text', text: t('slack.form.close') },
    private_metadata: JSON.stringify(meta),
    blocks: blocks.slice(0, 100),
  };
}

function elementFor(arg: ArgSpec): Block {
  const base = { action_id: FORM_ACTION };
  switch (arg.kind) {
    case 'member':
      return { ...base, type: 'users_select' };
    case 'members':
      return { ...base, type: 'multi_users_select' };
    case 'channel':
      return {
        ...base,
        type: 'conversations_select',
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      };
    case 'int': {
      const el: Block = { ...base, type: 'number_input', is_decimal_allowed: false };
      if (arg.min !== undefined) el.min_value = String(arg.min);
      if (arg.max !== undefined) el.max_value = String(arg.max);
      return el;
    }
    case 'choice':
      return {
        ...base,
        type: 'static_select',
        options: (arg.choices ?? [])
          .slice(0, 100)
          .map((c) => ({ text: { type: 'plain_text', text: clip(c, 75) }, value: c })),
      };
    case 'text':
      return { ...base, type: 'plain_text_input', multiline: true, max_length: 3000 };
    default:
      return { ...base, type: 'plain_text_input' };
  }
}
