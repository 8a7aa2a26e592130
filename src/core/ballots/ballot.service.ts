import { RON } from '../shared/presets.js';
import { randomInt } from 'node:crypto';
import type { CommandContext, ElectionContext } from '../kit/context.js';
import type { BallotForm } from '../shared/reply.js';
import type { Contest, Election } from '../shared/election.types.js';
import { randomId, receiptCode } from '../shared/ids.js';
import { fail, ok, type Result } from '../shared/result.js';
import { sealBallot } from './ballot.crypto.js';
import { ballotLink, contentKey, electionKey, keyMatches, receiptLink } from './ballot.keys.js';
import { limitsFor, normaliseChoice, shuffled, writeInsOf } from './ballot.rules.js';
import { BALLOT_KIND } from '../../counting/types.js';
import { mention } from '../kit/say.js';

export interface ElectionKeys {
  /** links are HMACs under this */
  key: Buffer;
  /** the ballot-content cipher's key */
  content: Buffer;
}

/**
 * The election's keys, derived from the server secret and the salt, after checking them against the
 * key-check value stored at voting open. While voting is open the salt cannot change (it is written at
 * open and deleted at close, and every command reads the phase under the election's lock), so the keys
 * are remembered per election and voting phase for the cast path, and forgotten when the election
 * closes. A further round opens voting again with a new salt: a new phase, so every process, whatever it
 * remembered of the round before, derives the new round's key.
 */
export async function electionKeys(ctx: CommandContext, e: Election): Promise<Result<ElectionKeys>> {
  const cache = ctx.state.table<ElectionKeys>('election-keys');
  const slot = `${e.id}@${e.phaseSince}`;
  const known = cache.get(slot);
  if (known) return ok(known);
  const secret = await ctx.tx.secrets.get(e.id);
  if (!secret) throw new Error(`election ${e.id} is open for voting but has no key salt`);
  const key = electionKey(ctx.serverSecret, secret.salt);
  if (secret.keyCheck !== null && !keyMatches(key, secret.keyCheck)) {
    ctx.alert(
      'this process has a different server secret from the one election keys were made with: set the same TELLER_SECRET (or teller.key) on every Teller process sharing this database',
      { election: e.number },
    );
    return fail('ballot.key_mismatch');
  }
  const keys = { key, content: contentKey(key) };
  if (e.phase === 'voting') cache.set(slot, keys);
  return ok(keys);
}

// Contests and candidates are fixed once the list is published, so while voting is open the number of
// candidates per contest can be remembered by contest id (random, never reused) for the cast path.
async function candidateCount(ctx: ElectionContext, contest: Contest): Promise<number> {
  const candidateCounts = ctx.state.table<number>('candidate-counts');
  const known = candidateCounts.get(contest.id);
  if (known !== undefined) return known;
  const all = await ctx.tx.nominations.list(contest.electionId);
  const count = all.filter(
    (n) => n.contestId === contest.id && n.status === 'approved' && n.candidateNumber !== null,
  ).length;
  if (ctx.election.phase === 'voting') candidateCounts.set(contest.id, count);
  return count;
}

export interface Candidate {
  number: number;
  memberId: string;
  name: string;
  statement: string | null;
}

/** The published candidates of a contest, in canonical order. */
export async function candidatesOf(ctx: CommandContext, contest: Contest): Promise<Candidate[]> {
  const all = await ctx.tx.nominations.list(contest.electionId);
  const approved = all.filter(
    (n) => n.contestId === contest.id && n.status === 'approved' && n.candidateNumber !== null,
  );
  approved.sort((a, b) => a.candidateNumber! - b.candidateNumber!);
  const out: Candidate[] = [];
  for (const n of approved) {
    const member = await ctx.tx.members.get(ctx.org.id, n.nominee);
    out.push({
      number: n.candidateNumber!,
      memberId: n.nominee,
      // RON (re-open nominations) is known by its name in every language the SU movement uses
      name: n.nominee === RON ? 'RON' : (member?.displayName ?? n.nominee),
      statement: n.statement,
    });
  }
  return out;
}

/**
 * An online cast by `voter` in `round`: refused once their paper or mail ballot is in (whichever came
 * first counts, in every preset). The refusal names the channel, never the ballot.
 */
export async function onlineAllowed(
  ctx: ElectionContext,
  voter: string,
  round: number,
): Promise<Result<void>> {
  const e = ctx.election;
  if (!e.settings.offlineBallots) return ok(undefined);
  const back = await ctx.tx.paper.getReturn(e.id, round, voter);
  if (!back || back.late) return ok(undefined);
  return fail('paper.voted_offline', { channel: ctx.t(`paper.channel.${back.channel}`) });
}

