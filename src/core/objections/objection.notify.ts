// Telling a decision: posted to the election's channel, and privately to the objector and to each member
// it concerns, each in their own language, with how long it may be appealed (a panel's is final).

import type { ElectionContext, Reader } from '../kit/context.js';
import { notifyChannel, notifyMember } from '../notices/notice.service.js';
import { affectedBy } from './objection.service.js';
import type { Appeal, Objection } from './objection.types.js';
import { refOf } from './objection.types.js';

export async function tellDecision(
  ctx: ElectionContext,
  o: Objection,
  appeal: Appeal | undefined,
  key: string,
  text: (r: Reader) => string,
): Promise<void> {
  const e = ctx.election;
  const ref = refOf(o);
  await notifyChannel(ctx, `${key}:${ref}`, {
    title: ctx.t('objection.decision_title', { number: e.number, ref }),
    text: text({ t: ctx.t, locale: ctx.locale, zone: ctx.zone }),
    tone: 'info',
  });
  const parties = new Set([o.objector, ...(await affectedBy(ctx, o, appeal))]);
  if (appeal) parties.add(appeal.appellant);
  for (const m of parties)
    await notifyMember(ctx, m, `${key}:${ref}:${m}`, (t, reader) => ({
      title: t('objection.decision_title', { number: e.number, ref }),
      text: [
        t(m === o.objector ? 'objection.dm_yours' : 'objection.dm_concerns_you', { ref, number: e.number }),
        text(reader),
      ].join('\n'),
      tone: 'info',
    }));
}
