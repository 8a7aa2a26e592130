// The rules of paper and mail ballots beside online ones: one ballot per member and round, by whichever
// channel reaches the box first; the ballots a scrutineer types in, read as the online cast reads them.
import { limitsFor, normaliseChoice } from '../ballots/ballot.rules.js';
import type { ElectionContext } from '../kit/context.js';
import { mention } from '../kit/say.js';
import type { Contest } from '../shared/election.types.js';
import { fail, ok, type Result } from '../shared/result.js';
import { SPOILT_REASONS, type SpoiltReason } from './paper.types.js';

/** Note on the election that some ballots come on paper or by mail, so online casts look for a return. */
export async function markOffline(ctx: ElectionContext): Promise<void> {
  const e = ctx.election;
  if (e.settings.offlineBallots) return;
  const next = { ...e, settings: { ...e.settings, offlineBallots: true } };
  await ctx.tx.elections.update(next);
  ctx.election = next;
}

/** One ballot as typed by a scrutineer: its marks (canonical), or the reason it was set aside. */
export interface TypedBallot {
  content: string;
  spoilt: SpoiltReason | null;
}

/**
 * A batch as typed: ballots separated by `;` or new lines, each `blank`, `invalid:<reason>`, or marks
 * in the cast syntax; `N*` before one stands for N identical ballots (a pile counted together).
 */
export function readBatch(
  contest: Contest,
  candidates: number,
  text: string,
  t: (key: string, params?: Record<string, string | number>) => string,
): Result<TypedBallot[]> {
  const limits = limitsFor(contest, candidates);
  const out: TypedBallot[] = [];
  const entries = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (entries.length === 0) return fail('paper.batch_empty', {}, 'ballots');
  for (const [i, entry] of entries.entries()) {
    const m = /^(\d+)\s*\*\s*(.*)$/s.exec(entry);
    const times = m ? Number(m[1]) : 1;
    const body = (m ? m[2] : entry).trim();
    if (times < 1 || times > 10_000) return fail('paper.bad_count', { entry: i + 1, text: entry }, 'ballots');
    const one = readOne(body, limits, candidates);
    if (!one.ok)
      return fail(
        'paper.bad_ballot',
        { entry: i + 1, text: entry, why: t(one.error.code, { count: candidates, ...one.error.params }) },
        'ballots',
      );
    for (let k = 0; k < times; k++) out.push(one.value);
  }
  return ok(out);
}

function readOne(
  body: string,
  limits: ReturnType<typeof limitsFor>,
  candidates: number,
): Result<TypedBallot> {
  const spoilt = /^invalid\s*:\s*([a-z-]+)$/i.exec(body);
  if (spoilt) {
    const reason = spoilt[1].toLowerCase() as SpoiltReason;
    if (!SPOILT_REASONS.includes(reason))
      return fail('paper.bad_reason', { reasons: SPOILT_REASONS.join(', ') });
    return ok({ content: '', spoilt: reason });
  }
  // a name written in on paper is not entered here: online, a write-in is checked against the roll
  if (body.includes('@')) return fail('paper.no_write_ins');
  const content = normaliseChoice(body, limits, candidates);
  if (!content.ok) return content;
  return ok({ content: content.value, spoilt: null });
}

/** The members of `ids` not on the roll as eligible voters, as mentions, for one refusal naming all. */
export async function notOnRoll(ctx: ElectionContext, ids: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of ids) {
    const entry = await ctx.tx.roll.get(ctx.election.id, id);
    if (entry?.status !== 'eligible') out.push(mention(id));
  }
  return out;
}
