// Messages Teller itself sends organisers when something needs them (a purge that keeps failing).
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { notifyMember } from './notice.service.js';

/** What Teller may alert organisers about; each has a message `alert.<about>`. */
const ALERTS = ['seal_failing'] as const;

export const alertOrganisers = defineCommand<{ election: number; about: (typeof ALERTS)[number] }>({
  id: 'notices.alert',
  path: ['organisers', 'alert'],
  access: 'teller',
  listed: false,
  args: { election: arg.election('arg.election'), about: arg.choice('arg.about', ALERTS) },
  async handler(ctx, args) {
    const e = ctx.election;
    const organisers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'organiser');
    const key = `alert.${args.about}`;
    for (const o of organisers) {
      await notifyMember(
        ctx,
        o.memberId,
        `alert:${args.about}:${ctx.now.toISOString().slice(0, 13)}:${o.memberId}`,
        (t) => ({ text: t(key, { number: e.number, title: e.title }), tone: 'warning' }),
      );
    }
    return toActor(ctx.t(key, { number: e.number, title: e.title }));
  },
});
