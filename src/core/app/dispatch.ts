// One way in for every platform: resolve the command, parse its arguments with its schema, check who
// may run it and in which phase, and run it in one transaction. A command that fails changes nothing.

import { canonicalZone } from '../shared/time.js';
import { translator, normaliseLocale, type Translate } from '../../i18n/index.js';
import type { Platform } from '../delivery/outbound.types.js';
import type { Election, ElectionRoleName } from '../shared/election.types.js';
import { allowedCommandIds } from '../elections/election.rules.js';
import { orgLanguage, type Organisation } from '../shared/org.types.js';
import type { Clock } from '../shared/clock.js';
import { errorRef, randomId } from '../shared/ids.js';
import { InstanceState } from '../shared/instance-state.js';
import type { Store, Tx } from '../kit/store.js';
import { postCheckpoint } from '../audit/audit.checkpoint.js';
import type { ArgIssue, CommandSpec, DispatchResult, Invocation } from '../kit/command.types.js';
import type { CommandContext, Logger, ScheduledRun } from '../kit/context.js';
import type { AnyCommand } from '../kit/define.js';
import { helpReply, usage } from '../help/help.js';
import { commandContext } from './command-context.js';
import { onPhaseEntered } from './phase-hooks.js';
import { argLabel, expectedText } from '../kit/arg-text.js';
import { argIssueText } from '../kit/args.js';
import { argsFromText, tokenize } from '../kit/tokenize.js';
import type { Reply } from '../shared/reply.js';

/** A platform's way to read a channel's recent messages back (for audit checkpoints). */
export type ChannelReader = (platformOrgId: string, channelId: string) => Promise<string[]>;

export interface DispatchDeps {
  store: Store;
  clock: Clock;
  serverSecret: string;
  logger: Logger;
  /** filled by the composition root as platforms start */
  channelReaders?: Map<Platform, ChannelReader>;
}

/** Thrown inside the transaction to roll it back while still answering with a value. */
class Abort {
  constructor(readonly result: DispatchResult) {}
}

/** How long a process trusts its remembered organisation (its language may change in another process). */
const ORG_TTL_MS = 60_000;

/** The actor id of commands Teller runs itself (jobs, follow-ups after a commit). */
export const TELLER_ACTOR = 'teller';

const only = (text: string, tone: Reply['body']['tone'] = 'error'): Reply => ({
  visibility: 'only-you',
  body: { text, tone },
});

export function resolveCommand(
  commands: readonly AnyCommand[],
  invocation: Invocation,
): { def?: AnyCommand; text?: string } {
  const raw = invocation.args;
  if (invocation.command) {
    const def = commands.find((c) => c.spec.id === invocation.command);
    return { def, text: 'text' in raw && typeof raw.text === 'string' ? raw.text : undefined };
  }
  const text = 'text' in raw && typeof raw.text === 'string' ? raw.text : '';
  const words = tokenize(text).map((w) => w.toLowerCase());
  // a bare /election is a request for help, not an unknown command
  if (words.length === 0) return { def: commands.find((c) => c.spec.id === 'help'), text: '' };
  let best: AnyCommand | undefined;
  for (const c of commands) {
    const p = c.spec.path;
    if (
      p.length <= words.length &&
      p.every((w, i) => w === words[i]) &&
      (!best || p.length > best.spec.path.length)
    )
      best = c;
  }
  if (!best) return {};
  // drop the path words from the front of the text, keeping the rest verbatim
  let rest = text.trimStart();
  for (let i = 0; i < best.spec.path.length; i++) rest = rest.replace(/^\S+\s*/, '');
  return { def: best, text: rest };
}

function rawArgs(
  def: AnyCommand,
  invocation: Invocation,
  text: string | undefined,
): { args: Record<string, unknown>; extra: string[] } {
  if (text !== undefined) return argsFromText(text, def.spec.args);
  const args: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(invocation.args))
    if (v !== undefined && v !== null && v !== '') args[k] = v;
  return { args, extra: [] };
}

