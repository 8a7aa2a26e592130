// What an election exports (issue 14): its results as JSON, each contest's ballots for anyone to count
// again (BLT and CSV where ballots are rankings, JSON for every kind), and the audit log with its
// chain. Ballots are exported as they are published: shuffled, apart from any voter and receipt, and
// never with weights so rare they would name the voter.
import { randomInt } from 'node:crypto';
import { writeBlt } from '../../counting/formats/blt.js';
import { writeCsvBallots } from '../../counting/formats/csv.js';
import { resultToJson, writeJsonElection } from '../../counting/formats/json.js';
import { BALLOT_KIND, type Ballot, type RankingBallot } from '../../counting/types.js';
import { candidatesOf } from '../ballots/ballot.service.js';
import { shuffled, toEngineBallot, writeInsOf } from '../ballots/ballot.rules.js';
import type { ElectionContext } from '../kit/context.js';
import type { ReplyFile } from '../shared/reply.js';
import type { Contest } from '../shared/election.types.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '') || 'contest';

const csvName = (name: string) => (/[",]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);

/** The results of every contest and round, with the figures Teller adds to the engine's. */
export async function resultsJson(ctx: ElectionContext): Promise<string> {
  const e = ctx.election;
  const contests = await ctx.tx.contests.list(e.id);
  const results = await ctx.tx.results.list(e.id);
  const out = {
    election: { number: e.number, title: e.title, preset: e.settings.preset ?? null, phase: e.phase },
    contests: results.map((r) => {
      const c = contests.find((x) => x.id === r.contestId);
      return {
        contest: c?.number ?? null,
        name: c?.name ?? '',
        round: r.round,
        eligible: r.eligible,
        issued: r.issued,
        ...(r.present !== undefined ? { present: r.present } : {}),
        ...(r.channels ? { channels: r.channels } : {}),
        result: resultToJson(r.result),
      };
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A contest's counted ballots: online ones as published, and the confirmed paper and mail ones. */
async function ballotsOf(ctx: ElectionContext, contest: Contest) {
  const online = (await ctx.tx.ballots.listPublished(ctx.election.id)).filter(
    (b) => b.contestId === contest.id,
  );
  const paper = (await ctx.tx.paper.confirmedBallots(contest.id)).filter((b) => !b.spoilt);
  return [...online, ...paper.map((b) => ({ contestId: b.contestId, content: b.content, weight: 1 }))];
}

/**
 * One contest's ballots as files: `.json` always (the method, seats, options and every ballot kind, so
 * `teller tally` counts it exactly as Teller did), and `.blt` and `.csv` where the ballots are rankings.
 */
export async function ballotFiles(ctx: ElectionContext, contest: Contest): Promise<ReplyFile[]> {
  const stored = (await ctx.tx.results.list(ctx.election.id)).find((r) => r.contestId === contest.id);
  const candidates = await candidatesOf(ctx, contest);
  const kind = BALLOT_KIND[contest.method];
  const raw = await ballotsOf(ctx, contest);
  // R5, C4: members written in stand after the list, in the order the count gave them
  const written = [...new Set(raw.flatMap((b) => writeInsOf(b.content, kind)))].sort();
  const writeIns = new Map(written.map((id, i) => [id, candidates.length + i]));
  const names = stored?.result.candidates ?? [...candidates.map((c) => c.name), ...written];
  const ballots: Ballot[] = shuffled(
    raw.map((b) => toEngineBallot(b.content, kind, b.weight, candidates.length, writeIns)),
    (n) => randomInt(n),
  );
  const base = `election-${ctx.election.number}-${slug(contest.name)}${contest.round && contest.round > 1 ? `-round-${contest.round}` : ''}`;
  const title = `${ctx.election.title} — ${contest.name}`;
  const { decisions: _decisions, ...options } = stored?.result.options ?? {};
  const files: ReplyFile[] = [
    {
      name: `${base}.json`,
      mime: 'application/json',
      data: writeJsonElection({
        title,
        method: contest.method,
        seats: contest.seats,
        candidates: names.map((name) => ({ name })),
        ballots,
        options,
      }),
    },
  ];
  if (kind === 'ranking') {
    const ranked = ballots as RankingBallot[];
    files.push(
      {
        name: `${base}.blt`,
        mime: 'text/plain',
        data: writeBlt({
          title,
          seats: contest.seats,
          candidates: names.map((name) => ({ name })),
          ballots: ranked,
        }),
      },
      {
        name: `${base}.csv`,
        mime: 'text/csv',
        // the list first, so a candidate nobody ranked is still one, in the list's order
        data: `# candidates: ${names.map(csvName).join(', ')}\n${writeCsvBallots(
          names.map((name) => ({ name })),
          ranked,
        )}`,
      },
    );
  }
  return files;
}

/** The audit log, one entry per line with its hash chain, for `teller audit verify` or any reader. */
export async function auditFile(ctx: ElectionContext): Promise<ReplyFile> {
  const entries = await ctx.tx.audit.list(ctx.election.id);
  return {
    name: `election-${ctx.election.number}-audit.jsonl`,
    mime: 'application/x-ndjson',
    data: entries.map((a) => JSON.stringify(a)).join('\n') + (entries.length > 0 ? '\n' : ''),
  };
}
