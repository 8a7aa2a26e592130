// Running the vote: opening it (the key's salt, a ballot DM to every voter, the live turnout line),
// reminding those who have not voted, closing it with the seal, and purging again when a purge failed.
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { electionKey, keyCheck } from '../ballots/ballot.keys.js';
import { sealBallotBox } from '../ballots/ballot.seal.js';
import { AFTER_CLOSE } from '../elections/election.rules.js';
import { planPurge } from '../elections/election.seal.js';
import { defineMove } from '../elections/election.move.js';
import { notifyChannel, notifyMember, postNotice } from '../notices/notice.service.js';
import { TURNOUT_KEY, turnoutText, updateTurnout } from '../notices/turnout.notice.js';
import { randomSalt } from '../shared/ids.js';
import { fail } from '../shared/result.js';
import { proxyList } from '../proxies/proxy.commands.js';
import { mention } from '../kit/say.js';
import { planOf } from '../elections/timetable.js';
import { when } from '../elections/timetable.view.js';
import type { ElectionContext } from '../kit/context.js';
import type { Translate } from '../../i18n/index.js';
import { BALLOT_PURPOSE } from './fanout.commands.js';

/**
 * Every voter's ballot DM, in their language and zone: what it says, when voting closes where that is
 * planned, and the Vote button. One per voter and `key` (a further round has a key of its own).
 */
export async function sendBallots(
  ctx: ElectionContext,
  voters: readonly { memberId: string }[],
  key: string,
  say: (t: Translate, memberId: string) => { title: string; lines: string[] },
  closes: Date | undefined,
): Promise<void> {
  const e = ctx.election;
  await ctx.knowMembers(voters.map((v) => v.memberId));
  for (const v of voters)
    await notifyMember(
      ctx,
      v.memberId,
      `${key}:${v.memberId}`,
      (t, reader) => {
        const { title, lines } = say(t, v.memberId);
        const deadline = closes
          ? t('timeline.next.voting-close', { when: when(reader, closes, ctx.now) })
          : '';
        return {
          title,
          text: [...lines, deadline].filter(Boolean).join('\n'),
          actions: [voteButton(t, e.number)],
          tone: 'info',
        };
      },
      BALLOT_PURPOSE,
    );
}

export const voteButton = (t: Translate, election: number) => ({
  label: t('voting.vote_button'),
  command: 'ballot.get',
  args: { election: String(election) },
  style: 'primary' as const,
});

export const openVoting = defineMove<{ election: number }>({
  id: 'voting.open',
  path: ['voting', 'open'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    const voters = (await ctx.tx.roll.list(e.id)).filter((r) => r.status === 'eligible');
    if (voters.length === 0) return fail('voting.empty_roll');
    // the key check lets a process with a different server secret refuse to cast (see electionKeys)
    const salt = randomSalt();
    await ctx.tx.secrets.put(e.id, { salt, keyCheck: keyCheck(electionKey(ctx.serverSecret, salt)) });
    const moved = await step.move({ eligible: voters.length });
    if (!moved.ok) return moved;
    // C13: a proxy's DM names the principals they vote for; a principal's, the proxy who votes for them
    const holding = new Map<string, string[]>();
    const heldBy = new Map<string, string>();
    for (const a of await ctx.tx.proxies.list(e.id))
      if (a.status === 'approved') {
        holding.set(a.proxy, [...(holding.get(a.proxy) ?? []), mention(a.principal)]);
        heldBy.set(a.principal, mention(a.proxy));
      }
    await sendBallots(
      ctx,
      voters,
      'ballot-dm',
      (t, memberId) => ({
        title: t('voting.dm_title', { title: e.title }),
        lines: [
          t('voting.dm_text', { title: e.title, number: e.number }),
          holding.has(memberId)
            ? t('proxy.dm_line', { principals: holding.get(memberId)!.join(', '), number: e.number })
            : '',
          heldBy.has(memberId) ? t('proxy.dm_principal', { proxy: heldBy.get(memberId)! }) : '',
        ],
      }),
      step.planned('voting-close'),
    );
    const text = ctx.t('voting.opened', { title: e.title, number: e.number, eligible: voters.length });
    await notifyChannel(ctx, step.notice, {
      title: ctx.t('voting.opened_title', { title: e.title }),
      text,
      // for members whose DMs are closed: the same ballot, opened from the channel
      actions: [voteButton(ctx.t, e.number)],
      tone: 'info',
    });
    // C13: the list of principals and proxies is published when voting opens
    if (holding.size > 0) {
      const list = await proxyList(ctx);
      await notifyChannel(ctx, `${step.notice}:proxies`, {
        title: list.title,
        text: list.text,
        tone: 'info',
      });
    }
    await notifyChannel(ctx, TURNOUT_KEY, { text: await turnoutText(ctx, false), tone: 'info' }, 'turnout');
    return toActor(ctx.t('voting.opened_organiser', { count: voters.length, number: e.number }));
  },
});