export function createDispatcher(commands: readonly AnyCommand[], deps: DispatchDeps) {
  const specs: CommandSpec[] = commands.map((c) => c.spec);
  // Remembered so a cast runs one query fewer. An organisation's language can change (`/election
  // language`, a Discord server's preferred locale); this process sees its own changes at once and
  // another process's within ORG_TTL_MS.
  const orgs = new Map<string, { org: Organisation; at: number }>();
  const state = new InstanceState();
  // Invocations Teller made itself. Only these may run 'teller' commands: adapters build invocations
  // from platform payloads, and no field of a payload can put an object into this set.
  const byTeller = new WeakSet<Invocation>();
  const scheduledRuns = new WeakMap<Invocation, ScheduledRun>();

  /** Run a command as Teller itself, in an organisation it already knows; `scheduled` when a job came due. */
  function runAsTeller(
    org: Pick<Organisation, 'platform' | 'platformOrgId'>,
    command: string,
    args: Record<string, unknown>,
    scheduled?: ScheduledRun,
  ): Promise<DispatchResult> {
    const invocation: Invocation = {
      platform: org.platform,
      platformOrgId: org.platformOrgId,
      actor: { memberId: TELLER_ACTOR },
      command,
      args,
    };
    byTeller.add(invocation);
    if (scheduled) scheduledRuns.set(invocation, scheduled);
    return run(invocation);
  }

  async function run(invocation: Invocation): Promise<DispatchResult> {
    const t = translator(invocation.actor.locale);
    const { def, text } = resolveCommand(commands, invocation);
    if (!def) {
      return { kind: 'unknown', reply: helpReply(specs, t, undefined, undefined, t('dispatch.unknown')) };
    }
    const { args: raw, extra } = rawArgs(def, invocation, text);
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success || extra.length > 0) {
      const issues: ArgIssue[] = parsed.success
        ? []
        : oneIssuePerArg(parsed.error.issues).map((i) => describeIssue(def.spec, i, raw, t));
      if (extra.length > 0)
        issues.push({
          field: t('dispatch.arguments'),
          message: t('dispatch.unexpected', { words: extra.join(' ') }),
        });
      const lines = issues.map((i) => `• ${i.message}`).join('\n');
      return {
        kind: 'invalid',
        issues,
        reply: only(t('dispatch.invalid', { issues: lines, usage: usage(def.spec, t) })),
      };
    }
    const after: (() => Promise<DispatchResult | void>)[] = [];
    try {
      const result = await deps.store.transaction(async (tx) => {
        if (invocation.idempotencyKey) {
          const seen = await tx.requests.get(requestKey(invocation));
          if (seen) return JSON.parse(seen) as DispatchResult;
        }
        const ctx = await buildContext(tx, invocation, def, parsed.data as Record<string, unknown>, after);
        const before = ctx.election;
        const orgBefore = ctx.org;
        const outcome = await def.handler(ctx, parsed.data);
        if (outcome.ok && ctx.org !== orgBefore) {
          // the handler changed the organisation (its language): remember the new one once committed
          const changed = ctx.org;
          after.push(
            async () =>
              void orgs.set(`${changed.platform}:${changed.platformOrgId}`, { org: changed, at: Date.now() }),
          );
        }
        if (outcome.ok && ctx.election && before && ctx.election.phase !== before.phase) {
          const entered = await onPhaseEntered(ctx as typeof ctx & { election: Election });
          if (!entered.ok) {
            const { code, params } = entered.error;
            throw new Abort({ kind: 'domain-error', code, reply: only(ctx.t(code, params)) });
          }
        }
        if (
          outcome.ok &&
          ctx.election &&
          before &&
          (ctx.election.phase !== before.phase || ctx.election.seal !== before.seal)
        ) {
          // every phase change and the seal are anchored outside the database
          await postCheckpoint(ctx, ctx.election);
        }
        if (!outcome.ok) {
          const { code, params } = outcome.error;
          throw new Abort({ kind: 'domain-error', code, reply: only(ctx.t(code, params)) });
        }
        const answer: DispatchResult = { kind: 'ok', reply: outcome.value };
        if (invocation.idempotencyKey) {
          await tx.requests.put(
            requestKey(invocation),
            JSON.stringify(answer),
            deps.clock.now().toISOString(),
            ctx.election?.id ?? null,
          );
        }
        return answer;
      });
      let answer = result;
      for (const fn of after) {
        try {
          answer = (await fn()) ?? answer;
        } catch (e) {
          deps.logger.error('after-commit work failed', { command: def.spec.id, error: String(e) });
        }
      }
      return answer;
    } catch (e) {
      if (e instanceof Abort) return e.result;
      const ref = errorRef();
      // never log arguments: a ballot's choices must not reach a log
      deps.logger.error(`command failed (ref ${ref})`, {
        ref,
        command: def.spec.id,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      });
      return { kind: 'failed', ref, reply: only(t('dispatch.failed', { ref })) };
    }
  }

  async function buildContext(
    tx: Tx,
    invocation: Invocation,
    def: AnyCommand,
    args: Record<string, unknown>,
    after: (() => Promise<DispatchResult | void>)[],
  ): Promise<CommandContext> {
    const now = deps.clock.now();
    const orgKey = `${invocation.platform}:${invocation.platformOrgId}`;
    const cached = orgs.get(orgKey);
    const platformLocale = invocation.actor.orgLocale
      ? normaliseLocale(invocation.actor.orgLocale)
      : undefined;
    let org =
      cached && Date.now() - cached.at < ORG_TTL_MS
        ? cached.org
        : await ensureOrg(
            tx,
            invocation.platform,
            invocation.platformOrgId,
            invocation.orgName,
            invocation.actor.orgLocale ?? invocation.actor.locale,
            now,
          );
    let fresh = org !== cached?.org;
    if (platformLocale && platformLocale !== org.defaultLocale) {
      // the server's preferred locale changed: keep it, so DMs sent later by Teller's own jobs use it too
      await tx.orgs.setDefaultLocale(org.id, platformLocale);
      org = { ...org, defaultLocale: platformLocale };
      fresh = true;
    }
    // cache only after commit: a rolled-back insert must not be remembered
    if (fresh) {
      const known = org;
      after.push(async () => void orgs.set(orgKey, { org: known, at: Date.now() }));
    }
    await rememberMember(tx, org, invocation.actor, now);
    for (const p of invocation.profiles ?? [])
      if (p.memberId !== invocation.actor.memberId && p.memberId !== TELLER_ACTOR)
        await rememberMember(tx, org, p, now);
    // The member's own locale when the platform says it; else the organisation's (DM language: translatorFor).
    const locale = normaliseLocale(invocation.actor.locale ?? orgLanguage(org, platformLocale));
    const t = translator(locale);
    let election: Election | undefined;
    let roles: ElectionRoleName[] = [];
    if (typeof args.election === 'number') {
      election = await tx.elections.findByNumberLocked(org.id, args.election);
      if (!election)
        throw new Abort({
          kind: 'domain-error',
          code: 'election.not_found',
          reply: only(t('election.not_found', { number: args.election })),
        });
    }
    // the schema requires the argument, so this is a bug in the command's definition, not a member's input
    if (def.needsElection && !election) throw new Error(`${def.spec.id} has no election argument`);
    const spec = def.spec;
    // roles matter for access and for saying what is allowed; a voter's cast needs neither
    const needRoles =
      election &&
      (spec.access !== 'anyone' ||
        (spec.phases && !spec.phases.includes(election.phase)) ||
        spec.id === 'help');
    if (election && needRoles) {
      roles = (await tx.roles.list(election.id))
        .filter((r) => r.memberId === invocation.actor.memberId)
        .map((r) => r.role);
    }
    const teller = byTeller.has(invocation);
    if (!teller && !mayRun(spec.access, roles, invocation)) {
      throw new Abort({
        kind: 'forbidden',
        reply: only(
          t('dispatch.forbidden', {
            command: `/election ${spec.path.join(' ')}`,
            role: t(`access.${spec.access}`),
          }),
        ),
      });
    }
    if (election && spec.phases && !spec.phases.includes(election.phase)) {
      const allowed = allowedCommandIds(specs, election.phase, roles)
        .map((id) => `/election ${specs.find((s) => s.id === id)!.path.join(' ')}`)
        .join(', ');
      const params = {
        number: election.number,
        phase: t(`phase.${election.phase}`),
        allowed: allowed || '—',
      };
      throw new Abort({
        kind: 'domain-error',
        code: 'election.wrong_phase',
        reply: only(t('election.wrong_phase', params)),
      });
    }
    const ctx = commandContext({
      tx,
      org,
      invocation,
      locale,
      t,
      now,
      platformLocale,
      roles,
      spec,
      teller,
      after,
      state,
      deps,
      reader: deps.channelReaders?.get(org.platform),
      ...(election ? { election } : {}),
      runAsTeller: (command, commandArgs) => runAsTeller(org, command, commandArgs),
      ...(scheduledRuns.has(invocation) ? { scheduled: scheduledRuns.get(invocation)! } : {}),
    });
    return ctx;
  }

  return { run, specs, runAsTeller, state };
}

