// How objections read: what an effect did, a decision as the channel and the parties are told it, one
// line per objection in the list, and the whole file for those entitled to it.

import type { Translate } from '../../i18n/index.js';
import type { Reader } from '../kit/context.js';
import { mention } from '../kit/say.js';
import { when } from '../elections/timetable.view.js';
import type { Contest } from '../shared/election.types.js';
import type { Appeal, EffectRecord, Objection } from './objection.types.js';
import { refOf } from './objection.types.js';
import { hidesObjector } from './objection.rules.js';

const names = (contests: readonly Contest[], ids: readonly string[]) =>
  ids.map((id) => contests.find((c) => c.id === id)?.name ?? '?').join(', ');

/** What an effect did, in a sentence; `o` keeps an unnamed objector's own roll entry unnamed. */
export function effectText(
  t: Translate,
  rec: EffectRecord | null,
  contests: readonly Contest[],
  o?: Objection,
): string {
  if (!rec || rec.effect === 'none') return t('objection.effect.none');
  if (rec.effect === 'roll' && o && hidesObjector(o, rec.member))
    return t(rec.voided ? 'objection.effect.roll_entry_void' : 'objection.effect.roll_entry', {
      status: t(`roll.status_${rec.status ?? 'eligible'}`),
      contests: names(
        contests,
        (rec.voided ?? []).map((v) => v.contestId),
      ),
    });
  const voided = names(
    contests,
    (rec.voided ?? []).map((v) => v.contestId),
  );
  const member = rec.member ? mention(rec.member) : '';
  switch (rec.effect) {
    case 'exclude':
      return rec.voided
        ? t('objection.effect.exclude_void', { member, contests: voided })
        : t('objection.effect.exclude', {
            member,
            contest: names(contests, rec.contestId ? [rec.contestId] : []),
          });
    case 'roll':
      return t(rec.voided ? 'objection.effect.roll_void' : 'objection.effect.roll', {
        member,
        status: t(`roll.status_${rec.status ?? 'eligible'}`),
        contests: voided,
      });
    default:
      return t('objection.effect.void', { contests: voided });
  }
}

/** What an objection is about, as a member reads it: never the objector's own name unless they agreed. */
export function aboutText(t: Translate, o: Objection): string {
  if (o.memberId && (o.memberId !== o.objector || o.named)) return mention(o.memberId);
  if (o.about === 'roll' || o.memberId) return t('objection.about_roll_entry');
  return o.about;
}

/** The decision as the channel, the objector and those it concerns read it. */
export function decisionText(
  r: Reader,
  o: Objection,
  contests: readonly Contest[],
  appealUntil: Date | undefined,
  now: Date,
): string {
  const t = r.t;
  return [
    t(`objection.decided_${o.outcome ?? 'dismissed'}`, { ref: refOf(o), about: aboutText(t, o) }),
    t('objection.reason_line', { reason: o.reason ?? '' }),
    o.outcome === 'upheld' ? effectText(t, o.effect, contests, o) : '',
    appealUntil ? t('objection.appeal_until', { when: when(r, appealUntil, now) }) : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export interface ListView {
  /** organisers see who objected; everyone else only those who agreed to be named */
  organiser: boolean;
  me: string;
}

export function statusText(t: Translate, o: Objection, appeal: Appeal | undefined): string {
  const state = o.outcome
    ? t(`objection.outcome.${o.outcome}`)
    : o.investigator
      ? t('objection.status.investigating')
      : t('objection.status.open');
  if (!appeal) return state;
  const a = appeal.outcome ? t(`objection.outcome.${appeal.outcome}`) : t('objection.status.open');
  return `${state}; ${t('objection.appeal_status', { status: a })}`;
}

export function listLine(
  r: Reader,
  o: Objection,
  appeal: Appeal | undefined,
  view: ListView,
  now: Date,
): string {
  const t = r.t;
  const parts = [refOf(o), t(`objection.period.${o.period}`), aboutText(t, o), statusText(t, o, appeal)];
  if (!o.outcome) parts.push(t('objection.due', { when: when(r, o.dueAt, now) }));
  if (view.organiser || o.named) parts.push(t('objection.by', { member: mention(o.objector) }));
  if (view.organiser && o.investigator)
    parts.push(t('objection.investigator', { member: mention(o.investigator) }));
  if (o.objector === view.me) parts.push(t('objection.yours'));
  return parts.join(' · ');
}

/** The whole file: grounds, evidence, findings, decision and appeal. */
export function detailText(
  r: Reader,
  o: Objection,
  appeal: Appeal | undefined,
  contests: readonly Contest[],
  now: Date,
): string {
  const t = r.t;
  const lines = [
    t('objection.detail_head', {
      ref: refOf(o),
      period: t(`objection.period.${o.period}`),
      about: aboutText(t, o),
      member: mention(o.objector),
      filed: when(r, o.filedAt, now),
    }),
    t('objection.grounds_line', { grounds: o.grounds }),
  ];
  if (o.evidence) lines.push(t('objection.evidence_line', { evidence: o.evidence }));
  if (o.investigator) lines.push(t('objection.investigator', { member: mention(o.investigator) }));
  for (const f of o.findings)
    lines.push(t('objection.finding_line', { at: when(r, f.at, now), member: mention(f.by), text: f.text }));
  if (o.outcome) lines.push(decisionText(r, o, contests, undefined, now));
  else lines.push(t('objection.due', { when: when(r, o.dueAt, now) }));
  if (appeal) {
    lines.push(t('objection.appeal_line', { member: mention(appeal.appellant), grounds: appeal.grounds }));
    if (appeal.outcome)
      lines.push(
        t(`objection.appeal_decided_${appeal.outcome}`, { ref: refOf(o) }),
        t('objection.reason_line', { reason: appeal.reason ?? '' }),
      );
  }
  return lines.join('\n');
}
