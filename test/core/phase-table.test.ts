// ARCHITECTURE §1: the phase machine is one table. Each moving command takes its phases and access
// from its row, the machine's edges are exactly the table's, and no command moves an election by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/core/app/registry.js';
import { PHASE_MOVES } from '../../src/core/elections/election.phases.js';
import { canMove } from '../../src/core/elections/election.rules.js';
import { STEP_COMMAND } from '../../src/core/elections/timetable.js';
import { STEPS } from '../../src/core/elections/timetable.types.js';
import type { Phase } from '../../src/core/shared/election.types.js';

const PHASES: Phase[] = [
  'draft',
  'nominating',
  'reviewing',
  'published',
  'voting',
  'closed',
  'counted',
  'announced',
  'certified',
  'archived',
  'cancelled',
];

// The machine as it was written out by hand before the table existed, plus (issue 12) a further round
// opening voting again after a count, and nominations re-opening for seats RON won: the table must not
// change it otherwise.
const HAND_WRITTEN: Record<Phase, Phase[]> = {
  draft: ['nominating', 'cancelled'],
  nominating: ['reviewing', 'cancelled'],
  reviewing: ['published', 'cancelled'],
  published: ['voting', 'cancelled'],
  voting: ['closed', 'cancelled'],
  closed: ['counted', 'cancelled'],
  counted: ['nominating', 'voting', 'announced', 'cancelled'],
  announced: ['nominating', 'voting', 'certified', 'cancelled'],
  certified: ['archived'],
  archived: [],
  cancelled: [],
};

describe('the phase table', () => {
  it('gives the same phase machine as the hand-written one, edge for edge', () => {
    for (const from of PHASES) expect(PHASES.filter((to) => canMove(from, to))).toEqual(HAND_WRITTEN[from]);
  });

  it('is what every moving command declares: its phases and who may run it come from its row', () => {
    for (const row of PHASE_MOVES) {
      const spec = COMMAND_SPECS.find((s) => s.id === row.command);
      expect(spec, row.command).toBeDefined();
      expect(spec!.phases).toEqual(row.from);
      expect(spec!.access).toBe(row.access);
    }
  });

  it('has one row per command and one way into each phase, but that a further round opens it again', () => {
    const commands = PHASE_MOVES.map((m) => m.command);
    expect(new Set(commands).size).toBe(commands.length);
    const again = ['result.round.open', 'result.nominations.reopen'];
    const targets = PHASE_MOVES.filter((m) => !again.includes(m.command)).map((m) => m.to);
    expect(new Set(targets).size).toBe(targets.length);
    expect(PHASE_MOVES.filter((m) => m.to === 'voting').map((m) => m.command)).toEqual([
      'voting.open',
      'result.round.open',
    ]);
    expect(PHASE_MOVES.filter((m) => m.to === 'nominating').map((m) => m.command)).toEqual([
      'nominations.open',
      'result.nominations.reopen',
    ]);
  });

  it("is the only way an election moves: outside election.move.ts no code writes a phase but the new election's draft", () => {
    const core = resolve(import.meta.dirname, '../../src/core');
    const offenders = readdirSync(core, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('election.move.ts'))
      .filter((f) => /\bphase:\s*(to\b|next\b|'(?!draft')[a-z]+')/.test(readFileSync(join(core, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

describe('the timetable reads the phase table', () => {
  it('plans each move by its row’s step, in the order of the phases, and each step runs a registered command', () => {
    const planned = PHASE_MOVES.filter((m) => m.step);
    expect(planned.map((m) => `${m.step} ${m.command}`)).toEqual([
      'nominations-open nominations.open',
      'nominations-close nominations.close',
      'candidates-publish nominations.publish',
      'voting-open voting.open',
      'voting-close voting.close',
      'certify result.certify',
    ]);
    for (const step of STEPS) {
      expect(
        COMMAND_SPECS.some((s) => s.id === STEP_COMMAND[step]),
        step,
      ).toBe(true);
      if (PHASE_MOVES.some((m) => m.command === STEP_COMMAND[step]))
        expect(PHASE_MOVES.find((m) => m.command === STEP_COMMAND[step])?.step).toBe(step);
    }
    // a member may cut a planned move short only with a reason: every planned move takes one
    for (const m of planned)
      expect(COMMAND_SPECS.find((s) => s.id === m.command)?.args.map((a) => a.name)).toContain('override');
  });
});
