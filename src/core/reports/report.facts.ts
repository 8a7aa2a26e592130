// Gathering the summary report's facts from the record: the election and its contests, the timetable
// and its overrides, the roll and turnout, each round's stored count, the scrutineers' part, the
// objections and appeals on the audit chain, the survey and the chain's head. Read only: producing a
// report changes nothing, so the head it shows is the head there is.
import type { CountResult, Round } from '../../counting/types.js';
import type { AuditEntry } from '../audit/audit.types.js';
import type { ElectionContext } from '../kit/context.js';
import { happened, overridesOf } from '../elections/timetable.js';
import { scrutinyOf } from '../elections/election.scrutiny.js';
import type { StoredResult } from '../results/result.types.js';
import type { Contest } from '../shared/election.types.js';
import { surveyFacts } from './report.survey.js';
import { surveyStatus } from './survey.service.js';
import {
  REPORT_FORMAT,
  type ContestResultFacts,
  type CountRoundFacts,
  type MemberRef,
  type ObjectionFacts,
  type ReportData,
} from './report.types.js';

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

function roundFacts(r: CountResult, round: Round): CountRoundFacts {
  const name = (i: number) => r.candidates[i] ?? String(i);
  return {
    number: round.number,
    counts: [...round.counts],
    ...(round.quota !== undefined ? { quota: round.quota } : {}),
    elected: round.elected.map(name),
    eliminated: round.eliminated.map(name),
    transfers: (round.transfers ?? []).map((x) => ({
      from: name(x.from),
      to: Object.fromEntries(Object.entries(x.to).map(([i, v]) => [name(Number(i)), v])),
      exhausted: x.exhausted,
      ...(x.value !== undefined ? { value: x.value } : {}),
    })),
    exhausted: round.exhausted,
    explanation: round.explanation,
  };
}

function contestFacts(c: Contest, stored: StoredResult): ContestResultFacts {
  const r = stored.result;
  const b = r.ballots;
  const name = (i: number) => r.candidates[i] ?? String(i);
  return {
    contest: c.number,
    name: c.name,
    method: c.method,
    seats: c.seats,
    eligible: stored.eligible,
    issued: stored.issued,
    present: stored.present ?? null,
    cast: b.cast,
    valid: b.valid,
    blank: b.blank,
    invalid: b.invalid,
    invalidBy: { ...(b.invalidBy ?? {}) },
    validWeight: b.validWeight,
    turnout: pct(b.cast, stored.eligible),
    channels: stored.channels && stored.channels.length > 1 ? stored.channels : null,
    candidates: [...r.candidates],
    rounds: r.rounds.map((x) => roundFacts(r, x)),
    opinions: r.opinions
      ? { for: [...r.opinions.for], against: [...r.opinions.against], abstain: [...r.opinions.abstain] }
      : null,
    winners: r.winners.map(name),
    ties: r.ties.map((x) => ({
      round: x.round,
      purpose: x.purpose,
      rule: x.rule,
      candidates: x.candidates.map(name),
      chosen: x.chosen.map(name),
    })),
    furtherRound: r.furtherRound
      ? {
          kind: r.furtherRound.kind,
          seats: r.furtherRound.seats,
          candidates: r.furtherRound.candidates.map(name),
        }
      : null,
    rulings: r.rulings ?? [],
  };
}

/**
 * Objections and appeals as the objections module records them on the chain (objection.filed,
 * .assigned, .decided; appeal.filed, .decided), one entry per reference, in the order filed. The one
 * who filed is not named: the report goes to organisers and scrutineers, the objection may be private.
 */