function requestKey(inv: Invocation): string {
  return `${inv.platform}:${inv.platformOrgId}:${inv.idempotencyKey}`;
}

function mayRun(access: CommandSpec['access'], roles: ElectionRoleName[], inv: Invocation): boolean {
  switch (access) {
    case 'teller':
      return false;
    case 'anyone':
      return true;
    case 'creator':
      // a platform that knows its admins (Discord's server setting) says so; unknown means allowed
      return inv.actor.isAdmin !== false;
    case 'organiser':
      return roles.includes('organiser');
    case 'scrutineer':
      return roles.includes('scrutineer');
    case 'organiser-or-scrutineer':
      return roles.includes('organiser') || roles.includes('scrutineer');
  }
}

async function ensureOrg(
  tx: Tx,
  platform: Platform,
  platformOrgId: string,
  name: string | undefined,
  locale: string | undefined,
  now: Date,
): Promise<Organisation> {
  const found = await tx.orgs.findByPlatform(platform, platformOrgId);
  if (found) return found;
  const org: Organisation = {
    id: randomId(),
    platform,
    platformOrgId,
    name: name ?? platformOrgId,
    defaultLocale: normaliseLocale(locale),
    createdAt: now.toISOString(),
  };
  return tx.orgs.insertIfAbsent(org);
}

