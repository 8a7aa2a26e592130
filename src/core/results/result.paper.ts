// Paper and mail ballots in the count (issue 13): the confirmed batches join the online ballots, the
// ones the scrutineers set aside are counted as cast and invalid by reason, and each channel is
// reconciled: issued, returned, valid, blank, invalid. Returned above issued voids the round where the
// rules say so (C2), and is flagged everywhere else.
import type { BallotFigures, CountResult, InvalidReason } from '../../counting/types.js';
import type { Preset } from '../shared/presets.js';
import type { BallotIssue, BallotReturn, OfflineChannel, PaperBallot } from '../paper/paper.types.js';
import type { ChannelFigures } from './result.types.js';

export type SetAside = Partial<Record<InvalidReason, number>>;

export function setAsideOf(ballots: readonly Pick<PaperBallot, 'spoilt'>[]): SetAside {
  const out: SetAside = {};
  for (const b of ballots) if (b.spoilt) out[b.spoilt] = (out[b.spoilt] ?? 0) + 1;
  return out;
}

const total = (s: SetAside) => Object.values(s).reduce((a: number, b) => a + (b ?? 0), 0);

/** Figures with ballots set aside before the count added as cast and invalid. */
export function withSetAside(figures: BallotFigures, setAside: SetAside): BallotFigures {
  const n = total(setAside);
  if (n === 0) return figures;
  const invalidBy = { ...(figures.invalidBy ?? {}) };
  for (const [reason, count] of Object.entries(setAside))
    invalidBy[reason as InvalidReason] = (invalidBy[reason as InvalidReason] ?? 0) + (count ?? 0);
  return { ...figures, cast: figures.cast + n, invalid: figures.invalid + n, invalidBy };
}

/** What one round's issues and returns say, per offline channel. */
export interface RoundPaper {
  issued: Map<OfflineChannel, number>;
  late: Map<OfflineChannel, number>;
  /** members issued a paper or mail ballot who did not vote online: their online ballot went unused */
  offlineMembers: number;
}

export function roundPaper(
  issues: readonly BallotIssue[],
  returns: readonly BallotReturn[],
  voters: ReadonlySet<string>,
  round: number,
): RoundPaper {
  const issued = new Map<OfflineChannel, number>();
  const late = new Map<OfflineChannel, number>();
  const mine = issues.filter((i) => i.round === round);
  for (const i of mine) issued.set(i.channel, (issued.get(i.channel) ?? 0) + 1);
  for (const r of returns)
    if (r.round === round && r.late) late.set(r.channel, (late.get(r.channel) ?? 0) + 1);
  const returned = new Set(returns.filter((r) => r.round === round && !r.late).map((r) => r.memberId));
  // issued one on paper or by mail and voted online first: their online ballot was the one used
  const offline = new Set(mine.map((i) => i.memberId));
  const usedOnline = [...offline].filter((m) => voters.has(m) && !returned.has(m)).length;
  return { issued, late, offlineMembers: offline.size - usedOnline };
}

/**
 * Each channel's figures. The offline channels' come from counting their own ballots (`figuresOf`);
 * online's are the rest of the whole, so the channels always add up to the result.
 */
export function channelFigures(
  whole: BallotFigures,
  eligible: number,
  paper: RoundPaper,
  offline: ReadonlyMap<OfflineChannel, BallotFigures>,
): ChannelFigures[] {
  const out: ChannelFigures[] = [];
  let rest = { cast: whole.cast, valid: whole.valid, blank: whole.blank, invalid: whole.invalid };
  const restBy: Record<string, number> = { ...(whole.invalidBy ?? {}) };
  for (const channel of ['paper', 'mail'] as const) {
    const f = offline.get(channel);
    const issued = paper.issued.get(channel) ?? 0;
    if (!f && issued === 0) continue;
    const figures = f ?? { cast: 0, valid: 0, blank: 0, invalid: 0, validWeight: 0 };
    rest = {
      cast: rest.cast - figures.cast,
      valid: rest.valid - figures.valid,
      blank: rest.blank - figures.blank,
      invalid: rest.invalid - figures.invalid,
    };
    for (const [r, n] of Object.entries(figures.invalidBy ?? {})) restBy[r] = (restBy[r] ?? 0) - (n ?? 0);
    out.push({
      channel,
      issued,
      returned: figures.cast,
      valid: figures.valid,
      blank: figures.blank,
      invalid: figures.invalid,
      invalidBy: { ...(figures.invalidBy ?? {}) },
      late: paper.late.get(channel) ?? 0,
    });
  }
  const online: ChannelFigures = {
    channel: 'online',
    issued: eligible - paper.offlineMembers,
    returned: rest.cast,
    valid: rest.valid,
    blank: rest.blank,
    invalid: rest.invalid,
    invalidBy: Object.fromEntries(Object.entries(restBy).filter(([, n]) => n > 0)),
    late: 0,
  };
  return [online, ...out];
}

/**
 * C2: ballots returned must not exceed those issued. Where the rules say so the round is void and held
 * again; elsewhere the excess is flagged in the result for the announcement and the report.
 */
export function reconcile(
  preset: Preset | undefined,
  result: CountResult,
  channels: readonly ChannelFigures[],
): CountResult {
  const over = channels.find((c) => c.channel !== 'online' && c.returned > c.issued);
  if (!over) return result;
  const params = { channel: over.channel, returned: over.returned, issued: over.issued };
  if (preset?.reconciliation) {
    return {
      ...result,
      winners: [],
      furtherRound: { kind: 'revote', candidates: result.candidates.map((_, i) => i), seats: result.seats },
      rulings: [
        ...(result.rulings ?? []),
        { key: 'ruling.reconciliation_void', params: { ...params, rule: preset.reconciliation } },
      ],
    };
  }
  return {
    ...result,
    rulings: [...(result.rulings ?? []), { key: 'ruling.reconciliation_flag', params }],
  };
}
