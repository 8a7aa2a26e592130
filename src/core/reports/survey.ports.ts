// Implemented by src/storage over Kysely; core tests use test/fakes/memory-survey.ts.
import type { SealedAnswer, SurveyAnswer, SurveySecret } from './survey.types.js';

export interface SurveyRepo {
  /** the open survey's salt; undefined before it opens and after it closes */
  secret(electionId: string): Promise<SurveySecret | undefined>;
  putSecret(electionId: string, secret: SurveySecret): Promise<void>;
  deleteSecret(electionId: string): Promise<void>;
  addSealed(answer: SealedAnswer): Promise<void>;
  /** in random-id order */
  sealed(electionId: string): Promise<SealedAnswer[]>;
  deleteSealed(electionId: string): Promise<void>;
  /** the opened answers, written once at the close in the (shuffled) order given */
  addAnswers(answers: readonly SurveyAnswer[]): Promise<void>;
  /** in random-id order */
  answers(electionId: string): Promise<SurveyAnswer[]>;
  /** fails (a unique key) when the member already answered */
  addRespondent(electionId: string, memberId: string): Promise<void>;
  hasResponded(electionId: string, memberId: string): Promise<boolean>;
  respondents(electionId: string): Promise<number>;
}

// This module's repositories join the one transaction every command runs in (kit/store.ts).
declare module '../kit/store.js' {
  interface Tx {
    surveys: SurveyRepo;
  }
}
