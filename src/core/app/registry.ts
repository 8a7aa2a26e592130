// The one command registry: every command is listed here once. Slack, Discord and the console all
// dispatch through it, and Discord's deployed definitions are generated from the same list.

import * as audit from '../audit/audit.commands.js';
import * as ballots from '../ballots/ballot.commands.js';
import * as fanout from '../voting/fanout.commands.js';
import * as seal from '../ballots/seal.commands.js';
import * as elections from '../elections/election.commands.js';
import * as timetable from '../elections/timetable.commands.js';
import * as notices from '../notices/notice.commands.js';
import * as period from '../nominations/nomination-period.commands.js';
import * as nominations from '../nominations/nomination.commands.js';
import * as orgs from '../orgs/org.commands.js';
import * as results from '../results/result.commands.js';
import * as ties from '../results/tie.commands.js';
import * as rounds from '../results/round.commands.js';
import * as scrutiny from '../results/scrutiny.commands.js';
import * as archive from '../archive/archive.commands.js';
import * as exports from '../archive/export.commands.js';
import * as resultsShow from '../results/results-show.commands.js';
import * as receipts from '../receipts/receipt.commands.js';
import * as roll from '../roll/roll.commands.js';
import * as inspect from '../roll/inspect.commands.js';
import * as proxies from '../proxies/proxy.commands.js';
import * as voting from '../voting/voting.commands.js';
import * as attendance from '../voting/attendance.commands.js';
import * as paper from '../paper/paper.commands.js';
import * as batches from '../paper/batch.commands.js';
import * as objections from '../objections/objection.commands.js';
import * as investigation from '../objections/investigation.commands.js';
import * as appeals from '../objections/appeal.commands.js';
import * as reports from '../reports/report.commands.js';
import type { CommandSpec } from '../kit/command.types.js';
import type { AnyCommand } from '../kit/define.js';
import { helpCommand } from '../help/help.commands.js';

const domain: AnyCommand[] = [
  elections.createElection,
  elections.showElection,
  elections.listElections,
  elections.configureElection,
  elections.addContest,
  elections.addOrganiser,
  elections.addScrutineer,
  timetable.scheduleElection,
  timetable.showElectionTimeline,
  roll.addToRoll,
  roll.removeFromRoll,
  roll.importRoll,
  roll.setEligibility,
  roll.showRoll,
  paper.markChannel,
  roll.closeRollObjections,
  inspect.inspectRoll,
  proxies.appointProxy,
  proxies.approveProxy,
  proxies.rejectProxy,
  proxies.listProxies,
  period.openNominations,
  nominations.nominate,
  nominations.second,
  nominations.accept,
  nominations.decline,
  nominations.listNominations,
  period.closeNominations,
  nominations.approve,
  nominations.reject,
  period.publishCandidates,
  voting.openVoting,
  ballots.getBallot,
  ballots.castBallot,
  receipts.checkReceipt,
  voting.remindVoters,
  attendance.recordAttendance,
  fanout.tellUnreached,
  voting.closeVoting,
  paper.issueBallots,
  paper.recordReturns,
  batches.enterBatch,
  batches.confirmBatch,
  batches.disputeBatch,
  batches.settleBatch,
  batches.listBatches,
  voting.sealAgain,
  seal.markSealed,
  notices.alertOrganisers,
  ballots.publishWeightedBallots,
  ballots.publishedBallots,
  results.runCount,
  ties.decideTie,
  rounds.openRound,
  rounds.reopenNominations,
  results.confirmCount,
  scrutiny.disputeCount,
  scrutiny.resolveDispute,
  scrutiny.recount,
  results.announceResult,
  resultsShow.showResults,
  objections.fileObjection,
  objections.listObjections,
  objections.showObjection,
  investigation.assignInvestigator,
  investigation.recordFindings,
  investigation.decideObjection,
  investigation.remindObjection,
  appeals.fileAppeal,
  appeals.decideAppeal,
  results.certifyResult,
  reports.showReport,
  reports.answerSurveyCommand,
  elections.cancelElection,
  archive.archiveElection,
  archive.requestRecords,
  archive.answerRecords,
  archive.purgeRecords,
  exports.exportRecords,
  audit.showAudit,
  audit.verifyAuditCommand,
  orgs.setLanguage,
  orgs.setTimeZone,
  orgs.setRetention,
  appeals.setAppealPanel,
];

/**
 * Refuse a registry in which two commands share an id or a shortcut name: dispatch, help and every
 * platform's slash commands would each quietly pick one of them. Thrown at module load, so a clash
 * stops Teller (and every test) from starting rather than answering with the wrong command.
 */
export function checkRegistry(commands: readonly { spec: CommandSpec }[]): void {
  const ids = new Set<string>();
  const aliases = new Map<string, string>();
  for (const { spec } of commands) {
    if (ids.has(spec.id)) throw new Error(`command registry: two commands have the id '${spec.id}'`);
    ids.add(spec.id);
    for (const alias of spec.aliases ?? []) {
      const other = aliases.get(alias);
      if (other !== undefined)
        throw new Error(`command registry: '${other}' and '${spec.id}' both have the alias '${alias}'`);
      aliases.set(alias, spec.id);
    }
  }
}

export const COMMANDS: readonly AnyCommand[] = [...domain, helpCommand(() => COMMAND_SPECS)];
export const COMMAND_SPECS: readonly CommandSpec[] = COMMANDS.map((c) => c.spec);
checkRegistry(COMMANDS);
