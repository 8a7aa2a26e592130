// After an election is archived, its records are opened only on a request an organiser approved
// (issue 14): every export and every view of them checks here, and each opening is audited.
import type { ElectionContext } from '../kit/context.js';
import { fail, ok, type Result } from '../shared/result.js';

/** How long an approved request opens the records for. */
export const ACCESS_DAYS = 7;

export async function recordsOpen(ctx: ElectionContext, what: string): Promise<Result<void>> {
  const e = ctx.election;
  if (e.phase !== 'archived') return ok(undefined);
  const me = ctx.actor.memberId;
  const now = ctx.now.toISOString();
  const approved = (await ctx.tx.audit.list(e.id)).some(
    (a) => a.event === 'records.approved' && a.data.requester === me && String(a.data.until) > now,
  );
  if (!approved) return fail('records.request_first', { number: e.number });
  await ctx.audit('records.opened', { what });
  return ok(undefined);
}
