// The context a handler gets: the open transaction, the checked actor, and the ways a command may act
// beyond its return value (queue a message, append to the audit chain, plan a job, run work after the
// commit). Built by dispatch once the command, its election and the actor's rights are checked.

import { normaliseLocale, translator, type Translate } from '../../i18n/index.js';
import type { Locale } from '../../i18n/catalog.types.js';
import { appendAudit } from '../audit/audit.service.js';
import type { CommandSpec, DispatchResult, Invocation } from '../kit/command.types.js';
import type { CommandContext, Reader, ScheduledRun } from '../kit/context.js';
import { canonicalZone, DEFAULT_TIME_ZONE } from '../shared/time.js';
import type { Tx } from '../kit/store.js';
import type { Election, ElectionRoleName } from '../shared/election.types.js';
import { randomId } from '../shared/ids.js';
import type { InstanceState } from '../shared/instance-state.js';
import { orgLanguage, type Organisation } from '../shared/org.types.js';
import type { Logger } from '../kit/context.js';
import type { Member } from '../members/member.types.js';
import type { Store } from '../kit/store.js';

export interface ContextParts {
  tx: Tx;
  org: Organisation;
  invocation: Invocation;
  locale: Locale;
  t: Translate;
  now: Date;
  /** the platform's own language for the organisation, as it came with this action */
  platformLocale: Locale | undefined;
  election?: Election;
  roles: ElectionRoleName[];
  spec: CommandSpec;
  /** true when Teller itself runs the command */
  teller: boolean;
  /** where afterCommit work is collected; dispatch runs it once the transaction commits */
  after: (() => Promise<DispatchResult | void>)[];
  state: InstanceState;
  deps: { serverSecret: string; store: Pick<Store, 'purge'>; logger: Logger };
  /** this platform's way to read a channel back, where it has one */
  reader: ((platformOrgId: string, channelId: string) => Promise<string[]>) | undefined;
  runAsTeller: CommandContext['runAsTeller'];
  scheduled?: ScheduledRun;
}

export function commandContext(p: ContextParts): CommandContext {
  const { tx, org, locale, t, now, roles, spec, after, state, platformLocale } = p;
  const reader = p.reader;
  const zone = org.timeZone ?? DEFAULT_TIME_ZONE;
  const actorZone = p.invocation.actor.timeZone ? canonicalZone(p.invocation.actor.timeZone) : undefined;
  // members read by knowMembers (null: Teller has not met them); dispatch has already written the actor
  const known = new Map<string, Member | null>();
  const member = async (memberId: string) =>
    known.has(memberId) ? (known.get(memberId) ?? undefined) : tx.members.get(org.id, memberId);
  const ctx: CommandContext = {
    tx,
    org,
    actor: p.invocation.actor,
    locale,
    t,
    now,
    zone,
    reader: { t, locale, zone: actorZone ?? zone },
    ...(p.scheduled ? { scheduled: p.scheduled } : {}),
    ...(p.invocation.channelId ? { channelId: p.invocation.channelId } : {}),
    serverSecret: p.deps.serverSecret,
    ...(p.election ? { election: p.election } : {}),
    roles,
    async translatorFor(memberId: string): Promise<Translate> {
      // their last known locale (from their own commands, or the profile the platform gave when they
      // were named in one); else the organisation's language
      const m = await member(memberId);
      return translator(m?.locale ?? orgLanguage(ctx.org, platformLocale));
    },
    async readerFor(memberId: string): Promise<Reader> {
      const m = await member(memberId);
      const memberLocale = normaliseLocale(m?.locale ?? orgLanguage(ctx.org, platformLocale));
      return { t: translator(memberLocale), locale: memberLocale, zone: m?.timeZone ?? ctx.zone };
    },
    async knowMembers(memberIds) {
      const unread = [...new Set(memberIds)].filter((id) => !known.has(id));
      if (unread.length === 0) return;
      for (const id of unread) known.set(id, null);
      for (const m of await tx.members.getMany(org.id, unread)) known.set(m.memberId, m);
    },
    async enqueue(message) {
      return tx.outbox.enqueue({
        id: randomId(),
        orgId: org.id,
        platform: org.platform,
        platformOrgId: org.platformOrgId,
        status: 'pending',
        attempts: 0,
        notBefore: now.toISOString(),
        createdAt: now.toISOString(),
        ...message,
      });
    },
    async audit(event, data = {}) {
      // a handler may have created or moved the election since dispatch loaded it
      const target = ctx.election;
      if (!target) throw new Error(`audit ${event} outside an election`);
      await appendAudit(tx, {
        electionId: target.id,
        at: now.toISOString(),
        actor: p.invocation.actor.memberId,
        event,
        data,
      });
    },
    afterCommit(fn) {
      after.push(fn);
    },
    purge: () => p.deps.store.purge(),
    async schedule(job) {
      return tx.jobs.schedule({
        id: randomId(),
        electionId: job.electionId ?? ctx.election?.id ?? null,
        payload: job.payload ?? {},
        status: 'pending',
        attempts: 0,
        leaseUntil: null,
        lastError: null,
        createdAt: now.toISOString(),
        doneAt: null,
        kind: job.kind,
        dedupeKey: job.dedupeKey,
        runAt: job.runAt,
      });
    },
    runAsTeller: p.runAsTeller,
    state,
    alert(message, meta) {
      p.deps.logger.error(message, { command: spec.id, ...meta });
    },
    byTeller: p.teller,
    ...(reader ? { readChannel: (channelId: string) => reader(org.platformOrgId, channelId) } : {}),
  };
  return ctx;
}
