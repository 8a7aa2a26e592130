// Messages Teller itself sends organisers when something needs them: a purge or a planned step that
// keeps failing, and their own deadlines in the timetable (review, publish, count, certify).
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { notifyMember } from './notice.service.js';
import type { Translate } from '../../i18n/index.js';

/**
 * What Teller may alert organisers about; each has a message `alert.<about>`. The `_due` ones are the
 * organisers' own deadlines in the timetable; `schedule_*` a planned step the clock could not carry out.
 */
const ALERTS = [
  'seal_failing',
  'job_failing',
  'schedule_blocked',
  'schedule_refused',
  'schedule_missed',
  'review_due',
  'publish_due',
  'count_due',
  'confirm_due',
  'certify_due',
] as const;

export const alertOrganisers = defineCommand<{
  election: number;
  about: (typeof ALERTS)[number];
  step?: string;
  detail?: string;
}>({
  id: 'notices.alert',
  path: ['organisers', 'alert'],
  access: 'teller',
  listed: false,
  args: {
    election: arg.election('arg.election'),
    about: arg.choice('arg.about', ALERTS),
    step: arg.word('arg.step', 40, { optional: true, named: true }),
    detail: arg.text('arg.detail', 1000, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const roles = await ctx.tx.roles.list(e.id);
    // the count waits on the scrutineers who have not confirmed it; everything else on the organisers
    const confirmed = new Set((await ctx.tx.results.confirmations(e.id)).map((c) => c.memberId));
    const organisers =
      args.about === 'confirm_due'
        ? roles.filter((r) => r.role === 'scrutineer' && !confirmed.has(r.memberId))
        : roles.filter((r) => r.role === 'organiser');
    const key = `alert.${args.about}`;
    const params = (t: Translate) => ({
      number: e.number,
      title: e.title,
      step: args.step ? t(`timeline.step.${args.step}`) : '',
      detail: args.detail ?? '',
    });
    // once per alert and hour, or once per planned reminder
    const once = ctx.scheduled?.key ?? ctx.now.toISOString().slice(0, 13);
    for (const o of organisers) {
      await notifyMember(
        ctx,
        o.memberId,
        `alert:${args.about}:${args.step ?? ''}:${once}:${o.memberId}`,
        (t) => ({
          text: t(key, params(t)),
          tone: 'warning',
        }),
      );
    }
    return toActor(ctx.t(key, params(ctx.t)));
  },
});