/** The voter's place on the roll: the actor's own, or the principal's a proxy casts for (C13). */
export async function voterCheck(
  ctx: ElectionContext,
  voter = ctx.actor.memberId,
): Promise<Result<{ weight: number }>> {
  const entry = await ctx.tx.roll.get(ctx.election.id, voter);
  if (!entry) return fail('ballot.not_on_roll');
  if (entry.status !== 'eligible') return fail('ballot.ineligible', { reason: entry.reason ?? '' });
  return ok({ weight: entry.weight });
}

/** The ballot this voter sees: shuffled per voter unless the contest fixes the order. The order is not stored. */
export async function ballotForm(ctx: ElectionContext, contest: Contest): Promise<BallotForm> {
  const e = ctx.election;
  const candidates = await candidatesOf(ctx, contest);
  const limits = limitsFor(contest, candidates.length);
  const order = contest.options.order ?? 'shuffled';
  const listed = order === 'shuffled' ? shuffled(candidates, (n) => randomInt(n)) : candidates;
  return {
    election: String(e.number),
    electionTitle: e.title,
    contest: String(contest.number),
    contestName: contest.name,
    kind: limits.kind,
    options: listed.map((c) => ({
      number: c.number,
      name: c.name,
      ...(c.statement ? { statement: c.statement } : {}),
    })),
    minChoices: limits.min,
    maxChoices: limits.max,
    allowBlank: limits.allowBlank,
    ...(limits.scoreRange ? { scoreRange: limits.scoreRange } : {}),
    ...(limits.criteria ? { criteria: limits.criteria } : {}),
    ...(limits.writeIns > 0 ? { writeIns: limits.writeIns } : {}),
    instructions: [
      ctx.t(`ballot.instructions_${limits.kind}`, {
        max: limits.max,
        seats: contest.seats,
        min: limits.scoreRange?.min ?? 0,
        top: limits.scoreRange?.max ?? 0,
      }),
      limits.writeIns > 0 ? ctx.t('ballot.write_in_how', { max: limits.writeIns }) : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

/**
 * Who may be written in (R5; C4's "another eligible person"): a voter on the roll, and not someone
 * already on the list, whom the ballot marks directly. Only read when a ballot writes someone in.
 */
async function writeInsAllowed(
  ctx: ElectionContext,
  contest: Contest,
  content: string,
): Promise<Result<void>> {
  // the cast path: a stored choice writes someone in only with an `@`, so most casts decode nothing here
  if (!content.includes('@')) return ok(undefined);
  const ids = writeInsOf(content, BALLOT_KIND[contest.method]);
  if (ids.length === 0) return ok(undefined);
  const listed = new Set((await candidatesOf(ctx, contest)).map((c) => c.memberId));
  for (const id of ids) {
    if (listed.has(id)) return fail('ballot.write_in_listed', { member: mention(id) }, 'write-in');
    const entry = await ctx.tx.roll.get(ctx.election.id, id);
    if (entry?.status !== 'eligible')
      return fail('ballot.write_in_not_eligible', { member: mention(id) }, 'write-in');
  }
  return ok(undefined);
}

/**
 * Record (or replace) this voter's ballot in a contest: ciphertext, stored under the voter's HMAC link
 * so the last ballot replaces the earlier one. Whether it replaced one is what the link says, never what
 * participation says: one voter can never hold two counted ballots. The receipt is kept apart and stays
 * the same on a re-vote. A proxy casts as `voter`, their principal (C13): the ballot is the principal's
 * in every respect, so nothing stored tells it apart from one the principal cast.
 */
export async function cast(
  ctx: ElectionContext,
  contest: Contest,
  choices: string,
  weight: number,
  voter = ctx.actor.memberId,
): Promise<Result<{ receipt: string; replaced: boolean }>> {
  const e = ctx.election;
  // only the number of candidates matters here: choices are canonical numbers 1..n
  const candidates = await candidateCount(ctx, contest);
  const content = normaliseChoice(choices, limitsFor(contest, candidates), candidates);
  if (!content.ok) return content;
  const written = await writeInsAllowed(ctx, contest, content.value);
  if (!written.ok) return written;
  const keys = await electionKeys(ctx, e);
  if (!keys.ok) return keys;
  const { key } = keys.value;
  const me = voter;
  const sealed = sealBallot(keys.value.content, e.id, contest.id, { weight, content: content.value });
  const replaced = await ctx.tx.castBallots.put({
    id: randomId(),
    electionId: e.id,
    contestId: contest.id,
    link: ballotLink(key, contest.id, me),
    sealed,
  });
  const rLink = receiptLink(key, me);
  let receipt = await ctx.tx.receipts.findByLink(e.id, rLink);
  if (!receipt) {
    receipt = receiptCode();
    await ctx.tx.receipts.insert(e.id, receipt, rLink);
  }
  await ctx.tx.participation.add({ electionId: e.id, contestId: contest.id, memberId: me });
  return ok({ receipt, replaced });
}
