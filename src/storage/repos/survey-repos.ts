// The feedback survey (issue 14): the open survey's salt, its sealed answers, the opened answers and
// who answered, four tables that share no id and no time. Answers of either kind are listed in the
// order of their random ids; respondents are only ever counted or looked up.
import type { SurveyRepo } from '../../core/reports/survey.ports.js';
import { all, first, prepare, rowParams, run } from '../prepared.js';
import { type RepoContext, byBytes, toCount } from './context.js';

/** rows per INSERT when the close writes every answer at once (parameters stay well under the limits) */
const ANSWER_BATCH = 200;

const q = {
  secret: prepare((db, p) =>
    db.selectFrom('survey_secrets').select(['salt', 'key_check']).where('election_id', '=', p('electionId')),
  ),
  putSecret: prepare((db, p) =>
    db.insertInto('survey_secrets').values(rowParams(p, ['election_id', 'salt', 'key_check'] as const)),
  ),
  deleteSecret: prepare((db, p) =>
    db.deleteFrom('survey_secrets').where('election_id', '=', p('electionId')),
  ),
  addSealed: prepare((db, p) =>
    db.insertInto('survey_sealed').values(rowParams(p, ['id', 'election_id', 'sealed'] as const)),
  ),
  sealed: prepare((db, p, dialect) =>
    db
      .selectFrom('survey_sealed')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'id')),
  ),
  deleteSealed: prepare((db, p) => db.deleteFrom('survey_sealed').where('election_id', '=', p('electionId'))),
  answers: prepare((db, p, dialect) =>
    db
      .selectFrom('survey_answers')
      .selectAll()
      .where('election_id', '=', p('electionId'))
      .orderBy(byBytes(dialect, 'id')),
  ),
  addRespondent: prepare((db, p) =>
    db.insertInto('survey_respondents').values(rowParams(p, ['election_id', 'member_id'] as const)),
  ),
  hasResponded: prepare((db, p) =>
    db
      .selectFrom('survey_respondents')
      .select('member_id')
      .where('election_id', '=', p('electionId'))
      .where('member_id', '=', p('memberId')),
  ),
  respondents: prepare((db, p) =>
    db
      .selectFrom('survey_respondents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('election_id', '=', p('electionId')),
  ),
};

export function surveyRepo(ctx: RepoContext): SurveyRepo {
  return {
    async secret(electionId) {
      const row = await first(ctx, q.secret, { electionId });
      return row ? { salt: row.salt, keyCheck: row.key_check } : undefined;
    },
    async putSecret(electionId, secret) {
      await run(ctx, q.putSecret, { election_id: electionId, salt: secret.salt, key_check: secret.keyCheck });
    },
    async deleteSecret(electionId) {
      await run(ctx, q.deleteSecret, { electionId });
    },
    async addSealed(a) {
      await run(ctx, q.addSealed, { id: a.id, election_id: a.electionId, sealed: a.sealed });
    },
    async sealed(electionId) {
      return (await all(ctx, q.sealed, { electionId })).map((r) => ({
        id: r.id,
        electionId: r.election_id,
        sealed: r.sealed,
      }));
    },
    async deleteSealed(electionId) {
      await run(ctx, q.deleteSealed, { electionId });
    },
    async addAnswers(answers) {
      const rows = answers.map((a) => ({
        id: a.id,
        election_id: a.electionId,
        satisfaction: a.satisfaction,
        ease: a.ease,
        comment: a.comment,
      }));
      for (let i = 0; i < rows.length; i += ANSWER_BATCH)
        await ctx.db
          .insertInto('survey_answers')
          .values(rows.slice(i, i + ANSWER_BATCH))
          .execute();
    },
    async answers(electionId) {
      return (await all(ctx, q.answers, { electionId })).map((r) => ({
        id: r.id,
        electionId: r.election_id,
        satisfaction: Number(r.satisfaction),
        ease: Number(r.ease),
        comment: r.comment,
      }));
    },
    async addRespondent(electionId, memberId) {
      await run(ctx, q.addRespondent, { election_id: electionId, member_id: memberId });
    },
    async hasResponded(electionId, memberId) {
      return (await first(ctx, q.hasResponded, { electionId, memberId })) !== undefined;
    },
    async respondents(electionId) {
      return toCount((await first(ctx, q.respondents, { electionId }))?.n);
    },
  };
}
