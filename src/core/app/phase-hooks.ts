// What a later module does when an election enters a phase that an earlier module moved it into: the
// results module announces and certifies, and may not reach up into the reports module (the floors of
// src/core). Dispatch calls this in the moving command's own transaction, after its handler, so what
// happens here commits (or rolls back) with the move itself.
import type { ElectionContext } from '../kit/context.js';
import { ok, type Result } from '../shared/result.js';
import { closeSurvey, openSurvey } from '../reports/survey.service.js';

export async function onPhaseEntered(ctx: ElectionContext): Promise<Result<void>> {
  switch (ctx.election.phase) {
    case 'announced':
      // the feedback survey, where the election asks for it, goes to those who took part
      await openSurvey(ctx);
      return ok(undefined);
    case 'certified':
    case 'cancelled':
      // the result is final (or there is none): the survey's answers are opened and sealed apart
      return closeSurvey(ctx);
    default:
      return ok(undefined);
  }
}
