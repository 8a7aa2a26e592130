// Ties the organisers settle (issue 12). With tie-break=organiser the count stops at a tie and says so;
// `/election tie decide` settles it: the organisers name whom the tie chooses, or have Teller draw a
// lot from a published seed. The decision goes into the audit chain, and the count is run again with it
// (counting reads the decisions back from the chain), so the result and its record cannot disagree.

import { drawByLot, seededLot } from '../../counting/ties.js';
import type { TieRecord } from '../../counting/types.js';
import { candidatesOf, type Candidate } from '../ballots/ballot.service.js';
import { findContest } from '../elections/election.service.js';
import { arg } from '../kit/args.js';
import type { ElectionContext } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { parseMember } from '../kit/args.js';
import { toActor } from '../kit/say.js';
import type { Contest } from '../shared/election.types.js';
import { fail, ok, type Result } from '../shared/result.js';
import { countAll, openTies } from './result.service.js';
import { askScrutineers } from './scrutiny.js';
import { scrutinyOf } from '../elections/election.scrutiny.js';

export const decideTie = defineCommand<{
  election: number;
  contest: string;
  choice: string;
  reason?: string;
}>({
  id: 'result.tie.decide',
  path: ['tie', 'decide'],
  access: 'organiser',
  phases: ['counted'],
  args: {
    election: arg.election('arg.election'),
    contest: arg.contest('arg.contest'),
    choice: arg.word('arg.tie_choice', 200),
    reason: arg.text('arg.reason', 500, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const contest = await findContest(ctx, args.contest);
    if (!contest.ok) return contest;
    const stored = (await ctx.tx.results.list(e.id)).find((r) => r.contestId === contest.value.id);
    const tie = stored && openTies(stored.result)[0];
    if (!stored || !tie) return fail('tie.none_open', { contest: contest.value.name });
    const candidates = await candidatesOf(ctx, contest.value);
    const names = (xs: number[]) => xs.map((c) => stored.result.candidates[c]).join(', ');
    const needed = tie.needed ?? 1;
    let chosen: number[];
    let seed: string | null = null;
    if (args.choice.toLowerCase() === 'lot') {
      // the seed names the election, contest and tie, so anyone can replay the draw from the record
      seed = `${e.id}:${contest.value.number}:tie:${tie.round}:${tie.purpose}`;
      chosen = drawByLot(seededLot(seed), tie.candidates, needed);
    } else {
      const picked = pickCandidates(args.choice, candidates);
      if (!picked.ok) return picked;
      chosen = picked.value;
      if (chosen.length !== needed || chosen.some((c) => !tie.candidates.includes(c)))
        return fail('tie.choose', { needed, names: names(tie.candidates), what: purposeText(ctx, tie) });
    }
    await ctx.audit('tie.decided', {
      contest: contest.value.number,
      round: tie.round,
      purpose: tie.purpose,
      candidates: tie.candidates.join(','),
      chosen: chosen.join(','),
      how: seed ? 'lot' : 'organisers',
      seed,
      reason: args.reason ?? null,
    });
    await countAll(ctx);
    // the count changed: confirmations of the old one no longer stand
    await askScrutineers(ctx);
    const after = (await ctx.tx.results.list(e.id)).find((r) => r.contestId === contest.value.id)!;
    const still = openTies(after.result);
    // with scrutineers, the new count is theirs to see first (C12): the organiser learns only that it is settled
    const hidden = (await scrutinyOf(ctx)).needed > 0;
    const lines = [
      ctx.t(seed ? 'tie.drawn' : 'tie.decided', {
        contest: contest.value.name,
        names: names(tie.candidates),
        chosen: names(chosen),
        what: purposeText(ctx, tie),
        seed: seed ?? '',
      }),
      still.length > 0
        ? openTieLine(ctx, contest.value, after.result.candidates, still[0])
        : hidden
          ? ctx.t('tie.settled_hidden', { contest: contest.value.name })
          : ctx.t('tie.settled', {
              contest: contest.value.name,
              elected: after.result.winners.map((w) => after.result.candidates[w]).join(', ') || '—',
            }),
    ];
    return toActor(lines.join('\n'));
  },
});

/** The tie's question as organisers read it: "to elect", "to eliminate". */
function purposeText(ctx: ElectionContext, tie: TieRecord): string {
  return ctx.t(`tie.purpose.${tie.purpose}`);
}

/** "Round 2: Ana, Ben tied. Choose 1 to eliminate: /election tie decide 3 Secretary <candidate> (or lot)." */
export function openTieLine(ctx: ElectionContext, contest: Contest, names: string[], tie: TieRecord): string {
  return ctx.t('tie.open', {
    round: tie.round,
    contest: contest.name,
    names: tie.candidates.map((c) => names[c]).join(', '),
    needed: tie.needed ?? 1,
    what: purposeText(ctx, tie),
    number: ctx.election.number,
    ref: contest.number,
  });
}

/** Candidates by their number on the list, as @member, or by name; separated by commas. */
function pickCandidates(text: string, candidates: Candidate[]): Result<number[]> {
  const out: number[] = [];
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const member = parseMember(part);
    const i = /^\d+$/.test(part)
      ? candidates.findIndex((c) => c.number === Number(part))
      : candidates.findIndex(
          (c) => c.memberId === member || c.name.toLowerCase() === part.replace(/^@/, '').toLowerCase(),
        );
    if (i < 0) return fail('tie.unknown_candidate', { text: part.slice(0, 80) });
    if (!out.includes(i)) out.push(i);
  }
  return ok(out);
}
