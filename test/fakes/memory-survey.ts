// The memory store's feedback survey (issue 14), with the SQL stores' keys and orders. Rows are kept in
// key order, as SQLite's WITHOUT ROWID tables keep them: the state itself must not record the order of
// the writes, or the anonymity test reading it would find a link the databases do not have.
import type { SurveyRepo } from '../../src/core/reports/survey.ports.js';
import type { SealedAnswer, SurveyAnswer, SurveySecret } from '../../src/core/reports/survey.types.js';

export interface SurveyState {
  surveySecrets: Record<string, SurveySecret>;
  surveySealed: SealedAnswer[];
  surveyAnswers: SurveyAnswer[];
  surveyRespondents: { electionId: string; memberId: string }[];
}

export const emptySurvey = (): SurveyState => ({
  surveySecrets: {},
  surveySealed: [],
  surveyAnswers: [],
  surveyRespondents: [],
});

const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const clone = <T>(v: T): T => structuredClone(v);

export function memorySurvey(
  s: () => SurveyState & { elections: { id: string }[] },
  refuse: (constraint: string) => never,
): SurveyRepo {
  const election = (id: string, table: string) => {
    if (!s().elections.some((e) => e.id === id)) refuse(`${table}_election_id_fkey`);
  };
  return {
    async secret(electionId) {
      return clone(s().surveySecrets[electionId]);
    },
    async putSecret(electionId, secret) {
      election(electionId, 'survey_secrets');
      if (s().surveySecrets[electionId]) refuse('survey_secrets primary key');
      s().surveySecrets[electionId] = clone(secret);
    },
    async deleteSecret(electionId) {
      delete s().surveySecrets[electionId];
    },
    async addSealed(a) {
      election(a.electionId, 'survey_sealed');
      if (s().surveySealed.some((x) => x.id === a.id)) refuse('survey_sealed primary key');
      s().surveySealed = [...s().surveySealed, clone(a)].sort((x, y) => bytes(x.id, y.id));
    },
    async sealed(electionId) {
      return clone(s().surveySealed.filter((x) => x.electionId === electionId));
    },
    async deleteSealed(electionId) {
      s().surveySealed = s().surveySealed.filter((x) => x.electionId !== electionId);
    },
    async addAnswers(answers) {
      for (const a of answers) {
        election(a.electionId, 'survey_answers');
        if (s().surveyAnswers.some((x) => x.id === a.id)) refuse('survey_answers primary key');
      }
      s().surveyAnswers = [...s().surveyAnswers, ...clone(answers)].sort((x, y) => bytes(x.id, y.id));
    },
    async answers(electionId) {
      return clone(s().surveyAnswers.filter((x) => x.electionId === electionId));
    },
    async addRespondent(electionId, memberId) {
      election(electionId, 'survey_respondents');
      if (s().surveyRespondents.some((x) => x.electionId === electionId && x.memberId === memberId))
        refuse('survey_respondents_pk');
      s().surveyRespondents = [...s().surveyRespondents, { electionId, memberId }].sort(
        (x, y) => bytes(x.electionId, y.electionId) || bytes(x.memberId, y.memberId),
      );
    },
    async hasResponded(electionId, memberId) {
      return s().surveyRespondents.some((x) => x.electionId === electionId && x.memberId === memberId);
    },
    async respondents(electionId) {
      return s().surveyRespondents.filter((x) => x.electionId === electionId).length;
    },
  };
}
