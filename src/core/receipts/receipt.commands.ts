// A voter checks that a ballot of theirs is in the count: the receipt says that, and nothing about
// what the ballot holds.
import { arg } from '../kit/args.js';
import { defineCommand } from '../kit/define.js';
import { toActor } from '../kit/say.js';
import { normaliseReceipt } from '../shared/ids.js';
import { fail } from '../shared/result.js';

export const checkReceipt = defineCommand<{ election: number; code: string }>({
  id: 'receipt.check',
  path: ['receipt'],
  access: 'anyone',
  phases: ['voting', 'closed', 'counted', 'announced', 'certified', 'archived'],
  args: { election: arg.election('arg.election'), code: arg.word('arg.receipt', 40) },
  async handler(ctx, args) {
    const e = ctx.election;
    const code = normaliseReceipt(args.code);
    if (!(await ctx.tx.receipts.exists(e.id, code))) return fail('receipt.not_found', { code }, 'code');
    return toActor(
      ctx.t(e.phase === 'voting' ? 'receipt.recorded' : 'receipt.counted', { code, title: e.title }),
    );
  },
});
