// Finishing the seal: the step Teller runs itself once a purge has succeeded (see
// elections/election.seal.ts). The organisers' command to purge again is voting.seal.
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { notifyMember } from '../notices/notice.service.js';
import { AFTER_CLOSE } from '../elections/election.rules.js';
import { sealJobKey } from '../elections/election.seal.js';
import type { Election } from '../shared/election.types.js';

export const markSealed = defineCommand<{ election: number; notify: 'yes' | 'no' }>({
  id: 'ballots.sealed',
  path: ['ballots', 'sealed'],
  access: 'teller',
  listed: false,
  phases: AFTER_CLOSE,
  args: { election: arg.election('arg.election'), notify: arg.choice('arg.notify', ['yes', 'no']) },
  async handler(ctx, args) {
    const e = ctx.election;
    if (e.seal !== 'pending') return toActor(ctx.t('voting.already_sealed', { number: e.number }));
    const next: Election = { ...e, seal: 'done' };
    await ctx.tx.elections.update(next);
    ctx.election = next;
    await ctx.tx.jobs.finishByKey(sealJobKey(e.id), ctx.now.toISOString());
    await ctx.audit('ballots.sealed');
    if (args.notify === 'yes') {
      const organisers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'organiser');
      for (const o of organisers) {
        await notifyMember(ctx, o.memberId, `sealed:${o.memberId}`, (t) => ({
          text: t('voting.sealed_notice', { number: e.number, title: e.title }),
          tone: 'success',
        }));
      }
    }
    return toActor(ctx.t('voting.sealed_done', { number: e.number, title: e.title }));
  },
});
