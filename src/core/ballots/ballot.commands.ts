// The voter's side of the ballot box: their ballot (a bare /vote lists the elections open to them),
// casting it, and after close the published ballots anyone can recount.
import { recordsOpen } from '../audit/records.access.js';
import { arg } from '../kit/args.js';
import { type CommandContext, hasElection } from '../kit/context.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { findContest, openContests } from '../elections/election.service.js';
import { updateTurnout } from '../notices/turnout.notice.js';
import { queueReceiptDm } from '../receipts/receipt.notice.js';
import { ballotHolder } from '../proxies/proxy.service.js';
import { fail } from '../shared/result.js';
import { scrutinyOf } from '../elections/election.scrutiny.js';
import { ballotForm, cast, onlineAllowed, voterCheck } from './ballot.service.js';

/** A bare /vote: the elections this member can vote in now, each a button to its ballot. */
async function openToMe(ctx: CommandContext) {
  const open: { number: number; title: string }[] = [];
  for (const e of await ctx.tx.elections.list(ctx.org.id)) {
    if (e.phase !== 'voting') continue;
    const entry = await ctx.tx.roll.get(e.id, ctx.actor.memberId);
    if (entry?.status === 'eligible') open.push(e);
  }
  if (open.length === 0) return toActor(ctx.t('ballot.none_open'), { tone: 'info' });
  return toActor(ctx.t('ballot.which_election'), {
    tone: 'info',
    actions: open.map((e) => ({
      label: `#${e.number} ${e.title}`,
      command: 'ballot.get',
      args: { election: String(e.number) },
      style: 'primary' as const,
    })),
  });
}

export const getBallot = defineCommand<{ election?: number; contest?: string; for?: string }>({
  id: 'ballot.get',
  path: ['vote'],
  aliases: ['vote'],
  access: 'anyone',
  phases: ['voting'],
  args: {
    election: arg.election('arg.election', { optional: true }),
    contest: arg.contest('arg.contest', { optional: true }),
    for: arg.member('arg.for_principal', { optional: true, named: true }),
  },
  async handler(ctx, args) {
    // dispatch loads the election whenever one is named
    if (args.election === undefined || !hasElection(ctx)) return openToMe(ctx);
    const e = ctx.election;
    // a proxy fetches their principal's ballot (C13); it is the principal's participation that shows
    const holder = await ballotHolder(ctx, args.for);
    if (!holder.ok) return holder;
    const who = holder.value.voter;
    const voter = await voterCheck(ctx, who);
    if (!voter.ok) return voter;
    const contests = await openContests(ctx);
    if (args.contest === undefined && contests.length > 1) {
      const lines: string[] = [];
      for (const c of contests) {
        const done = await ctx.tx.participation.has(e.id, c.id, who);
        lines.push(`${c.number}. ${c.name}${done ? ` — ${ctx.t('ballot.already_voted')}` : ''}`);
      }
      return toActor(lines.join('\n'), {
        title: ctx.t('ballot.choose_contest', { title: e.title }),
        actions: contests.map((c) => ({
          label: c.name,
          command: 'ballot.get',
          args: { election: String(e.number), contest: String(c.number) },
        })),
        tone: 'info',
      });
    }
    const contest = await findContest(ctx, args.contest, true);
    if (!contest.ok) return contest;
    const form = await ballotForm(ctx, contest.value);
    const again = await ctx.tx.participation.has(e.id, contest.value.id, who);
    if (holder.value.proxied) {
      // the form carries the principal back to ballot.cast, so what it records is the principal's ballot
      // in the instructions, which every platform's form shows above the candidates
      const note = ctx.t(again ? 'proxy.form_again' : 'proxy.form_note', { principal: mention(who) });
      const instructions = `${note}\n${form.instructions}`;
      return toActor(instructions, {
        title: `${e.title} — ${contest.value.name}`,
        ballot: { ...form, instructions, for: who },
        tone: 'info',
      });
    }
    return toActor(again ? ctx.t('ballot.revote_note') : form.instructions, {
      title: `${e.title} — ${contest.value.name}`,
      ballot: form,
      tone: 'info',
    });
  },
});

