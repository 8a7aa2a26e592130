import { expect } from 'vitest';
import { createCore, type DispatchResult, type TellerCore } from '../../src/core/index.js';
import type { DeliveryQueue } from '../../src/core/delivery/outbound.ports.js';
import { MemoryStore } from '../fakes/memory-store.js';

export class FakeClock {
  constructor(public time = new Date('2026-03-01T09:00:00Z')) {}
  now = () => new Date(this.time);
  advance(ms: number) {
    this.time = new Date(this.time.getTime() + ms);
  }
}

const unusedQueue = new Proxy({} as DeliveryQueue, {
  get: () => () => {
    throw new Error('delivery is not part of core tests');
  },
});

export interface Harness {
  core: TellerCore;
  store: MemoryStore;
  clock: FakeClock;
  errors: string[];
  /** run what a member typed after /election */
  run(
    member: string,
    text: string,
    opts?: { locale?: string; channelId?: string; idempotencyKey?: string },
  ): Promise<DispatchResult>;
  /** run and expect ok; returns the reply text */
  ok(member: string, text: string): Promise<string>;
}

/** A core on a fresh store, or (to play a second Teller process) on another harness's store and clock. */
export function harness(opts: { store?: MemoryStore; clock?: FakeClock; secret?: string } = {}): Harness {
  const store = opts.store ?? new MemoryStore();
  const clock = opts.clock ?? new FakeClock();
  const errors: string[] = [];
  const core = createCore({
    store,
    delivery: unusedQueue,
    platformState: { get: async () => undefined, put: async () => undefined, delete: async () => undefined },
    clock,
    serverSecret: opts.secret ?? 'test-server-secret',
    logger: { info: () => undefined, error: (m, meta) => errors.push(`${m} ${JSON.stringify(meta)}`) },
  });
  const run: Harness['run'] = (member, text, opts = {}) =>
    core.dispatch({
      platform: 'console',
      platformOrgId: 'console',
      actor: {
        memberId: member,
        displayName: member[0].toUpperCase() + member.slice(1),
        ...(opts.locale ? { locale: opts.locale } : {}),
      },
      channelId: opts.channelId ?? 'general',
      command: '',
      args: { text },
      ...(opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {}),
    });
  return {
    core,
    store,
    clock,
    errors,
    run,
    async ok(member, text) {
      const r = await run(member, text);
      if (r.kind !== 'ok') throw new Error(`${text} -> ${r.kind}: ${r.reply.body.text} ${errors.join('\n')}`);
      return [r.reply.body.text, ...(r.reply.body.fields ?? []).map((f) => `${f.label}: ${f.value}`)].join(
        '\n',
      );
    },
  };
}

/** Set up election 1 to the point where voting is open: one contest, a roll, approved candidates. */
export async function electionInVoting(
  h: Harness,
  method = 'plurality',
  seats = 1,
  voters = ['alice', 'bob', 'carol', 'dave', 'erin'],
) {
  await h.ok('olga', 'create "Branch committee"');
  await h.ok('olga', `contest add 1 Secretary ${seats} ${method}`);
  await h.ok('olga', `roll add 1 ${voters.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'nominations open 1');
  await h.ok(voters[0], 'nominate 1 Secretary');
  await h.ok(voters[2], 'second 1 1');
  await h.ok(voters[1], 'nominate 1 Secretary');
  await h.ok(voters[3], 'second 1 2');
  await h.ok('olga', 'nominations close 1');
  await h.ok('olga', 'review approve 1 1');
  await h.ok('olga', 'review approve 1 2');
  await h.ok('olga', 'candidates publish 1');
  await h.ok('olga', 'voting open 1');
}

/**
 * Election 1 under `preset`, with one contest (`contest add 1 <contest>`), the roll, and `candidates`
 * nominated, seconded and approved: in review, ready to publish.
 */
export async function presetElectionInReview(
  h: Harness,
  preset: string,
  contest: string,
  candidates: string[],
  voters: string[],
): Promise<void> {
  await h.ok('olga', `create "Branch committee" preset=${preset}`);
  await h.ok('olga', `contest add 1 ${contest}`);
  await h.ok('olga', `roll add 1 ${voters.map((v) => `@${v}`).join(' ')}`);
  await h.ok('olga', 'nominations open 1');
  for (const [i, c] of candidates.entries()) {
    await h.ok(c, 'nominate 1 1');
    await h.ok(voters.find((v) => v !== c)!, `second 1 ${i + 1}`);
  }
  await h.ok('olga', 'nominations close 1');
  for (let i = 1; i <= candidates.length; i++) await h.ok('olga', `review approve 1 ${i}`);
}

/** A command the rules refuse, by `who`: the refusal's text, failing the test if it went through. */
export async function refusal(h: Harness, who: string, text: string): Promise<string> {
  const r = await h.run(who, text);
  expect(r.kind, `${text}: ${r.reply.body.text}`).not.toBe('ok');
  return r.reply.body.text;
}
