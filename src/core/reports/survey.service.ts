// The survey's life: opened at the announcement (members who took part are asked once each, by DM),
// answered while it is open (sealed, apart from who answered), closed at certification or a cancel
// (opened, shuffled, written under fresh ids; ciphertexts and salt deleted and purged). See
// survey.types.ts for what is kept where, and ARCHITECTURE §2 for why ballots are kept the same way.
import { randomBytes, randomInt } from 'node:crypto';
import type { ElectionContext } from '../kit/context.js';
import { openBallot, sealBallot } from '../ballots/ballot.crypto.js';
import { contentKey, electionKey, keyCheck, keyMatches } from '../ballots/ballot.keys.js';
import { shuffled } from '../ballots/ballot.rules.js';
import { planPurge } from '../elections/election.seal.js';
import { notifyMember } from '../notices/notice.service.js';
import { randomId } from '../shared/ids.js';
import type { Election } from '../shared/election.types.js';
import type { MessageBody } from '../shared/reply.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { SurveyAnswer, SurveyResponse, SurveySecret } from './survey.types.js';

/** The cipher's associated data names this instead of a contest: no answer can pass for a ballot. */
const SURVEY = 'survey';

/** The survey's key: its own salt (never the ballot box's), under the server secret. */
function surveyKey(serverSecret: string, secret: SurveySecret): Buffer | undefined {
  const key = electionKey(serverSecret, `survey:${secret.salt}`);
  return keyMatches(key, secret.keyCheck) ? contentKey(key) : undefined;
}

const closedEvent = 'survey.closed';

async function wasClosed(ctx: ElectionContext): Promise<boolean> {
  return (await ctx.tx.audit.list(ctx.election.id)).some((a) => a.event === closedEvent);
}

function invitation(t: (k: string, p?: Record<string, string | number>) => string, e: Election): MessageBody {
  return {
    title: t('survey.invite_title', { number: e.number, title: e.title }),
    text: t('survey.invite_text', { number: e.number }),
    actions: [
      { label: t('survey.answer_button'), command: 'report.survey', args: { election: String(e.number) } },
    ],
    tone: 'info',
  };
}

/**
 * At the announcement, where the election asks for it: open the survey (once) and ask every member
 * who took part, online, on paper or by mail. A later round's announcement asks only those not yet
 * asked: the DM's key is the member's, so nobody is asked twice.
 */
export async function openSurvey(ctx: ElectionContext): Promise<void> {
  const e = ctx.election;
  if (!e.settings.survey || (await wasClosed(ctx))) return;
  if (!(await ctx.tx.surveys.secret(e.id))) {
    const salt = randomBytes(32).toString('base64url');
    await ctx.tx.surveys.putSecret(e.id, {
      salt,
      keyCheck: keyCheck(electionKey(ctx.serverSecret, `survey:${salt}`)),
    });
    await ctx.audit('survey.opened');
  }
  const voters = await ctx.tx.participation.voters(e.id);
  await ctx.knowMembers(voters);
  let invited = 0;
  for (const m of voters)
    if (await notifyMember(ctx, m, `survey:${m}`, (t) => invitation(t, e), 'survey')) invited++;
  // how many were asked, never who: the outbox holds the DMs until they are sent
  if (invited > 0) await ctx.audit('survey.invited', { members: invited });
}

async function tookPart(ctx: ElectionContext, memberId: string): Promise<boolean> {
  for (const c of await ctx.tx.contests.list(ctx.election.id))
    if (await ctx.tx.participation.has(ctx.election.id, c.id, memberId)) return true;
  return false;
}

/** One answer of a member who took part: sealed under a random id; that they answered, kept apart. */
export async function answerSurvey(ctx: ElectionContext, response: SurveyResponse): Promise<Result<void>> {
  const e = ctx.election;
  const me = ctx.actor.memberId;
  const secret = await ctx.tx.surveys.secret(e.id);
  if (!secret)
    return fail((await wasClosed(ctx)) ? 'survey.closed' : 'survey.not_open', { number: e.number });
  if (!(await tookPart(ctx, me))) return fail('survey.not_participant', { number: e.number });
  if (await ctx.tx.surveys.hasResponded(e.id, me))
    return fail('survey.already_answered', { number: e.number });
  const key = surveyKey(ctx.serverSecret, secret);
  if (!key) {
    ctx.alert('this process has a different server secret from the one the survey was opened with', {
      election: e.number,
    });
    return fail('survey.key_mismatch');
  }
  const sealed = sealBallot(key, e.id, SURVEY, { weight: 1, content: JSON.stringify(response) });
  await ctx.tx.surveys.addSealed({ id: randomId(), electionId: e.id, sealed });
  await ctx.tx.surveys.addRespondent(e.id, me);
  return ok(undefined);
}

/**
 * At certification (or a cancel): open every answer, shuffle, write them under fresh random ids in one
 * go, delete the ciphertexts, the salt and the stored replies to platform retries (each answer's time),
 * and purge them from the database's files after the commit, with the seal's retry (planPurge).
 */
export async function closeSurvey(ctx: ElectionContext): Promise<Result<void>> {
  const e = ctx.election;
  const secret = await ctx.tx.surveys.secret(e.id);
  if (!secret) return ok(undefined);
  const key = surveyKey(ctx.serverSecret, secret);
  // the move waits: answers nobody could open again must not be deleted with the salt
  if (!key) return fail('survey.key_mismatch_close', { number: e.number });
  const answers: SurveyAnswer[] = (await ctx.tx.surveys.sealed(e.id)).map((s) => {
    const r = JSON.parse(openBallot(key, e.id, SURVEY, s.sealed).content) as SurveyResponse;
    return {
      id: randomId(),
      electionId: e.id,
      satisfaction: r.satisfaction,
      ease: r.ease,
      comment: r.comment,
    };
  });
  await ctx.tx.surveys.addAnswers(shuffled(answers, (n) => randomInt(n)));
  await ctx.tx.surveys.deleteSealed(e.id);
  await ctx.tx.surveys.deleteSecret(e.id);
  await ctx.tx.requests.deleteForElection(e.id);
  await ctx.audit(closedEvent, { answers: answers.length });
  await planPurge(ctx, { report: false });
  return ok(undefined);
}

export interface SurveyStatus {
  state: 'off' | 'open' | 'closed';
  invited: number;
  answered: number;
  answers: SurveyAnswer[];
}

/** Where the survey stands, from the audit chain, the respondents' count and (once closed) the answers. */
export async function surveyStatus(ctx: ElectionContext): Promise<SurveyStatus> {
  const e = ctx.election;
  const log = await ctx.tx.audit.list(e.id);
  const invited = log
    .filter((a) => a.event === 'survey.invited')
    .reduce((n, a) => n + Number(a.data.members ?? 0), 0);
  const closed = log.some((a) => a.event === closedEvent);
  const open = !closed && (await ctx.tx.surveys.secret(e.id)) !== undefined;
  const state = closed ? 'closed' : open ? 'open' : 'off';
  return {
    state,
    invited,
    answered: await ctx.tx.surveys.respondents(e.id),
    answers: closed ? await ctx.tx.surveys.answers(e.id) : [],
  };
}
