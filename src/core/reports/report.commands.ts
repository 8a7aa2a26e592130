import { recordsOpen } from '../audit/records.access.js';
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { fail } from '../shared/result.js';
import type { ReplyFile } from '../shared/reply.js';
import { reportDocument } from './report.document.js';
import { gatherReport } from './report.facts.js';
import { toMarkdown } from './report.markdown.js';
import { reportMessage } from './report.message.js';
import { answerSurvey } from './survey.service.js';

export const REPORT_FORMATS = ['message', 'markdown', 'json', 'pdf'] as const;
type Format = (typeof REPORT_FORMATS)[number];

/**
 * The summary report (总结报告), for organisers and scrutineers, once the result has been announced:
 * before that the count is the scrutineers' to confirm first (C12), and the report would show it
 * early. A further round's voting hides it again until that round is announced. Only the actor sees it:
 * it holds the investigators' names and every decision's reasons, for those who run and check the election.
 */
export const showReport = defineCommand<{ election: number; round?: number; format?: Format }>({
  id: 'report.show',
  // beside the result's other commands: Discord's /election has no room for another word of its own
  path: ['result', 'report'],
  access: 'organiser-or-scrutineer',
  phases: ['announced', 'certified', 'archived'],
  args: {
    election: arg.election('arg.election'),
    round: arg.int('arg.report_round', 1, 100, { optional: true }),
    format: arg.choice('arg.report_format', REPORT_FORMATS, { optional: true, named: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    // once archived, like every view of the records: on an approved request only, and audited
    const open = await recordsOpen(ctx, 'report');
    if (!open.ok) return open;
    const rounds = new Set((await ctx.tx.contests.list(e.id)).map((c) => c.round ?? 1));
    if (args.round !== undefined && !rounds.has(args.round))
      return fail('report.no_round', { round: args.round, rounds: [...rounds].sort().join(', ') }, 'round');
    const data = await gatherReport(ctx, args.round);
    const doc = reportDocument(ctx.reader, data);
    const format = args.format ?? 'message';
    if (format === 'message') {
      const { text, ...rest } = reportMessage(ctx.reader, data, doc.title, doc.subtitle ?? '');
      return toActor(text, rest);
    }
    const base = `election-${e.number}-report${args.round === undefined ? '' : `-round-${args.round}`}`;
    const file: ReplyFile =
      format === 'markdown'
        ? { name: `${base}.md`, mime: 'text/markdown', data: toMarkdown(doc) }
        : format === 'json'
          ? { name: `${base}.json`, mime: 'application/json', data: `${JSON.stringify(data, null, 2)}\n` }
          : { name: `${base}.pdf`, mime: 'application/pdf', document: doc };
    return toActor(ctx.t('report.attached', { name: file.name, title: doc.title }), {
      files: [file],
      tone: 'info',
    });
  },
});

/**
 * The survey's answer: two scores and a comment, from a member who took part. Any phase: the survey
 * is open from the announcement until certification (a further round's voting in between too), and
 * the service says when it is not. The reply never repeats the answer.
 */
export const answerSurveyCommand = defineCommand<{
  election: number;
  satisfaction: number;
  ease: number;
  comment?: string;
}>({
  id: 'report.survey',
  path: ['survey'],
  // members answer with /survey, as they vote with /vote; the one-word command stays for typing
  aliases: ['survey'],
  access: 'anyone',
  args: {
    election: arg.election('arg.election'),
    satisfaction: arg.int('arg.satisfaction', 1, 5),
    ease: arg.int('arg.ease', 1, 5),
    comment: arg.text('arg.comment', 1000, { optional: true }),
  },
  async handler(ctx, args) {
    const done = await answerSurvey(ctx, {
      satisfaction: args.satisfaction,
      ease: args.ease,
      comment: args.comment ?? null,
    });
    if (!done.ok) return done;
    return toActor(ctx.t('survey.thanks', { number: ctx.election.number }));
  },
});
