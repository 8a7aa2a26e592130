import { arg } from '../commands/args.js';
import { defineCommand } from '../commands/define.js';
import { toActor } from '../commands/say.js';
import { current } from '../elections/election.service.js';
import { fail } from '../shared/result.js';
import { verifyChain } from './audit.rules.js';

export const showAudit = defineCommand<{ election: number; last?: number }>({
  id: 'audit.show',
  path: ['audit', 'show'],
  access: 'organiser-or-scrutineer',
  args: { election: arg.election('arg.election'), last: arg.int('arg.last', 1, 500, { optional: true, named: true }) },
  async handler(ctx, args) {
    const e = current(ctx);
    const entries = await ctx.tx.audit.list(e.id);
    const shown = entries.slice(-(args.last ?? 20));
    const lines = shown.map((x) => {
      const data = Object.entries(x.data)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      return `#${x.seq} ${x.at.slice(0, 19).replace('T', ' ')} <@${x.actor}> ${x.event}${data ? ` ${data}` : ''} · ${x.hash.slice(0, 12)}`;
    });
    return toActor(lines.join('\n') || '—', { title: ctx.t('audit.title', { number: e.number, count: entries.length }), tone: 'info' });
  },
});

export const verifyAudit = defineCommand<{ election: number }>({
  id: 'audit.verify',
  path: ['audit', 'verify'],
  access: 'organiser-or-scrutineer',
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = current(ctx);
    const check = verifyChain(await ctx.tx.audit.list(e.id));
    if (!check.ok) return fail(`audit.chain_${check.problem.replace(/-/g, '_')}`, { seq: check.seq, number: e.number });
    return toActor(ctx.t('audit.intact', { count: check.entries, number: e.number }));
  },
});