export function objectionsOf(log: readonly AuditEntry[], who: (id: string) => MemberRef): ObjectionFacts[] {
  const out = new Map<string, ObjectionFacts>();
  const str = (v: unknown) => (v === undefined || v === null ? null : String(v));
  for (const a of log) {
    const ref = str(a.data.ref);
    if (ref === null) continue;
    const o = out.get(ref);
    if (a.event === 'objection.filed')
      out.set(ref, {
        ref,
        period: str(a.data.period),
        about: str(a.data.about),
        public: a.data.public === true || a.data.public === 'yes',
        filedAt: a.at,
        investigator: null,
        outcome: null,
        effect: null,
        reason: null,
        decidedAt: null,
        appeal: null,
      });
    else if (!o) continue;
    else if (a.event === 'objection.assigned') o.investigator = who(String(a.data.investigator));
    else if (a.event === 'objection.decided') {
      o.outcome = str(a.data.outcome) as ObjectionFacts['outcome'];
      o.effect = str(a.data.effect) as ObjectionFacts['effect'];
      o.reason = str(a.data.reason);
      o.decidedAt = a.at;
    } else if (a.event === 'appeal.filed')
      o.appeal = { filedAt: a.at, outcome: null, effect: null, reason: null, decidedAt: null };
    else if (a.event === 'appeal.decided' && o.appeal) {
      o.appeal.outcome = str(a.data.outcome);
      o.appeal.effect = str(a.data.effect);
      o.appeal.reason = str(a.data.reason);
      o.appeal.decidedAt = a.at;
    }
  }
  return [...out.values()];
}

/** Every fact of the report, for `round` (a further round's number) or, without it, every round. */
export async function gatherReport(ctx: ElectionContext, round?: number): Promise<ReportData> {
  const e = ctx.election;
  const tx = ctx.tx;
  const log = await tx.audit.list(e.id);
  const contests = await tx.contests.list(e.id);
  const results = await tx.results.list(e.id);
  const roll = await tx.roll.list(e.id);
  const scrutiny = await scrutinyOf(ctx);
  const ids = new Set<string>([
    ...scrutiny.scrutineers,
    ...log.filter((a) => a.event === 'objection.assigned').map((a) => String(a.data.investigator)),
    ...log.filter((a) => a.event === 'timetable.override').map((a) => a.actor),
  ]);
  const known = new Map((await tx.members.getMany(e.orgId, [...ids])).map((m) => [m.memberId, m]));
  const who = (id: string): MemberRef => ({ id, name: known.get(id)?.displayName ?? id });
  const rounds = [...new Set(contests.map((c) => c.round ?? 1))]
    .filter((n) => round === undefined || n === round)
    .sort((a, b) => a - b);
  const done = await happened(tx, e.id);
  const counted = rounds.map((n) => ({
    round: n,
    contests: contests
      .filter((c) => (c.round ?? 1) === n)
      .flatMap((c) => {
        const stored = results.find((r) => r.contestId === c.id);
        return stored ? [contestFacts(c, stored)] : [];
      }),
  }));
  return {
    format: REPORT_FORMAT,
    generatedAt: ctx.now.toISOString(),
    election: {
      number: e.number,
      title: e.title,
      preset: e.settings.preset ?? null,
      phase: e.phase,
      createdAt: e.createdAt,
      cancelReason: e.cancelReason,
    },
    round: round ?? null,
    contests: contests.map((c) => ({
      number: c.number,
      name: c.name,
      seats: c.seats,
      method: c.method,
      round: c.round ?? 1,
    })),
    timetable: {
      planned: (await tx.timetable.list(e.id))
        .map((x) => ({ step: x.step, at: x.at }))
        .sort((a, b) => a.at.localeCompare(b.at)),
      happened: [...done]
        .map(([step, at]) => ({ step, at: at.toISOString() }))
        .sort((a, b) => a.at.localeCompare(b.at)),
      overrides: (await overridesOf(tx, e.id)).map((o) => ({ ...o, actor: who(o.actor) })),
    },
    roll: {
      entries: roll.length,
      eligible: roll.filter((r) => r.status === 'eligible').length,
      weighted: roll.some((r) => r.weight !== 1),
      voted: (await tx.participation.voters(e.id)).length,
    },
    // Teller keeps no member groups (branches, units) yet: turnout per group waits for them
    groups: null,
    rounds: counted,
    elected: counted.flatMap((r) =>
      r.contests
        .filter((c) => c.winners.length > 0)
        .map((c) => ({ contest: c.name, round: r.round, names: c.winners })),
    ),
    scrutiny: {
      needed: scrutiny.needed,
      scrutineers: scrutiny.scrutineers.map(who),
      confirmed: scrutiny.confirmed.map((c) => ({ member: who(c.memberId), observation: c.observation })),
      disputes: scrutiny.disputes.map((d) => ({
        member: who(d.memberId),
        note: d.note,
        resolution: d.resolution,
      })),
    },
    objections: objectionsOf(log, who),
    survey: surveyFacts(await surveyStatus(ctx)),
    audit: { entries: log.length, head: log.at(-1)?.hash ?? null },
  };
}
