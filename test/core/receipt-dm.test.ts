// The receipt DM is the core's, for every platform: queued with the cast, one per voter and election,
// edited in place by later casts, and never holding a choice (issue 9).
import { describe, expect, it } from 'vitest';
import { electionInVoting, harness } from './harness.js';

describe('the receipt DM', () => {
  it('is queued with each cast: the first a message, later ones edits of it; never a choice', async () => {
    const h = harness();
    await electionInVoting(h, 'plurality');
    const receiptOf = async (line: string) => {
      const r = await h.run('alice', line);
      if (r.kind !== 'ok') throw new Error(r.reply.body.text);
      return r.reply.body.fields![0].value;
    };
    const code = await receiptOf('cast 1 1 2');
    const dms = () => h.store.state.outbox.filter((m) => m.purpose === 'receipt');
    expect(dms()).toHaveLength(1);
    const [first] = dms();
    expect(first.destination).toEqual({ kind: 'dm', memberId: 'alice' });
    expect(first.replaces).toBeUndefined();
    expect(first.body.text).toContain(code);
    expect(first.body.fields).toEqual([{ label: 'Receipt', value: code }]);

    expect(await receiptOf('cast 1 1 1')).toBe(code);
    expect(dms()).toHaveLength(2);
    expect(dms()[1]).toMatchObject({
      replaces: first.dedupeKey,
      destination: { kind: 'dm', memberId: 'alice' },
    });
    expect(dms()[1].body.text).toMatch(new RegExp(`still ${code}`));
    // the candidates' names and the choice appear nowhere in it
    for (const m of dms()) expect(JSON.stringify(m.body)).not.toMatch(/Alice|Bob|"[12]"|choice/);
    // a refused cast queues nothing
    expect((await h.run('alice', 'cast 1 1 7')).kind).toBe('domain-error');
    expect(dms()).toHaveLength(2);
  });

  it("speaks the voter's language", async () => {
    const h = harness();
    await electionInVoting(h, 'plurality');
    await h.run('bob', 'cast 1 1 1', { locale: 'zh-CN' });
    const dm = h.store.state.outbox.find((m) => m.purpose === 'receipt')!;
    expect(dm.body.text).toMatch(/你的回执码是/);
  });
});