async function rememberMember(
  tx: Tx,
  org: Organisation,
  who: { memberId: string; displayName?: string; locale?: string; timeZone?: string },
  now: Date,
): Promise<void> {
  const { memberId, displayName, locale } = who;
  // a zone the runtime does not know would break every date shown to them: keep the last good one
  const timeZone = who.timeZone === undefined ? undefined : canonicalZone(who.timeZone);
  if (displayName === undefined && locale === undefined && timeZone === undefined) return;
  const known = await tx.members.get(org.id, memberId);
  const next = {
    displayName: displayName ?? known?.displayName ?? null,
    locale: locale ?? known?.locale ?? null,
    timeZone: timeZone ?? known?.timeZone ?? null,
  };
  if (
    known &&
    known.displayName === next.displayName &&
    known.locale === next.locale &&
    (known.timeZone ?? null) === next.timeZone
  )
    return;
  await tx.members.upsert({ orgId: org.id, memberId, ...next, updatedAt: now.toISOString() });
}

type ZodIssue = {
  code: string;
  message: string;
  path: readonly PropertyKey[];
  params?: Record<string, unknown>;
};

/** zod may report several issues for one value (a union's branches); the member needs one per argument. */
function oneIssuePerArg(issues: readonly ZodIssue[]): ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = String(i.path[0] ?? '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A sentence in the member's language naming the argument as the README spells it and saying what is
 * expected. Issues args.ts raises with a catalog key (a stray control character, a word that is not a
 * member) keep their own words.
 */
function describeIssue(
  spec: CommandSpec,
  issue: ZodIssue,
  raw: Record<string, unknown>,
  t: Translate,
): ArgIssue {
  const name = String(issue.path[0] ?? '');
  const arg = spec.args.find((a) => a.name === name);
  const own = argIssueText(issue, t);
  if (!arg)
    return {
      field: name || t('dispatch.arguments'),
      message: own ?? t('dispatch.issue_unknown', { arg: argLabel(name) }),
    };
  const label = argLabel(arg.name);
  const missing = raw[name] === undefined;
  const message =
    own !== undefined
      ? t('dispatch.issue_own', { arg: label, message: own })
      : t(missing ? 'dispatch.issue_missing' : 'dispatch.issue_bad', {
          arg: label,
          expected: expectedText(arg, t),
        });
  return { field: name, message };
}
