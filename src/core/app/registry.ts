// The one command registry: every command is listed here once. Slack, Discord and the console all
// dispatch through it, and Discord's deployed definitions are generated from the same list.

import * as audit from '../audit/audit.commands.js';
import * as ballots from '../ballots/ballot.commands.js';
import * as fanout from '../voting/fanout.commands.js';
import * as seal from '../ballots/seal.commands.js';
import * as elections from '../elections/election.commands.js';
import * as notices from '../notices/notice.commands.js';
import * as period from '../nominations/nomination-period.commands.js';
import * as nominations from '../nominations/nomination.commands.js';
import * as orgs from '../orgs/org.commands.js';
import * as results from '../results/result.commands.js';
import * as receipts from '../receipts/receipt.commands.js';
import * as roll from '../roll/roll.commands.js';
import * as voting from '../voting/voting.commands.js';
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
  roll.addToRoll,
  roll.removeFromRoll,
  roll.importRoll,
  roll.setEligibility,
  roll.showRoll,
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
  fanout.tellUnreached,
  voting.closeVoting,
  voting.sealAgain,
  seal.markSealed,
  notices.alertOrganisers,
  ballots.publishWeightedBallots,
  ballots.publishedBallots,
  results.runCount,
  results.confirmCount,
  results.announceResult,
  results.certifyResult,
  elections.cancelElection,
  elections.archiveElection,
  audit.showAudit,
  audit.verifyAuditCommand,
  orgs.setLanguage,
];

export const COMMANDS: readonly AnyCommand[] = [...domain, helpCommand(() => COMMAND_SPECS)];
export const COMMAND_SPECS: readonly CommandSpec[] = COMMANDS.map((c) => c.spec);
