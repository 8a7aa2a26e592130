// After the ballot fan-out: members whose ballot DM could not be delivered (DMs closed, member gone,
// or given up after many tries) can still vote with the Vote button on the voting-open post, and the
// organisers are told how many, privately. Only the count: who could not be reached is nobody else's
// business, and the whole channel need not hear about it (issue 9).
//
// Durable by construction: the organisers come from the database, the counts from the delivery queue,
// and what has been told is the outbox itself (one dedupe key per organiser and count), so a restarted
// process neither loses the notice nor repeats it. (Before, the adapter kept the channel to post in and
// what it had posted in memory, and lost both at a restart.)
import type { DeliveryQueue } from '../delivery/outbound.ports.js';
import type { DispatchResult } from '../kit/command.types.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { notifyMember } from '../notices/notice.service.js';
import type { Organisation } from '../shared/org.types.js';
import type { Store } from '../kit/store.js';

/** the outbox purpose of ballot DMs (voting.open) */
export const BALLOT_PURPOSE = 'ballot';

export const tellUnreached = defineCommand<{ election: number; count: number; total: number }>({
  id: 'voting.unreached',
  path: ['voting', 'unreached'],
  access: 'teller',
  listed: false,
  phases: ['voting'],
  args: {
    election: arg.election('arg.election'),
    count: arg.int('arg.unreached_count', 1, 10_000_000),
    total: arg.int('arg.unreached_total', 1, 10_000_000),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const organisers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'organiser');
    const params = { count: args.count, total: args.total, number: e.number, title: e.title };
    for (const o of organisers) {
      // the count is in the key: the same count is told once, a different one (more tries failed) again
      await notifyMember(
        ctx,
        o.memberId,
        `unreached:${args.count}:${o.memberId}`,
        (t) => ({ text: t('voting.unreached', params), tone: 'warning' }),
        'notice',
      );
    }
    return toActor(ctx.t('voting.unreached', params));
  },
});

export interface FanOutDeps {
  store: Store;
  delivery: DeliveryQueue;
  runAsTeller(
    org: Pick<Organisation, 'platform' | 'platformOrgId'>,
    command: string,
    args: Record<string, unknown>,
  ): Promise<DispatchResult>;
}

/**
 * What the core does with a delivery worker's progress report: once every ballot DM of an election has
 * been tried (none pending or being sent) and some could not be delivered, tell its organisers. The
 * counts are read from the queue here, not taken from the report.
 */
export function ballotFanOutWatcher(deps: FanOutDeps) {
  return async (report: { electionId: string; purpose: string }): Promise<void> => {
    if (report.purpose !== BALLOT_PURPOSE) return;
    const counts = await deps.delivery.progress(report.electionId, BALLOT_PURPOSE);
    if (counts.pending + counts.sending > 0) return;
    const missed = counts.unreachable + counts.failed;
    if (missed === 0) return;
    const total = missed + counts.sent;
    const target = await deps.store.transaction(async (tx) => {
      const election = await tx.elections.get(report.electionId);
      const org = election ? await tx.orgs.get(election.orgId) : undefined;
      return election && org ? { election, org } : undefined;
    });
    // once voting has closed the Vote button is gone: nothing the organisers could do about it
    if (target?.election.phase !== 'voting') return;
    await deps.runAsTeller(target.org, 'voting.unreached', {
      election: target.election.number,
      count: missed,
      total,
    });
  };
}
