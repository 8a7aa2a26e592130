// Closing the ballot box, as the election sees it (ARCHITECTURE §2): destroying every link between
// voters and ballots (at the seal, and at a cancel during voting), then purging what was deleted from
// the database's files after the commit. Until that purge has succeeded the election is 'sealing', a
// durable job retries, and organisers are told when it is done. The seal itself (decrypt, shuffle,
// store the ballots) is the ballots module's: ballots/ballot.seal.ts.
import type { DispatchResult } from '../kit/command.types.js';
import type { CommandContext, ElectionContext } from '../kit/context.js';
import type { Election } from '../shared/election.types.js';

export const SEAL_JOB = 'seal';
/** If the purge right after the commit fails (or the process dies), the job tries again after this. */
const SEAL_RETRY_MS = 60_000;

export const sealJobKey = (electionId: string) => `seal:${electionId}`;

/** Voting never finished (a cancel): the ballots are not counted, so they are only destroyed. */
export async function discardBallotBox(ctx: CommandContext, e: Election): Promise<void> {
  await destroyLinks(ctx, e);
}

/** Delete every link between voters and ballots, and what could rebuild one (the key's salt). */
export async function destroyLinks(ctx: CommandContext, e: Election): Promise<void> {
  await ctx.tx.castBallots.deleteForElection(e.id);
  await ctx.tx.receipts.sealElection(e.id);
  await ctx.tx.secrets.delete(e.id);
  // stored replies to platform retries hold each cast's receipt code and time
  await ctx.tx.requests.deleteForElection(e.id);
  // queued receipt DMs name their voter beside the code; the voter saw the code in the cast's reply
  await ctx.tx.outbox.forgetReceipts(e.id);
  ctx.state.forget(e.id);
}

/**
 * Mark the election 'sealing', plan the retry job in this transaction, and purge right after the commit.
 * The result of the purge replaces the command's reply when it failed (the close is then not reported
 * as done), or when `report` asks for the sealed reply itself.
 */
export async function planPurge(ctx: ElectionContext, opts: { report: boolean }): Promise<void> {
  const e = ctx.election;
  if (e.seal !== 'pending') {
    const next: Election = { ...e, seal: 'pending' };
    await ctx.tx.elections.update(next);
    ctx.election = next;
  }
  await ctx.schedule({
    kind: SEAL_JOB,
    dedupeKey: sealJobKey(e.id),
    runAt: new Date(ctx.now.getTime() + SEAL_RETRY_MS).toISOString(),
  });
  ctx.afterCommit(async (): Promise<DispatchResult | void> => {
    try {
      await ctx.purge();
    } catch (error) {
      ctx.alert(
        'the seal is not complete: the database could not purge deleted ballot data; Teller will retry',
        { election: e.number, error: String(error) },
      );
      const text = ctx.t('voting.seal_incomplete', { number: e.number, title: e.title });
      return {
        kind: 'domain-error',
        code: 'voting.seal_incomplete',
        reply: { visibility: 'only-you', body: { text, tone: 'warning' } },
      };
    }
    const done = await ctx.runAsTeller('ballots.sealed', {
      election: e.number,
      notify: ctx.byTeller ? 'yes' : 'no',
    });
    if (done.kind !== 'ok')
      ctx.alert('marking the election sealed failed', { election: e.number, kind: done.kind });
    return opts.report ? done : undefined;
  });
}
