// One event, one post: typed in the election's own channel, a public event is posted there once (the
// queued notice), and the member who caused it gets a private note of where it went, not a second copy.
import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

describe('channel notices', () => {
  it('post each public event once, however it was typed', async () => {
    const h = harness();
    const steps: [string, string, RegExp][] = [
      ['olga', 'create AGM', /created/],
      ['olga', 'contest add 1 Chair 1 plurality', /Chair/],
      ['olga', 'roll add 1 @alice @bob @carol', /added/],
      ['olga', 'nominations open 1', /Posted in <#general>/],
      ['carol', 'nominate 1 Chair @alice', /Posted in <#general>/],
      ['bob', 'second 1 1', /second/i],
      ['alice', 'accept 1 1', /Posted in <#general>/],
      ['olga', 'nominations close 1', /Posted in <#general>/],
      ['olga', 'review approve 1 1', /approved/i],
      ['olga', 'candidates publish 1', /Posted in <#general>/],
      ['olga', 'voting open 1', /.+/],
      ['alice', 'cast 1 1 1', /recorded/i],
      ['olga', 'voting close 1', /Posted in <#general>/],
      ['olga', 'count 1', /.+/],
      ['olga', 'announce 1', /Posted in <#general>/],
    ];
    for (const [who, text, reply] of steps) {
      const before = h.store.state.outbox.length;
      const r = await h.run(who, text, { channelId: 'general' });
      expect(r.kind, text).toBe('ok');
      // nothing is answered into the channel: what the channel sees comes from the queue only
      expect(r.reply.visibility, text).not.toBe('channel');
      expect(r.reply.body.text, text).toMatch(reply);
      const posts = h.store.state.outbox
        .slice(before)
        .filter(
          (m) => m.destination.kind === 'channel' && m.purpose !== 'checkpoint' && m.purpose !== 'turnout',
        );
      expect(posts.length, text).toBeLessThanOrEqual(1);
    }
  });
});
