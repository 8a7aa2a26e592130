// The seal at close (ARCHITECTURE §2). In the close's own transaction: decrypt every ballot, shuffle,
// write the plaintext ballots with fresh random ids, and delete the ciphertexts, the links, the salt and
// the stored replies to platform retries (elections/election.seal.ts, which also purges them from the
// database's files after the commit).
import { randomInt } from 'node:crypto';
import type { CommandContext } from '../kit/context.js';
import type { Election } from '../shared/election.types.js';
import { destroyLinks } from '../elections/election.seal.js';
import { randomId } from '../shared/ids.js';
import { ok, type Result } from '../shared/result.js';
import type { StoredBallot } from './ballot.types.js';
import { openBallot } from './ballot.crypto.js';
import { electionKeys } from './ballot.service.js';
import { shuffled } from './ballot.rules.js';

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