export const castBallot = defineCommand<{
  election: number;
  contest: string;
  choices?: string;
  writeIn?: string[];
  for?: string;
}>({
  id: 'ballot.cast',
  path: ['cast'],
  access: 'anyone',
  phases: ['voting'],
  args: {
    election: arg.election('arg.election'),
    contest: arg.contest('arg.contest'),
    choices: arg.text('arg.choices', 5000, { optional: true, allowEmpty: true }),
    writeIn: arg.members('arg.write_in', { optional: true, named: true }),
    for: arg.member('arg.for_principal', { optional: true, named: true }),
  },
  async handler(ctx, args) {
    // a name typed among the choices would reach the core unresolved (platforms resolve member
    // arguments only), so a person is written in by write-in=@name, which every platform resolves
    if ((args.choices ?? '').includes('@')) return fail('ballot.write_in_as_argument', {}, 'write-in');
    const choices = [args.choices ?? '', ...(args.writeIn ?? []).map((id) => `@${id}`)]
      .filter((p) => p.trim() !== '')
      .join(',');
    // C13: an approved proxy casts the principal's own ballot; a principal with one no longer casts
    const holder = await ballotHolder(ctx, args.for);
    if (!holder.ok) return holder;
    const { voter: who, proxied } = holder.value;
    const voter = await voterCheck(ctx, who);
    if (!voter.ok) return voter;
    // only the round being voted on: an earlier round's ballots are sealed and counted
    const contest = await findContest(ctx, args.contest, true);
    if (!contest.ok) return contest;
    const online = await onlineAllowed(ctx, who, contest.value.round ?? 1);
    if (!online.ok) return online;
    const done = await cast(ctx, contest.value, choices, voter.value.weight, who);
    if (!done.ok) return done;
    // the audit says who took part and when, as turnout does; never what or which ballot
    await ctx.audit('ballot.cast', { contest: contest.value.number, ...(proxied ? { for: who } : {}) });
    await updateTurnout(ctx);
    // the receipt is the voter's: a principal's goes to the principal (who no longer casts, so it is
    // theirs alone), saying their proxy cast it; the proxy reads it in this reply
    await queueReceiptDm(ctx, done.value.receipt, proxied ? who : undefined);
    const key = proxied
      ? done.value.replaced
        ? 'proxy.ballot_replaced'
        : 'proxy.ballot_recorded'
      : done.value.replaced
        ? 'ballot.replaced'
        : 'ballot.recorded';
    const params = { contest: contest.value.name, receipt: done.value.receipt, principal: mention(who) };
    return toActor(ctx.t(key, params), {
      fields: [{ label: ctx.t('field.receipt'), value: done.value.receipt }],
    });
  },
});

/** A weight held by fewer ballots than this in a contest blocks publishing the per-ballot lists. */
export const MIN_SHARED_WEIGHT = 5;

export function isWeighted(ballots: readonly { weight: number }[]): boolean {
  return ballots.some((b) => b.weight !== 1);
}

/**
 * Ballots in a contest whose weight fewer than MIN_SHARED_WEIGHT ballots share. Leaving them out of
 * the list would not hide them: the weighted totals minus the listed ballots give back what they
 * were, and the published roll shows who holds the rare weight. So any rare weight blocks the list.
 */
export function rareWeightBallots(ballots: readonly { contestId: string; weight: number }[]): number {
  const classSize = new Map<string, number>();
  const key = (b: { contestId: string; weight: number }) => `${b.contestId}\u0000${b.weight}`;
  for (const b of ballots) classSize.set(key(b), (classSize.get(key(b)) ?? 0) + 1);
  return ballots.filter((b) => classSize.get(key(b))! < MIN_SHARED_WEIGHT).length;
}

