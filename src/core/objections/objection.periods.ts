// When each notice period opened and when it closes, read from the audit chain and the timetable. A
// period opens with the step that starts it (the roll published, the candidate list published, the
// result announced) and closes at the end members were told: the planned step that ends it (never
// before its minimum), else its minimum after it opened (C10's roll window, C11's candidates' notice,
// C15's result notice). The step that ends it, when it comes sooner (an organiser's override), ends it
// then. A period with neither a plan nor a minimum stays open until the step that ends it happens.

import type { AuditEntry } from '../audit/audit.types.js';
import { minimumOf, planOf, type Period } from '../elections/timetable.js';
import type { Step } from '../elections/timetable.types.js';
import type { ElectionContext } from '../kit/context.js';
import type { ObjectionPeriod } from './objection.types.js';

interface PeriodRule {
  /** the audit event that opens it */
  opened: string;
  /** events after the opening that end it */
  ended: (event: string) => boolean;
  step: Step;
  minimum: Period;
}

const RULES: Record<ObjectionPeriod, PeriodRule> = {
  // the roll's window closes by itself, or when voting opens and the roll is frozen
  roll: {
    opened: 'roll.published',
    ended: (ev) => ev === 'roll.objections_closed' || ev === 'phase.voting' || ev === 'phase.cancelled',
    step: 'roll-objections-close',
    minimum: 'roll-objections',
  },
  // the candidates' notice (公示) and the result's are phases: any move ends them
  candidates: {
    opened: 'phase.published',
    ended: (ev) => ev.startsWith('phase.'),
    step: 'voting-open',
    minimum: 'candidate-notice',
  },
  result: {
    opened: 'phase.announced',
    ended: (ev) => ev.startsWith('phase.'),
    step: 'certify',
    minimum: 'result-notice',
  },
};

export interface PeriodWindow {
  period: ObjectionPeriod;
  /** undefined: the period has not opened in this election */
  opens?: Date;
  /** undefined: open until the step that ends it happens */
  closes?: Date;
  open: boolean;
}

export async function periodWindow(
  ctx: ElectionContext,
  period: ObjectionPeriod,
  log?: readonly AuditEntry[],
): Promise<PeriodWindow> {
  const rule = RULES[period];
  const entries = log ?? (await ctx.tx.audit.list(ctx.election.id));
  let from = -1;
  entries.forEach((a, i) => {
    if (a.event === rule.opened) from = i;
  });
  if (from < 0) return { period, open: false };
  const opens = new Date(entries[from]!.at);
  const ended = entries.slice(from + 1).find((a) => rule.ended(a.event));
  const min = minimumOf(ctx.election, rule.minimum).ms;
  const planned = (await planOf(ctx.tx, ctx.election.id)).get(rule.step);
  const floor = opens.getTime() + min;
  const stated = planned
    ? new Date(Math.max(new Date(planned.at).getTime(), floor))
    : min > 0
      ? new Date(floor)
      : undefined;
  const endedAt = ended ? new Date(ended.at) : undefined;
  const closes =
    endedAt && stated ? new Date(Math.min(endedAt.getTime(), stated.getTime())) : (endedAt ?? stated);
  return { period, opens, ...(closes ? { closes } : {}), open: !closes || ctx.now < closes };
}

export async function allWindows(ctx: ElectionContext): Promise<PeriodWindow[]> {
  const log = await ctx.tx.audit.list(ctx.election.id);
  return Promise.all((['roll', 'candidates', 'result'] as const).map((p) => periodWindow(ctx, p, log)));
}