export const remindVoters = defineCommand<{ election: number }>({
  id: 'voting.remind',
  path: ['voting', 'remind'],
  access: 'organiser',
  phases: ['voting'],
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    // a planned reminder due no later than voting opened would arrive beside the ballot itself
    if (ctx.scheduled && ctx.scheduled.for.getTime() <= new Date(e.phaseSince).getTime())
      return toActor(ctx.t('voting.reminded', { count: 0, waiting: 0 }));
    const voted = new Set(await ctx.tx.participation.voters(e.id));
    const waiting = (await ctx.tx.roll.list(e.id)).filter(
      (r) => r.status === 'eligible' && !voted.has(r.memberId),
    );
    // A planned reminder goes once per member (its job's key); one an organiser asks for, once per
    // member per hour, however often the command is run.
    const once = ctx.scheduled?.key ?? ctx.now.toISOString().slice(0, 13);
    const closes = (await planOf(ctx.tx, e.id)).get('voting-close');
    await ctx.knowMembers(waiting.map((r) => r.memberId));
    let sent = 0;
    for (const r of waiting) {
      const queued = await notifyMember(
        ctx,
        r.memberId,
        `remind:${once}:${r.memberId}`,
        (t, reader) => ({
          text: [
            t('voting.reminder', { title: e.title }),
            closes ? t('timeline.next.voting-close', { when: when(reader, closes.at, ctx.now) }) : '',
          ]
            .filter(Boolean)
            .join('\n'),
          actions: [voteButton(t, e.number)],
          tone: 'info',
        }),
        'reminder',
      );
      if (queued) sent++;
    }
    await ctx.audit('voting.reminded', { count: sent });
    return toActor(ctx.t('voting.reminded', { count: sent, waiting: waiting.length }));
  },
});

export const closeVoting = defineMove<{ election: number }>({
  id: 'voting.close',
  path: ['voting', 'close'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    // Destroy every link between voters and ballots: decrypt and shuffle the ballots, delete the
    // ciphertexts, the links and the key's salt; then purge them from the files after the commit.
    const sealed = await sealBallotBox(ctx, e);
    if (!sealed.ok) return sealed;
    const moved = await step.move();
    if (!moved.ok) return moved;
    await updateTurnout(ctx, true);
    await planPurge(ctx, { report: false });
    const receipts = (await ctx.tx.receipts.list(e.id)).length;
    const text = ctx.t('voting.closed', { title: e.title, number: e.number, receipts });
    return postNotice(ctx, step.notice, { text, tone: 'info' });
  },
});

export const sealAgain = defineCommand<{ election: number }>({
  id: 'voting.seal',
  path: ['voting', 'seal'],
  access: 'organiser',
  phases: AFTER_CLOSE,
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    if (e.seal !== 'pending') return toActor(ctx.t('voting.already_sealed', { number: e.number }));
    await planPurge(ctx, { report: true });
    // replaced after the commit by the outcome of the purge
    return toActor(ctx.t('voting.sealing', { number: e.number }));
  },
});
