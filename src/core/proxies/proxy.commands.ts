// Proxies (委托投票, C13), where the election's rules provide for them: a member of the roll appoints
// another as their proxy before voting opens, the organisers approve it in writing, and the list of
// principals and proxies is public. lmrda refuses every step (L3). On Discord /election has no room for
// another group, so these live under roll (`/election roll proxy appoint`).
import { ROLL_OPEN } from '../elections/election.rules.js';
import { arg } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { postNotice } from '../notices/notice.service.js';
import { fail, ok, type Result } from '../shared/result.js';
import { proxyPolicy } from './proxy.service.js';

async function onRoll(ctx: ElectionContext, member: string, who: 'you' | 'proxy'): Promise<Result<void>> {
  const entry = await ctx.tx.roll.get(ctx.election.id, member);
  if (entry?.status === 'eligible') return ok(undefined);
  return who === 'you'
    ? fail('proxy.you_not_on_roll', {})
    : fail('proxy.proxy_not_on_roll', { member: mention(member) }, 'proxy');
}

export const appointProxy = defineCommand<{ election: number; proxy: string }>({
  id: 'proxy.appoint',
  path: ['roll', 'proxy', 'appoint'],
  access: 'anyone',
  phases: ROLL_OPEN,
  args: { election: arg.election('arg.election'), proxy: arg.member('arg.proxy') },
  async handler(ctx, args) {
    const e = ctx.election;
    const me = ctx.actor.memberId;
    const policy = proxyPolicy(e);
    if (!policy.ok) return policy;
    const { limit, rule } = policy.value;
    const mine = await onRoll(ctx, me, 'you');
    if (!mine.ok) return mine;
    if (args.proxy === me) return fail('proxy.self', {}, 'proxy');
    const theirs = await onRoll(ctx, args.proxy, 'proxy');
    if (!theirs.ok) return theirs;
    const all = await ctx.tx.proxies.list(e.id);
    const already = all.find((a) => a.principal === me);
    if (already) return fail('proxy.already_appointed', { proxy: mention(already.proxy), number: e.number });
    // one step only: a ballot passes from its member to one proxy, never along a chain
    if (all.some((a) => a.principal === args.proxy))
      return fail('proxy.proxy_has_proxy', { member: mention(args.proxy) }, 'proxy');
    if (all.some((a) => a.proxy === me)) return fail('proxy.you_are_proxy', {});
    const held = all.filter((a) => a.proxy === args.proxy).length;
    if (held >= limit) return fail('proxy.limit', { member: mention(args.proxy), limit, rule }, 'proxy');
    await ctx.tx.proxies.put({
      electionId: e.id,
      principal: me,
      proxy: args.proxy,
      status: 'pending',
      createdAt: ctx.now.toISOString(),
      approvedBy: null,
      approvedAt: null,
    });
    await ctx.audit('proxy.appointed', { principal: me, proxy: args.proxy });
    return toActor(ctx.t('proxy.appointed', { proxy: mention(args.proxy), number: e.number, rule }));
  },
});

export const approveProxy = defineCommand<{ election: number; principal: string }>({
  id: 'proxy.approve',
  path: ['roll', 'proxy', 'approve'],
  access: 'organiser',
  phases: ROLL_OPEN,
  args: { election: arg.election('arg.election'), principal: arg.member('arg.principal') },
  async handler(ctx, args) {
    const e = ctx.election;
    const policy = proxyPolicy(e);
    if (!policy.ok) return policy;
    const found = await ctx.tx.proxies.get(e.id, args.principal);
    if (!found) return fail('proxy.none', { principal: mention(args.principal) }, 'principal');
    if (found.status === 'approved')
      return toActor(ctx.t('proxy.already_approved', { principal: mention(args.principal) }));
    // the limit may have been lowered since the appointment
    const held = (await ctx.tx.proxies.list(e.id)).filter(
      (a) => a.proxy === found.proxy && a.status === 'approved',
    ).length;
    if (held >= policy.value.limit)
      return fail('proxy.limit', { member: mention(found.proxy), ...policy.value }, 'principal');
    await ctx.tx.proxies.put({
      ...found,
      status: 'approved',
      approvedBy: ctx.actor.memberId,
      approvedAt: ctx.now.toISOString(),
    });
    await ctx.audit('proxy.approved', { principal: found.principal, proxy: found.proxy });
    return toActor(
      ctx.t('proxy.approved', { principal: mention(found.principal), proxy: mention(found.proxy) }),
    );
  },
});

export const rejectProxy = defineCommand<{ election: number; principal: string; reason?: string }>({
  id: 'proxy.reject',
  path: ['roll', 'proxy', 'reject'],
  access: 'organiser',
  phases: ROLL_OPEN,
  args: {
    election: arg.election('arg.election'),
    principal: arg.member('arg.principal'),
    reason: arg.text('arg.reason', 500, { optional: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const found = await ctx.tx.proxies.get(e.id, args.principal);
    if (!found) return fail('proxy.none', { principal: mention(args.principal) }, 'principal');
    await ctx.tx.proxies.remove(e.id, args.principal);
    await ctx.audit('proxy.rejected', {
      principal: found.principal,
      proxy: found.proxy,
      reason: args.reason ?? null,
    });
    return toActor(
      ctx.t('proxy.rejected', { principal: mention(found.principal), proxy: mention(found.proxy) }),
    );
  },
});

/** The public list (C13): each principal and the proxy approved to vote for them. */
export async function proxyList(
  ctx: ElectionContext,
): Promise<{ title: string; text: string; count: number }> {
  const e = ctx.election;
  const approved = (await ctx.tx.proxies.list(e.id)).filter((a) => a.status === 'approved');
  const lines = approved.map((a) =>
    ctx.t('proxies.line', { principal: mention(a.principal), proxy: mention(a.proxy) }),
  );
  return {
    title: ctx.t('proxies.title', { number: e.number, title: e.title, count: approved.length }),
    text: lines.join('\n') || ctx.t('proxies.empty'),
    count: approved.length,
  };
}

export const listProxies = defineCommand<{ election: number; publish?: 'yes' | 'no' }>({
  id: 'proxies.list',
  path: ['roll', 'proxies'],
  access: 'anyone',
  args: {
    election: arg.election('arg.election'),
    publish: arg.choice('arg.publish_proxies', ['yes', 'no'], { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const list = await proxyList(ctx);
    // open to anyone, so dispatch did not read the actor's roles: the organisers' extras need them
    const organiser = (await ctx.tx.roles.list(ctx.election.id)).some(
      (r) => r.memberId === ctx.actor.memberId && r.role === 'organiser',
    );
    if (args.publish === 'yes') {
      if (!organiser) return fail('proxies.publish_organisers', {}, 'publish');
      await ctx.audit('proxies.published', { count: list.count });
      return postNotice(ctx, `proxies-published:${ctx.now.toISOString()}`, {
        title: list.title,
        text: list.text,
        tone: 'info',
      });
    }
    const pending = organiser
      ? (await ctx.tx.proxies.list(ctx.election.id)).filter((a) => a.status === 'pending')
      : [];
    const waiting = pending.map((a) =>
      ctx.t('proxies.pending_line', { principal: mention(a.principal), proxy: mention(a.proxy) }),
    );
    return toActor([list.text, ...waiting].join('\n'), { title: list.title, tone: 'info' });
  },
});
