// A ballot being filled in, kept in this process's memory only. Interaction tokens die after 15
// minutes, so the draft cannot live in the message; and it must never reach the database or a log:
// a stored draft would be the member's choices under their own id, which is exactly the link the
// secret ballot forbids (ARCHITECTURE §2). A restart loses drafts; the voter presses Vote again.
import { encodeSelection, type BallotForm, type BallotSelection } from '../../../src/core/index.js';
import type { Rendered } from '../render/message.js';

export interface Draft {
  form: BallotForm;
  guildId: string;
  marks: number[];
  approve: number[];
  oppose: number[];
  /** scores and criteria: one entry per step, null = left unscored */
  stepScores: (number | null)[];
  ranking: number[];
  /** members written in (R5, C4), by user id; cast as `writeIn` beside the choices */
  writeIns: string[];
  /** which page of selects is shown, when the candidates need more than one (ballot-pages.ts) */
  page: number;
  /** the adapter's inline error from the last failed cast, shown above the ballot */
  error?: string;
  /** the cast in flight: a second press of Cast (or any control) waits for it instead of casting again */
  casting?: Promise<Rendered>;
  expiresAt: number;
}

export interface ScoreStep {
  option: number; // index into form.options
  criterion?: number;
}

export const DRAFT_TTL_MS = 60 * 60 * 1000;

export function newDraft(form: BallotForm, guildId: string, now = Date.now()): Draft {
  return {
    form,
    guildId,
    marks: [],
    approve: [],
    oppose: [],
    stepScores: [],
    ranking: [],
    writeIns: [],
    page: 0,
    expiresAt: now + DRAFT_TTL_MS,
  };
}

export function scoreSteps(form: BallotForm): ScoreStep[] {
  if (form.kind === 'scores') return form.options.map((_, option) => ({ option }));
  if (form.kind === 'criteria') {
    const n = form.criteria?.length ?? 1;
    return form.options.flatMap((_, option) =>
      Array.from({ length: n }, (__, criterion) => ({ option, criterion })),
    );
  }
  return [];
}

export function resetDraft(d: Draft): void {
  d.marks = [];
  d.approve = [];
  d.oppose = [];
  d.stepScores = [];
  d.ranking = [];
  d.writeIns = [];
  d.page = 0;
  d.error = undefined;
}

/** the draft as the core's BallotSelection: what the voter picked, as they left it */
export function selectionOf(d: Draft): BallotSelection {
  const { form } = d;
  switch (form.kind) {
    case 'marks':
      return { kind: 'marks', marked: d.marks };
    case 'opinions':
      return {
        kind: 'approve-oppose-abstain',
        opinions: [
          ...d.approve.map((candidate) => ({ candidate, opinion: 'approve' as const })),
          ...d.oppose.map((candidate) => ({ candidate, opinion: 'oppose' as const })),
        ],
      };
    case 'scores':
      return {
        kind: 'scores',
        scores: form.options.flatMap((o, i) => {
          const score = d.stepScores[i];
          return score == null ? [] : [{ candidate: o.number, score }];
        }),
      };
    case 'criteria': {
      const n = form.criteria?.length ?? 1;
      return {
        kind: 'criteria',
        // a candidate skipped on every criterion is left out; one scored on some is sent as it is, and
        // the core's refusal is shown above the ballot
        scores: form.options.flatMap((o, i) => {
          const s = d.stepScores.slice(i * n, i * n + n);
          if (!s.some((x) => x != null)) return [];
          return [{ candidate: o.number, scores: Array.from({ length: n }, (_, k) => s[k] ?? null) }];
        }),
      };
    }
    case 'ranking':
      return { kind: 'ranked', ranks: d.ranking };
  }
}

/** the `choices` argument of ballot.cast, in the core's syntax */
export function choicesOf(d: Draft): string {
  return encodeSelection(selectionOf(d));
}

export class DraftStore {
  private readonly drafts = new Map<string, Draft>();
  /**
   * Ballot messages whose Cast went through, by Discord message id, with the receipt they now show. A
   * control pressed again on such a message (a double click, or a press that crossed the update on
   * its way) answers with the same receipt, so the message's final state stays the receipt and never
   * becomes a fresh, empty ballot. Holds the receipt code only, never choices; memory only, like drafts.
   */
  private readonly receipts = new Map<string, { shown: Rendered; expiresAt: number }>();

  static key(guildId: string, userId: string, election: string, contest: string): string {
    return `${guildId}|${userId}|${election}|${contest}`;
  }

  get(key: string, now = Date.now()): Draft | undefined {
    this.sweep(now);
    return this.drafts.get(key);
  }

  put(key: string, d: Draft): void {
    this.drafts.set(key, d);
  }

  delete(key: string): void {
    this.drafts.delete(key);
  }

  get size(): number {
    return this.drafts.size;
  }

  castOn(messageId: string, shown: Rendered, now = Date.now()): void {
    this.receipts.set(messageId, { shown, expiresAt: now + DRAFT_TTL_MS });
  }

  receiptOn(messageId: string | undefined, now = Date.now()): Rendered | undefined {
    this.sweep(now);
    return messageId ? this.receipts.get(messageId)?.shown : undefined;
  }

  private sweep(now: number): void {
    for (const [k, d] of this.drafts) if (d.expiresAt <= now) this.drafts.delete(k);
    for (const [k, r] of this.receipts) if (r.expiresAt <= now) this.receipts.delete(k);
  }
}
