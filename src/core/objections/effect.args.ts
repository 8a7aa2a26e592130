// The effect a decision orders, as the investigator and the appeal panel both type it.
import { arg } from '../kit/args.js';
import type { EffectOrder } from './objection.effects.js';
import { EFFECTS, type Effect } from './objection.types.js';

export interface EffectArgs {
  effect?: Effect;
  member?: string;
  status?: 'eligible' | 'ineligible';
  contest?: string;
  void?: 'yes' | 'no';
}

export const EFFECT_ARGS = {
  effect: arg.choice('arg.effect', EFFECTS, { optional: true, named: true }),
  member: arg.member('arg.effect_member', { optional: true, named: true }),
  status: arg.choice('arg.status', ['eligible', 'ineligible'], { optional: true, named: true }),
  contest: arg.contest('arg.contest', { optional: true, named: true }),
  void: arg.choice('arg.void', ['yes', 'no'], { optional: true, named: true }),
};

/** The typed effect as applyEffect takes it; `effect` is given wherever an order is made. */
export function effectOrder(args: EffectArgs & { effect: Effect; reason: string }, ref: string): EffectOrder {
  return {
    effect: args.effect,
    ...(args.member ? { member: args.member } : {}),
    ...(args.status ? { status: args.status } : {}),
    ...(args.contest ? { contest: args.contest } : {}),
    void: args.void === 'yes',
    reason: args.reason,
    ref,
  };
}