function ballotLines(ctx: CommandContext, ballots: readonly { weight: number; content: string }[]): string[] {
  const show = (b: { content: string }) => (b.content === '' ? ctx.t('ballots.blank') : b.content);
  return isWeighted(ballots) ? ballots.map((b) => `${show(b)} ×${b.weight}`) : ballots.map(show);
}

/**
 * After close: the receipts (sorted) and the ballots, each contest in its own random order (random
 * ids, assigned at the seal), without receipts or links, so each voter can find their receipt and
 * anyone can recount. Weighted elections publish per-ballot lists only once an organiser chose to.
 */
export const publishedBallots = defineCommand<{ election: number }>({
  id: 'ballots.show',
  path: ['voting', 'ballots'],
  access: 'anyone',
  phases: ['closed', 'counted', 'announced', 'certified', 'archived'],
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    // archived: the records open only on an approved request (issue 14)
    const open = await recordsOpen(ctx, 'ballots');
    if (!open.ok) return open;
    const e = ctx.election;
    // the ballots are the count: nobody reads them before the scrutineers have confirmed it (C12)
    if ((e.phase === 'closed' || e.phase === 'counted') && !(await scrutinyOf(ctx)).clear)
      return fail('ballots.after_confirmation', { number: e.number });
    const contests = await ctx.tx.contests.list(e.id);
    const ballots = await ctx.tx.ballots.listPublished(e.id);
    const receipts = await ctx.tx.receipts.list(e.id);
    const withheld =
      isWeighted(ballots) && (!e.settings.publishWeightedBallots || rareWeightBallots(ballots) > 0);
    const fields = contests.map((c) => {
      const mine = ballots.filter((b) => b.contestId === c.id);
      const value = withheld ? ctx.t('ballots.weighted_withheld') : ballotLines(ctx, mine).join('\n');
      return {
        label: ctx.t('ballots.contest', { contest: c.name, count: mine.length }),
        value: value || '—',
      };
    });
    fields.unshift({
      label: ctx.t('ballots.receipts', { count: receipts.length }),
      value: receipts.join('\n') || '—',
    });
    return toActor(ctx.t('ballots.explain'), {
      title: ctx.t('ballots.title', { number: e.number, title: e.title }),
      fields,
      tone: 'info',
    });
  },
});

/** An organiser's informed choice to publish a weighted election's ballots (off by default). */
export const publishWeightedBallots = defineCommand<{ election: number; confirm?: 'yes' }>({
  id: 'ballots.publish',
  path: ['voting', 'ballots', 'publish'],
  access: 'organiser',
  phases: ['closed', 'counted', 'announced', 'certified', 'archived'],
  args: {
    election: arg.election('arg.election'),
    confirm: arg.choice('arg.confirm', ['yes'], { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const ballots = await ctx.tx.ballots.listPublished(e.id);
    if (!isWeighted(ballots)) return toActor(ctx.t('ballots.already_public', { number: e.number }));
    const rare = rareWeightBallots(ballots);
    if (rare > 0)
      return fail('ballots.rare_weights_block', { number: e.number, count: rare, min: MIN_SHARED_WEIGHT });
    if (e.settings.publishWeightedBallots)
      return toActor(ctx.t('ballots.weighted_published', { number: e.number, min: MIN_SHARED_WEIGHT }));
    if (args.confirm !== 'yes') {
      return toActor(ctx.t('ballots.weighted_warning', { number: e.number, min: MIN_SHARED_WEIGHT }), {
        tone: 'warning',
        actions: [
          {
            label: ctx.t('ballots.publish_anyway'),
            command: 'ballots.publish',
            args: { election: String(e.number), confirm: 'yes' },
            style: 'danger',
          },
        ],
      });
    }
    const next = { ...e, settings: { ...e.settings, publishWeightedBallots: true } };
    await ctx.tx.elections.update(next);
    ctx.election = next;
    await ctx.audit('ballots.published_weighted');
    return toActor(ctx.t('ballots.weighted_published', { number: e.number, min: MIN_SHARED_WEIGHT }));
  },
});
