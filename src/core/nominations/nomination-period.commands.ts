// The nomination period as a whole: opening it, closing it for review, and publishing the candidate
// list, which fixes each candidate's ballot number.
import { arg } from '../kit/args.js';
import { mention } from '../kit/say.js';
import { defineMove } from '../elections/election.move.js';
import { postNotice } from '../notices/notice.service.js';
import { fail } from '../shared/result.js';
import { randomId } from '../shared/ids.js';
import type { Election } from '../shared/election.types.js';
import { presetOf, RON } from '../shared/presets.js';
import { openContests } from '../elections/election.service.js';
import type { ElectionContext } from '../kit/context.js';
import type { Nomination } from './nomination.types.js';
import { candidateOrder } from './nomination.rules.js';

export const openNominations = defineMove<{ election: number }>({
  id: 'nominations.open',
  path: ['nominations', 'open'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    const contests = await ctx.tx.contests.list(e.id);
    if (contests.length === 0) return fail('contest.none');
    const moved = await step.move();
    if (!moved.ok) return moved;
    const text = ctx.t('nominations.opened_notice', {
      title: e.title,
      number: e.number,
      contests: contests.map((c) => `${c.number}. ${c.name} (${c.seats})`).join('\n'),
      seconders: e.settings.seconders,
    });
    return postNotice(ctx, step.notice, {
      title: ctx.t('nominations.opened_title', { title: e.title }),
      text,
      tone: 'info',
    });
  },
});

export const closeNominations = defineMove<{ election: number }>({
  id: 'nominations.close',
  path: ['nominations', 'close'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const moved = await step.move();
    if (!moved.ok) return moved;
    const text = ctx.t('nominations.closed', { number: moved.value.number, title: moved.value.title });
    return postNotice(ctx, step.notice, { text, tone: 'info' });
  },
});

export const publishCandidates = defineMove<{ election: number }>({
  id: 'nominations.publish',
  path: ['candidates', 'publish'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    // the round being nominated for: an earlier round's list is published and settled
    const contests = await openContests(ctx);
    const all = await ctx.tx.nominations.list(e.id);
    const sections: { label: string; value: string }[] = [];
    const ron = presetOf(e.settings)?.ron;
    let next = await ctx.tx.nominations.maxNumber(e.id);
    for (const c of contests) {
      const approved = all.filter(
        (n) => n.contestId === c.id && n.status === 'approved' && n.nominee !== RON,
      );
      if (approved.length === 0) return fail('candidates.none_in_contest', { contest: c.name });
      const short = differentialShort(e, c.seats, approved.length);
      if (short)
        return fail('preset.differential', {
          contest: c.name,
          seats: c.seats,
          have: approved.length,
          ...short,
        });
      const names = new Map<string, string>();
      for (const n of approved)
        names.set(n.nominee, (await ctx.tx.members.get(ctx.org.id, n.nominee))?.displayName ?? n.nominee);
      const ordered = candidateOrder(approved, c.options.order ?? 'shuffled', names);
      // uk-su: RON stands last in every contest, a candidate like any other on the ballot
      if (ron) ordered.push(await ronNomination(ctx, c.id, all, ++next));
      const lines: string[] = [];
      for (let i = 0; i < ordered.length; i++) {
        const n = { ...ordered[i], candidateNumber: i + 1, updatedAt: ctx.now.toISOString() };
        await ctx.tx.nominations.update(n);
        const who = n.nominee === RON ? ctx.t('ron.name') : mention(n.nominee);
        lines.push(`${i + 1}. ${who}${n.statement ? ` — ${n.statement}` : ''}`);
      }
      sections.push({
        label: ctx.t('candidates.contest_heading', { contest: c.name, seats: c.seats }),
        value: lines.join('\n'),
      });
    }
    const moved = await step.move();
    if (!moved.ok) return moved;
    const title = ctx.t('candidates.published_title', { title: e.title });
    const text = ctx.t('candidates.published_text', { number: e.number });
    return postNotice(ctx, step.notice, { title, text, fields: sections, tone: 'info' });
  },
});

/**
 * 差额 (C9): where the rules ask for more candidates than seats, the list is not published with fewer
 * than seats × (1 + the margin), and never with only as many as there are seats unless the margin is 0
 * (等额, allowed for some posts by setting differential=0).
 */
function differentialShort(
  e: Election,
  seats: number,
  have: number,
): { needed: number; percent: number; rule: string } | undefined {
  const rule = presetOf(e.settings)?.differential;
  if (!rule) return undefined;
  const percent = e.settings.differential ?? rule.percent;
  if (percent === 0) return undefined;
  const needed = Math.max(seats + 1, Math.ceil(seats * (1 + percent / 100)));
  return have < needed ? { needed, percent, rule: rule.rule } : undefined;
}

/** RON's nomination in a contest: the one already made (a second publication), or a new one. */
async function ronNomination(
  ctx: ElectionContext,
  contestId: string,
  all: readonly Nomination[],
  number: number,
): Promise<Nomination> {
  const known = all.find((n) => n.contestId === contestId && n.nominee === RON);
  if (known) return known;
  const now = ctx.now.toISOString();
  const ron: Nomination = {
    id: randomId(),
    electionId: ctx.election.id,
    contestId,
    number,
    nominee: RON,
    nominator: RON,
    statement: null,
    status: 'approved',
    reason: null,
    candidateNumber: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.tx.nominations.insert(ron);
  return ron;
}
