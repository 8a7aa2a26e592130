import { recordsOpen } from './records.access.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import type { CommandContext } from '../kit/context.js';
import type { DispatchResult } from '../kit/command.types.js';
import type { Reply } from '../shared/reply.js';
import type { Election } from '../shared/election.types.js';
import { fail, type Result } from '../shared/result.js';
import { type AuditVerdict, readCheckpointLines, verifyAudit } from './audit.verify.js';

export const showAudit = defineCommand<{ election: number; last?: number }>({
  id: 'audit.show',
  path: ['audit', 'show'],
  access: 'organiser-or-scrutineer',
  args: {
    election: arg.election('arg.election'),
    last: arg.int('arg.last', 1, 500, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    // archived: the records open only on an approved request (issue 14)
    const open = await recordsOpen(ctx, 'audit');
    if (!open.ok) return open;
    const e = ctx.election;
    const entries = await ctx.tx.audit.list(e.id);
    const shown = entries.slice(-(args.last ?? 20));
    const lines = shown.map((x) => {
      const data = Object.entries(x.data)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      return `#${x.seq} ${x.at.slice(0, 19).replace('T', ' ')} <@${x.actor}> ${x.event}${data ? ` ${data}` : ''} · ${x.hash.slice(0, 12)}`;
    });
    return toActor(lines.join('\n') || '—', {
      title: ctx.t('audit.title', { number: e.number, count: entries.length }),
      tone: 'info',
    });
  },
});

/** How long verification waits for the platform to return the channel's messages. */
const READ_BACK_MS = 5_000;

function verdictReply(ctx: CommandContext, e: Election, v: AuditVerdict, source: string): Result<Reply> {
  const base = { number: e.number, count: v.count, head: v.head };
  if (v.ok) {
    const tail =
      v.checked > 0 && v.unanchored > 0 ? ` ${ctx.t('audit.unanchored', { unanchored: v.unanchored })}` : '';
    return toActor(ctx.t('audit.intact_anchored', { ...base, checked: v.checked, source }) + tail);
  }
  switch (v.problem) {
    case 'missing':
      return fail('audit.chain_missing', base);
    case 'shorter':
      return fail('audit.chain_shorter', { ...base, expected: v.expected });
    case 'differs':
      return fail('audit.chain_differs', { ...base, at: v.at, found: v.found, expected: v.expected });
    default:
      return fail(`audit.chain_${v.problem.replace(/-/g, '_')}`, { ...base, seq: v.seq });
  }
}

const toResult = (ctx: CommandContext, r: Result<Reply>): DispatchResult =>
  r.ok
    ? { kind: 'ok', reply: r.value }
    : {
        kind: 'domain-error',
        code: r.error.code,
        reply: { visibility: 'only-you', body: { text: ctx.t(r.error.code, r.error.params), tone: 'error' } },
      };

export const verifyAuditCommand = defineCommand<{ election: number; count?: number; head?: string }>({
  id: 'audit.verify',
  path: ['audit', 'verify'],
  access: 'organiser-or-scrutineer',
  args: {
    election: arg.election('arg.election'),
    count: arg.int('arg.checkpoint_count', 1, 10_000_000, { optional: true, named: true }),
    head: arg.word('arg.checkpoint_head', 64, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    // archived: the records open only on an approved request (issue 14)
    const open = await recordsOpen(ctx, 'audit verify');
    if (!open.ok) return open;
    const e = ctx.election;
    if ((args.count === undefined) !== (args.head === undefined))
      return fail('audit.expect_both', {}, args.count === undefined ? 'count' : 'head');
    const given =
      args.count !== undefined && args.head !== undefined ? [{ count: args.count, head: args.head }] : [];
    const entries = await ctx.tx.audit.list(e.id);
    const first = verifyAudit(entries, given);
    const channelId = e.channelId ?? ctx.channelId;
    // Reading the channel back is a platform call: it happens after the transaction, so no database
    // lock (SQLite's one writer above all) is held while the platform answers.
    if (first.ok && channelId && ctx.readChannel) {
      const read = ctx.readChannel;
      ctx.afterCommit(async () => {
        const texts = await withTimeout(read(channelId), READ_BACK_MS);
        if (texts === undefined)
          return toResult(ctx, verdictReply(ctx, e, first, ctx.t('audit.source_unreadable')));
        const posted = readCheckpointLines(texts.join('\n'), e.id);
        return toResult(
          ctx,
          verdictReply(
            ctx,
            e,
            verifyAudit(entries, [...given, ...posted]),
            ctx.t('audit.source_channel', { posted: posted.length }),
          ),
        );
      });
    }
    const source = given.length > 0 ? ctx.t('audit.source_given') : ctx.t('audit.source_none');
    return verdictReply(ctx, e, first, source);
  },
});

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      work.catch(() => undefined),
      new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
