// The seal at close (ARCHITECTURE §2). In the close's own transaction: decrypt every ballot, shuffle,
// write the plaintext ballots with fresh random ids, and delete the ciphertexts, the links, the salt and
// the stored replies to platform retries. After the commit, the database's files must lose them too
// (Store.purge); until that has succeeded the election is 'sealing', a durable job retries, and
// organisers are told when it is done.
import { randomInt } from 'node:crypto';
import type { DispatchResult } from '../kit/command.types.js';
import type { CommandContext } from '../kit/context.js';
import type { Election } from '../elections/election.types.js';
import { current } from '../elections/election.service.js';
import { randomId } from '../shared/ids.js';
import { ok, type Result } from '../shared/result.js';
import type { StoredBallot } from './ballot.types.js';
import { openBallot } from './ballot.crypto.js';
import { electionKeys } from './ballot.service.js';
import { shuffled } from './ballot.rules.js';

export const SEAL_JOB = 'seal';
/** If the purge right after the commit fails (or the process dies), the job tries again after this. */
const SEAL_RETRY_MS = 60_000;

export const sealJobKey = (electionId: string) => `seal:${electionId}`;

/** Decrypt, shuffle and store the plaintext ballots; delete every ciphertext, link and the salt. */
export async function sealBallotBox(ctx: CommandContext, e: Election): Promise<Result<{ ballots: number }>> {
  const keys = await electionKeys(ctx, e);
  if (!keys.ok) return keys;
  const cast = await ctx.tx.castBallots.listForElection(e.id);
  const plain: StoredBallot[] = cast.map((b) => {
    const opened = openBallot(keys.value.content, e.id, b.contestId, b.sealed);
    // fresh ids: nothing of the cast (its id, its place in the table) carries over to the counted ballot
    return {
      id: randomId(),
      electionId: e.id,
      contestId: b.contestId,
      weight: opened.weight,
      content: opened.content,
    };
  });
  // Ids are random, so every contest's list (ordered by id) is in its own independent random order;
  // the shuffle also keeps the physical order of the writes from following the cast table's.
  await ctx.tx.ballots.insertMany(shuffled(plain, (n) => randomInt(n)));
  await destroyLinks(ctx, e);
  return ok({ ballots: plain.length });
}

/** Voting never finished (a cancel): the ballots are not counted, so they are only destroyed. */
export async function discardBallotBox(ctx: CommandContext, e: Election): Promise<void> {
  await destroyLinks(ctx, e);
}

async function destroyLinks(ctx: CommandContext, e: Election): Promise<void> {
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
export async function planPurge(ctx: CommandContext, opts: { report: boolean }): Promise<void> {
  const e = current(ctx);
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
