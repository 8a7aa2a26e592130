// Who a proxy may be, and whose ballot a cast is: read by the proxy commands and by the ballot box.
import type { ElectionContext } from '../kit/context.js';
import { mention } from '../kit/say.js';
import type { Election } from '../shared/election.types.js';
import { presetOf } from '../shared/presets.js';
import { fail, ok, type Result } from '../shared/result.js';

/**
 * Whether this election's rules allow proxies, and how many principals one proxy may hold (C13).
 * Only a preset that provides for proxies allows them: lmrda forbids them (L3), and the others, like
 * Teller's own defaults, say nothing, so a proxy is refused as not provided for.
 */
export function proxyPolicy(e: Election): Result<{ limit: number; rule: string }> {
  const preset = presetOf(e.settings);
  if (preset?.noProxies) return fail('proxy.forbidden', { preset: preset.id, rule: preset.noProxies });
  if (!preset?.proxies) return fail('proxy.not_provided', { preset: preset?.id ?? '—' });
  return ok({ limit: e.settings.proxyLimit ?? preset.proxies.limit, rule: preset.proxies.rule });
}

/**
 * The member whose ballot this actor casts (or fetches): their own, or with `principal` named, that
 * principal's, when the actor is the principal's approved proxy. The ballot is then the principal's in
 * every respect (link, weight, participation), so a proxy's cast is stored exactly as the principal's
 * own would be. A member whose proxy is approved no longer votes themselves (C13: one ballot each).
 */
export async function ballotHolder(
  ctx: ElectionContext,
  principal: string | undefined,
): Promise<Result<{ voter: string; proxied: boolean }>> {
  const e = ctx.election;
  const me = ctx.actor.memberId;
  // the cast path: where the rules provide for no proxies there is nothing to look up
  if (!presetOf(e.settings)?.proxies) {
    if (principal !== undefined && principal !== me)
      return fail('proxy.not_their_proxy', { principal: mention(principal) }, 'for');
    return ok({ voter: me, proxied: false });
  }
  if (principal === undefined || principal === me) {
    const mine = await ctx.tx.proxies.get(e.id, me);
    if (mine?.status === 'approved')
      return fail('proxy.principal_cannot_vote', { proxy: mention(mine.proxy) });
    return ok({ voter: me, proxied: false });
  }
  const theirs = await ctx.tx.proxies.get(e.id, principal);
  if (!theirs || theirs.proxy !== me || theirs.status !== 'approved')
    return fail('proxy.not_their_proxy', { principal: mention(principal) }, 'for');
  return ok({ voter: principal, proxied: true });
}
