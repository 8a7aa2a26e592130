// Steps and readers the objection tests share (issue 14).
import { expect } from 'vitest';
import type { Harness } from './harness.js';

export const DAY = 86_400_000;

/** Election 1 with Secretary (Alice and Bob approved), published but not yet voting. */
export async function published(h: Harness, configure = '') {
  await h.ok('olga', 'create "Branch committee"');
  if (configure) await h.ok('olga', `configure 1 ${configure}`);
  await h.ok('olga', 'contest add 1 Secretary 1 plurality');
  await h.ok('olga', 'roll add 1 @alice @bob @carol @dave @erin');
  await h.ok('olga', 'nominations open 1');
  await h.ok('alice', 'nominate 1 Secretary');
  await h.ok('carol', 'second 1 1');
  await h.ok('bob', 'nominate 1 Secretary');
  await h.ok('dave', 'second 1 2');
  await h.ok('olga', 'nominations close 1');
  await h.ok('olga', 'review approve 1 1');
  await h.ok('olga', 'review approve 1 2');
  await h.ok('olga', 'candidates publish 1');
}

/** O-1, filed by `by` about `about`, assigned to ivan, who records a finding. */
export async function investigated(h: Harness, by: string, about: string) {
  await h.ok(by, `objection file 1 ${about} "the grounds"`);
  await h.ok('olga', 'objection assign 1 O-1 @ivan');
  await h.ok('ivan', 'objection findings 1 O-1 "what was found"');
}

export const resultOf = (h: Harness, contest: number) => {
  const c = h.store.state.contests.find((x) => x.number === contest)!;
  return h.store.state.results.find((r) => r.contestId === c.id)!.result;
};

export const auditOf = (h: Harness, event: string) => h.store.state.audit.filter((a) => a.event === event);

export const channelPosts = (h: Harness) =>
  h.store.state.outbox.filter((m) => m.destination.kind === 'channel').map((m) => m.body.text);

export const dmsTo = (h: Harness, member: string) =>
  h.store.state.outbox
    .filter((m) => m.destination.kind === 'dm' && m.destination.memberId === member)
    .map((m) => m.body.text);

/** Run and expect a refusal; its text. */
export async function refusal(h: Harness, member: string, text: string): Promise<string> {
  const r = await h.run(member, text);
  expect(r.kind, r.reply.body.text).toBe('domain-error');
  return r.reply.body.text;
}
