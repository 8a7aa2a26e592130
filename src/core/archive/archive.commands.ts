// The archive (issue 14): a certified election's records, kept for the organisation's retention period
// (one year by default; never less under lmrda, L16), opened only on a request an organiser approves,
// and at the end of retention purged of every reference to a person. The results, the report and the
// audit chain's head are kept: copies of them are made as the election is archived.
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { mention, toActor } from '../kit/say.js';
import { ACCESS_DAYS } from '../audit/records.access.js';
import { defineMove } from '../elections/election.move.js';
import { presetOf } from '../shared/presets.js';
import { fail } from '../shared/result.js';
import { formatTime } from '../shared/time.js';
import type { ElectionContext } from '../kit/context.js';
import { DEFAULT_RETENTION_DAYS, type Organisation } from '../shared/org.types.js';
import { resultsJson } from './export.service.js';
import { gatherReport } from '../reports/report.facts.js';
import { reportDocument } from '../reports/report.document.js';
import { toMarkdown } from '../reports/report.markdown.js';

const DAY = 86_400_000;
export const PURGE_JOB = 'archive.purge';

/** The days this election's records are kept: the organisation's, and at least a year where L16 says so. */
export function retentionDays(
  org: Organisation,
  e: ElectionContext['election'],
): { days: number; rule?: string } {
  const days = org.retentionDays ?? DEFAULT_RETENTION_DAYS;
  if (presetOf(e.settings)?.id === 'lmrda' && days < DEFAULT_RETENTION_DAYS)
    return { days: DEFAULT_RETENTION_DAYS, rule: 'L16' };
  return { days };
}

export const archiveElection = defineMove<{ election: number }>({
  id: 'archive.run',
  path: ['archive'],
  args: { election: arg.election('arg.election') },
  async handler(ctx, _args, step) {
    const e = ctx.election;
    const log = await ctx.tx.audit.list(e.id);
    const head = log.at(-1);
    // what outlives the retention period, copied now while every record is there to copy
    const keep = (kind: string, content: string) =>
      ctx.tx.archive.putRecord({ electionId: e.id, kind, content, createdAt: ctx.now.toISOString() });
    await keep('results.json', await resultsJson(ctx));
    // the summary report outlives the records it is made from: kept as Markdown and JSON
    const report = await gatherReport(ctx);
    await keep('report.md', toMarkdown(reportDocument(ctx.reader, report)));
    await keep('report.json', `${JSON.stringify(report, null, 2)}\n`);
    const moved = await step.move();
    if (!moved.ok) return moved;
    const { days, rule } = retentionDays(ctx.org, e);
    const until = new Date(ctx.now.getTime() + days * DAY);
    await ctx.schedule({
      kind: PURGE_JOB,
      dedupeKey: `purge:${e.id}`,
      runAt: until.toISOString(),
      payload: {},
    });
    await ctx.audit('archive.retention', {
      days,
      until: until.toISOString(),
      rule: rule ?? null,
      entries: head?.seq ?? 0,
    });
    return toActor(
      ctx.t(rule ? 'archive.archived_rule' : 'archive.archived', {
        number: e.number,
        until: formatTime(until, ctx.zone, ctx.locale),
        days,
        rule: rule ?? '',
      }),
    );
  },
});

export const requestRecords = defineCommand<{ election: number; purpose: string }>({
  id: 'archive.request',
  path: ['archive', 'request'],
  access: 'anyone',
  phases: ['archived'],
  args: { election: arg.election('arg.election'), purpose: arg.text('arg.purpose', 500) },
  async handler(ctx, args) {
    const e = ctx.election;
    const ref = `R-${(await ctx.tx.audit.list(e.id)).filter((a) => a.event === 'records.requested').length + 1}`;
    await ctx.audit('records.requested', { ref, purpose: args.purpose });
    return toActor(ctx.t('records.requested', { ref, number: e.number }));
  },
});

async function requestOf(ctx: ElectionContext, ref: string) {
  const log = await ctx.tx.audit.list(ctx.election.id);
  const asked = log.find((a) => a.event === 'records.requested' && a.data.ref === ref);
  const answered = log.some(
    (a) => (a.event === 'records.approved' || a.event === 'records.rejected') && a.data.ref === ref,
  );
  return { asked, answered };
}

export const answerRecords = defineCommand<{
  election: number;
  ref: string;
  answer: 'approve' | 'reject';
  reason?: string;
}>({
  id: 'archive.answer',
  path: ['archive', 'answer'],
  access: 'organiser',
  phases: ['archived'],
  args: {
    election: arg.election('arg.election'),
    ref: arg.word('arg.request_ref', 20),
    answer: arg.choice('arg.records_answer', ['approve', 'reject'] as const),
    reason: arg.text('arg.reason', 500, { optional: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const ref = args.ref.toUpperCase();
    const { asked, answered } = await requestOf(ctx, ref);
    if (!asked) return fail('records.no_request', { ref });
    if (answered) return fail('records.answered', { ref });
    // a check on access: nobody approves their own request while another organiser could
    const organisers = (await ctx.tx.roles.list(e.id)).filter((r) => r.role === 'organiser');
    if (args.answer === 'approve' && asked.actor === ctx.actor.memberId && organisers.length > 1)
      return fail('records.own_request', { ref });
    const until = new Date(ctx.now.getTime() + ACCESS_DAYS * DAY).toISOString();
    const done = args.answer === 'approve' ? 'approved' : 'rejected';
    if (args.answer === 'approve')
      await ctx.audit('records.approved', { ref, requester: asked.actor, until });
    else await ctx.audit('records.rejected', { ref, requester: asked.actor, reason: args.reason ?? null });
    await ctx.enqueue({
      destination: { kind: 'dm', memberId: asked.actor },
      body: {
        text: ctx.t(`records.${done}_dm`, {
          ref,
          number: e.number,
          days: ACCESS_DAYS,
          reason: args.reason ?? '',
        }),
        tone: args.answer === 'approve' ? 'success' : 'warning',
      },
      dedupeKey: `${e.id}:records:${ref}`,
      electionId: e.id,
      purpose: 'notice',
    });
    return toActor(ctx.t(`records.${done}`, { ref, requester: mention(asked.actor), days: ACCESS_DAYS }));
  },
});

/** Run by Teller at the end of retention: personal data goes, the retained records stay. */
export const purgeRecords = defineCommand<{ election: number }>({
  id: 'archive.purge',
  path: ['archive', 'purge'],
  access: 'teller',
  listed: false,
  phases: ['archived'],
  args: { election: arg.election('arg.election') },
  async handler(ctx) {
    const e = ctx.election;
    if (e.settings.purgedAt) return toActor(ctx.t('archive.purged', { number: e.number }));
    const last = await ctx.tx.audit.last(e.id);
    await ctx.tx.archive.putRecord({
      electionId: e.id,
      kind: 'audit-head',
      content: JSON.stringify({ count: last?.seq ?? 0, head: last?.hash ?? null }),
      createdAt: ctx.now.toISOString(),
    });
    await ctx.tx.archive.purgePersonal(e.id, ctx.org.id);
    const next = { ...e, settings: { ...e.settings, purgedAt: ctx.now.toISOString() } };
    await ctx.tx.elections.update(next);
    ctx.election = next;
    return toActor(ctx.t('archive.purged', { number: e.number }));
  },
});
