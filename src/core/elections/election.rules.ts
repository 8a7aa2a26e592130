// The phase machine (ARCHITECTURE §1). Pure: which phase may follow which, and which commands are open.

import type { CommandSpec } from '../kit/command.types.js';
import { BEFORE_CERTIFIED, PHASE_MOVES } from './election.phases.js';
import type { ElectionRoleName, Phase } from '../shared/election.types.js';

/** Whether some row of the phase table moves an election from `from` to `to`. */
export function canMove(from: Phase, to: Phase): boolean {
  return PHASE_MOVES.some((m) => m.to === to && m.from.includes(from));
}

/** Phases before voting opens, while the roll may still change. */
export const ROLL_OPEN: readonly Phase[] = ['draft', 'nominating', 'reviewing', 'published'];
export { BEFORE_CERTIFIED };

/** From the close on: the seal's own commands (purging again, marking it done) run in these. */
export const AFTER_CLOSE: readonly Phase[] = [
  'closed',
  'counted',
  'announced',
  'certified',
  'archived',
  'cancelled',
];

function roleAllows(access: CommandSpec['access'], roles: readonly ElectionRoleName[]): boolean {
  if (access === 'organiser') return roles.includes('organiser');
  if (access === 'scrutineer') return roles.includes('scrutineer');
  if (access === 'organiser-or-scrutineer')
    return roles.includes('organiser') || roles.includes('scrutineer');
  return true;
}

/** Commands about an election that these roles may run in this phase (for help and wrong-phase errors). */
export function allowedCommandIds(
  specs: readonly CommandSpec[],
  phase: Phase,
  roles: readonly ElectionRoleName[],
): string[] {
  return specs
    .filter(
      (s) =>
        s.listed &&
        s.args.some((a) => a.name === 'election') &&
        (!s.phases || s.phases.includes(phase)) &&
        roleAllows(s.access, roles),
    )
    .map((s) => s.id);
}
