// `/election export`: the records as files to download (issue 14). After the archive, only on a request
// an organiser approved (records.access.ts).
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { recordsOpen } from '../audit/records.access.js';
import { isWeighted, MIN_SHARED_WEIGHT, rareWeightBallots } from '../ballots/ballot.commands.js';
import { findContest } from '../elections/election.service.js';
import { fail } from '../shared/result.js';
import type { ReplyFile } from '../shared/reply.js';
import { auditFile, ballotFiles, resultsJson } from './export.service.js';

const WHAT = ['results', 'ballots', 'audit', 'report'] as const;

export const exportRecords = defineCommand<{
  election: number;
  what: (typeof WHAT)[number];
  contest?: string;
}>({
  id: 'archive.export',
  path: ['archive', 'export'],
  access: 'anyone',
  phases: ['announced', 'certified', 'archived'],
  args: {
    election: arg.election('arg.election'),
    what: arg.choice('arg.export_what', WHAT),
    contest: arg.contest('arg.contest', { optional: true }),
  },
  async handler(ctx, args) {
    const e = ctx.election;
    const open = await recordsOpen(ctx, `export ${args.what}`);
    if (!open.ok) return open;
    let files: ReplyFile[] = [];
    if (args.what === 'results') {
      // the retained copy outlives the records it was made from
      const kept = (await ctx.tx.archive.records(e.id)).find((r) => r.kind === 'results.json');
      files = [
        {
          name: `election-${e.number}-results.json`,
          mime: 'application/json',
          data: kept?.content ?? (await resultsJson(ctx)),
        },
      ];
    } else if (args.what === 'report') {
      // the copy made at the archive: after retention it is all there is to make one from
      const kept = (await ctx.tx.archive.records(e.id)).filter((r) => r.kind.startsWith('report.'));
      if (kept.length === 0) return fail('export.report_not_kept', { number: e.number });
      files = kept.map((r) => ({
        name: `election-${e.number}-${r.kind}`,
        mime: r.kind.endsWith('.md') ? 'text/markdown' : 'application/json',
        data: r.content,
      }));
    } else if (args.what === 'audit') {
      // an 'anyone' command is dispatched without roles: the log is the organisers' and scrutineers'
      const mine = (await ctx.tx.roles.list(e.id)).filter((r) => r.memberId === ctx.actor.memberId);
      if (mine.length === 0) return fail('export.audit_officials');
      files = [await auditFile(ctx)];
    } else {
      const published = await ctx.tx.ballots.listPublished(e.id);
      // the same rule as the published lists: a rare weight would name its voter
      if (isWeighted(published) && (!e.settings.publishWeightedBallots || rareWeightBallots(published) > 0))
        return fail('export.weighted_withheld', { number: e.number, min: MIN_SHARED_WEIGHT });
      let contests = await ctx.tx.contests.list(e.id);
      if (args.contest !== undefined) {
        const one = await findContest(ctx, args.contest);
        if (!one.ok) return one;
        contests = [one.value];
      }
      for (const c of contests) files.push(...(await ballotFiles(ctx, c)));
    }
    await ctx.audit('records.exported', { what: args.what, files: files.length });
    return toActor(ctx.t('export.ready', { count: files.length, number: e.number }), { files, tone: 'info' });
  },
});
