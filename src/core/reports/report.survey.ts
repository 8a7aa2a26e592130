// The survey's results as the report gives them: answers per score, the median of each question, the
// comments. Pure. Withheld while fewer than SURVEY_MIN_SHOWN answered: with one or two answers, whoever
// knows who answered (those two members themselves, a neighbour) could tell whose answer is whose.
import type { ScoreFacts, SurveyFacts } from './report.types.js';
import type { SurveyStatus } from './survey.service.js';
import type { SurveyAnswer } from './survey.types.js';

export const SURVEY_MIN_SHOWN = 3;

/** The middle score; with an even number of answers, halfway between the two middle ones. */
export function median(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const s = [...scores].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export function scoreFacts(answers: readonly SurveyAnswer[], of: 'satisfaction' | 'ease'): ScoreFacts {
  const counts: ScoreFacts['counts'] = [0, 0, 0, 0, 0];
  for (const a of answers) if (a[of] >= 1 && a[of] <= 5) counts[a[of] - 1]++;
  return { counts, median: median(answers.map((a) => a[of])) };
}

export function surveyFacts(s: SurveyStatus): SurveyFacts {
  const shown = s.state === 'closed' && s.answers.length >= SURVEY_MIN_SHOWN;
  return {
    state: s.state,
    invited: s.invited,
    answered: s.answered,
    shown,
    satisfaction: shown ? scoreFacts(s.answers, 'satisfaction') : null,
    ease: shown ? scoreFacts(s.answers, 'ease') : null,
    // sorted, so their order says nothing of when each came
    comments: shown
      ? s.answers
          .map((a) => a.comment?.trim() ?? '')
          .filter(Boolean)
          .sort((a, b) => a.localeCompare(b))
      : [],
  };
}
