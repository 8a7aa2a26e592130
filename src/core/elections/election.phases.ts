// The phase table (ARCHITECTURE §1): every command that moves an election on, from which phases, to
// which, who may run it, and the channel post it makes. Pure data. The phase machine (canMove), each
// moving command's phases and access (defineMove), dispatch's phase check and help's list of what a
// phase allows all read it, so a new phase or a scheduled move is one row here, not five edits. A row's
// `step` is the timetable step that plans it: the clock runs the row's command at the step's time.

import type { Access } from '../kit/command.types.js';
import type { Phase } from '../shared/election.types.js';
import type { Step } from './timetable.types.js';

export interface PhaseMove {
  /** the command id that makes the move */
  command: string;
  from: readonly Phase[];
  to: Phase;
  access: Access;
  /** the dedupe key of the channel notice the move posts, when it posts one */
  notice?: string;
  /** the timetable step that plans this move, when it can be planned (`/election schedule`) */
  step?: Step;
}

/** Every phase up to certification: an election may be cancelled from any of them. */
export const BEFORE_CERTIFIED: readonly Phase[] = [
  'draft',
  'nominating',
  'reviewing',
  'published',
  'voting',
  'closed',
  'counted',
  'announced',
];

export const PHASE_MOVES: readonly PhaseMove[] = [
  {
    command: 'nominations.open',
    from: ['draft'],
    to: 'nominating',
    access: 'organiser',
    notice: 'nominations-open',
    step: 'nominations-open',
  },
  {
    command: 'nominations.close',
    from: ['nominating'],
    to: 'reviewing',
    access: 'organiser',
    notice: 'nominations-closed',
    step: 'nominations-close',
  },
  {
    command: 'nominations.publish',
    from: ['reviewing'],
    to: 'published',
    access: 'organiser',
    notice: 'candidates-published',
    step: 'candidates-publish',
  },
  {
    command: 'voting.open',
    from: ['published'],
    to: 'voting',
    access: 'organiser',
    notice: 'voting-open',
    step: 'voting-open',
  },
  {
    command: 'voting.close',
    from: ['voting'],
    to: 'closed',
    access: 'organiser',
    notice: 'voting-closed',
    step: 'voting-close',
  },
  { command: 'result.count.run', from: ['closed'], to: 'counted', access: 'organiser-or-scrutineer' },
  { command: 'result.announce', from: ['counted'], to: 'announced', access: 'organiser', notice: 'results' },
  // a further round the count called for (run-off, re-vote, unfilled seats): voting opens again; its
  // notice is the round's own, keyed by round, so it posts it itself
  { command: 'result.round.open', from: ['counted', 'announced'], to: 'voting', access: 'organiser' },
  // uk-su: a seat RON won opens for nominations again, as a round of its own
  {
    command: 'result.nominations.reopen',
    from: ['counted', 'announced'],
    to: 'nominating',
    access: 'organiser',
  },
  {
    command: 'result.certify',
    from: ['announced'],
    to: 'certified',
    access: 'organiser',
    notice: 'certified',
    step: 'certify',
  },
  {
    command: 'election.cancel',
    from: BEFORE_CERTIFIED,
    to: 'cancelled',
    access: 'organiser',
    notice: 'cancelled',
  },
  { command: 'archive.run', from: ['certified'], to: 'archived', access: 'organiser' },
];

/** The row of a moving command; a command that claims to move the election must have one. */
export function phaseMove(command: string): PhaseMove {
  const row = PHASE_MOVES.find((m) => m.command === command);
  if (!row) throw new Error(`${command} is not in the phase table (election.phases.ts)`);
  return row;
}
