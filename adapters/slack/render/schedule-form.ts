// The timetable modal (adapters/shared/schedule-form.ts says what its fields mean). Slack allows 100
// blocks, so one modal holds every step that has not happened, and the override reason. Each input's
// block_id is its argument's name in election.schedule, so an error the core names by step lands beside it.

import { clip, OVERRIDE_FIELD, type ScheduleField } from '../../shared/index.js';
import type { Block } from './blocks.js';
import { FORM_ACTION, type Translate } from './command-form.js';

export const SCHEDULE_CALLBACK = 'schedule';

export interface ScheduleMeta {
  election: string;
  /** what the form showed (stampOf), to refuse a submit after the plan changed */
  stamp: string;
  /** where the timeline is posted after the submit (ephemeral) */
  channel?: string;
}

export function renderScheduleForm(
  fields: readonly ScheduleField[],
  o: { meta: ScheduleMeta; zone: string; someHappened: boolean },
  t: Translate,
): Record<string, unknown> {
  const intro = [t('slack.schedule.intro', { zone: o.zone })];
  if (o.someHappened) intro.push(t('slack.schedule.done_left_out'));
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: clip(intro.join('\n'), 3000) } },
    ...fields.map((f) => ({
      type: 'input',
      block_id: f.arg,
      optional: true,
      label: { type: 'plain_text', text: clip(t(`timeline.step.${f.step}`), 2000) },
      element: {
        type: 'plain_text_input',
        action_id: FORM_ACTION,
        placeholder: { type: 'plain_text', text: clip(t('slack.schedule.placeholder'), 150) },
        max_length: 40,
        ...(f.value ? { initial_value: f.value } : {}),
      },
    })),
    {
      type: 'input',
      block_id: OVERRIDE_FIELD,
      optional: true,
      label: { type: 'plain_text', text: clip(t('slack.schedule.override'), 2000) },
      element: { type: 'plain_text_input', action_id: FORM_ACTION, max_length: 500 },
    },
  ];
  return {
    type: 'modal',
    callback_id: SCHEDULE_CALLBACK,
    title: { type: 'plain_text', text: clip(t('slack.schedule.title', { number: o.meta.election }), 24) },
    submit: { type: 'plain_text', text: t('slack.form.submit') },
    close: { type: 'plain_text', text: t('slack.form.close') },
    private_metadata: JSON.stringify(o.meta),
    blocks,
  };
}
