// The pure part of objections: references, who is recused, and what a voided round makes of a count.
// The count (results/result.service.ts) reads the voids in force from here, as it reads the organisers'
// tie decisions from the audit chain, so a recount or a later round's count keeps every void.

import type { CountResult } from '../../counting/types.js';
import type { Appeal, EffectRecord, Objection } from './objection.types.js';
import { refOf } from './objection.types.js';

/** `O-3`, `o3`, `3` -> 3 */
export function parseRef(text: string): number | undefined {
  const m = /^(?:O-?)?(\d{1,6})$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** The member an effect concerns is the objector, who asked not to be named: the record does not name them. */
export const hidesObjector = (o: Pick<Objection, 'objector' | 'named'>, member: string | undefined) =>
  member === o.objector && !o.named;

/** The effects in force for an objection: the decision's, unless an upheld appeal undid it, and the panel's. */
export function effectsInForce(o: Objection, appeal: Appeal | undefined): EffectRecord[] {
  const overturned = appeal?.outcome === 'upheld';
  const out: EffectRecord[] = [];
  if (o.effect && !(overturned && appeal.notUndone === null)) out.push(o.effect);
  if (overturned && appeal.effect) out.push(appeal.effect);
  return out;
}

export interface VoidInForce {
  ref: string;
  /** members left off the round held again (an upheld exclusion) */
  excluded: string[];
}

/** Every counted round an objection voided and that stays void, by the contest counted in it. */
export function voidsInForce(
  objections: readonly Objection[],
  appeals: readonly Appeal[],
): Map<string, VoidInForce> {
  const out = new Map<string, VoidInForce>();
  for (const o of objections) {
    const appeal = appeals.find((a) => a.objectionId === o.id);
    for (const effect of effectsInForce(o, appeal))
      for (const v of effect.voided ?? []) {
        const known = out.get(v.contestId);
        const excluded = [...(known?.excluded ?? []), ...(effect.excluded ? [effect.excluded] : [])];
        out.set(v.contestId, { ref: known?.ref ?? refOf(o), excluded });
      }
  }
  return out;
}

/**
 * A round voided by an upheld objection: nobody is elected in it, and it is held again among every
 * candidate on its list (but one an upheld objection excluded), for all its seats. Ties it left open
 * are moot. `listed` are the member ids of the round's listed candidates, in the count's order.
 */
export function voidResult(result: CountResult, listed: readonly string[], v: VoidInForce): CountResult {
  const candidates = listed.map((m, i) => (v.excluded.includes(m) ? -1 : i)).filter((i) => i >= 0);
  return {
    ...result,
    winners: [],
    ties: result.ties.filter((t) => !(t.rule === 'organiser' && t.chosen.length === 0)),
    furtherRound: { kind: 'revote', candidates, seats: result.seats },
    rulings: [
      ...(result.rulings ?? []).filter((r) => r.key !== 'ruling.objection_void'),
      { key: 'ruling.objection_void', params: { ref: v.ref } },
    ],
  };
}
