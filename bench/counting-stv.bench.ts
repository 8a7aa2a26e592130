// Scottish STV and Meek STV on 100,000 ballots, 30 candidates, 7 seats (targets: < 1 s and < 5 s,
// peak memory < 512 MB). Baseline in the same run: merely reading every rank of every ballot, which
// any count has to do, so the ratio shows what the counting itself costs. Both wall
// and CPU time are printed: on a shared machine CPU time is the steadier figure.
import { countMeekStv } from '../src/counting/stv/meek.js';
import { prepareBallots } from '../src/counting/stv/prepare.js';
import { countScottishStv } from '../src/counting/stv/scottish.js';
import { seededLot } from '../src/counting/ties.js';
import type { CandidateInput, RankingBallot, TallyInput } from '../src/counting/types.js';

const BALLOTS = 100_000;
const CANDIDATES = 30;
const SEATS = 7;

/** Voters who favour a party (five parties of six) and mostly rank its candidates first, as real STV ballots do. */
export function makeElection(): TallyInput {
  const lot = seededLot('bench-stv');
  const candidates: CandidateInput[] = Array.from({ length: CANDIDATES }, (_, i) => ({
    name: `Candidate ${i + 1}`,
  }));
  const appeal = candidates.map((_, i) => 1 / (1 + (i % 6)) + lot.next());
  const ballots: RankingBallot[] = [];
  for (let b = 0; b < BALLOTS; b++) {
    const party = Math.floor(lot.next() ** 1.5 * 5);
    const length = 1 + Math.floor(lot.next() * 8);
    const chosen = new Set<number>();
    const ranks: number[] = [];
    while (ranks.length < length) {
      const inParty = lot.next() < 0.7;
      const pool = inParty ? party * 6 : 0;
      const size = inParty ? 6 : CANDIDATES;
      // weighted pick by appeal within the pool
      let total = 0;
      for (let c = pool; c < pool + size; c++) if (!chosen.has(c)) total += appeal[c];
      if (total === 0) break;
      let x = lot.next() * total;
      let pick = -1;
      for (let c = pool; c < pool + size; c++) {
        if (chosen.has(c)) continue;
        pick = c;
        x -= appeal[c];
        if (x <= 0) break;
      }
      chosen.add(pick);
      ranks.push(pick);
    }
    ballots.push({ kind: 'ranking', ranks });
  }
  return { method: 'stv-scottish', seats: SEATS, candidates, ballots };
}

/** The least any count must do: read every rank of every ballot. */
function readAll(input: TallyInput): number {
  let marks = 0;
  for (const b of input.ballots)
    if (b.kind === 'ranking') for (const r of b.ranks) marks += typeof r === 'number' ? 1 : r.length;
  return marks;
}

let peakRss = 0;

interface Sample {
  wall: number;
  cpu: number;
}

/** Wall and CPU time of one run; CPU time is steadier when other work shares the machine. */
function time<T>(f: () => T): [Sample, T] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return [{ wall, cpu: (c.user + c.system) / 1000 }, out];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function measure<T>(runs: number, f: () => T): { wall: number; cpu: number; last: T } {
  const samples: Sample[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const [sample, out] = time(f);
    samples.push(sample);
    last = out;
  }
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), last };
}

const fmt = (m: { wall: number; cpu: number }) =>
  `median ${m.wall.toFixed(0)} ms wall, ${m.cpu.toFixed(0)} ms CPU`;

export async function run(): Promise<void> {
  const input = makeElection();
  const groups = prepareBallots(input, 100_000, 'overvote').papers.length;
  console.log(
    `${BALLOTS.toLocaleString('en')} ballots, ${CANDIDATES} candidates, ${SEATS} seats; ${groups.toLocaleString('en')} distinct rankings`,
  );

  const base = measure(7, () => readAll(input));
  console.log(`baseline, reading every rank of every ballot: ${fmt(base)}`);
  const prep = measure(7, () => prepareBallots(input, 100_000, 'overvote'));
  console.log(`checking and grouping the ballots (part of every count below): ${fmt(prep)}`);

  const scot = measure(7, () => countScottishStv({ ...input, method: 'stv-scottish' }));
  console.log(
    `Scottish STV: ${fmt(scot)} (${(scot.cpu / base.cpu).toFixed(0)}× baseline CPU; target < 1000 ms) — ` +
      `${scot.last.rounds.length} stages, elected ${scot.last.winners.map((w) => w + 1).join(' ')}`,
  );

  const meek = measure(5, () => countMeekStv({ ...input, method: 'stv-meek' }));
  const iterations = meek.last.rounds.reduce(
    (s, r) => s + Number(r.explanation[0]?.params?.iterations ?? 0),
    0,
  );
  console.log(
    `Meek STV (9 places, omega 10^-6): ${fmt(meek)} (${(meek.cpu / base.cpu).toFixed(0)}× baseline CPU; target < 5000 ms) — ` +
      `${meek.last.rounds.length} rounds, ${iterations} iterations, elected ${meek.last.winners.map((w) => w + 1).join(' ')}`,
  );

  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `peak memory (max RSS of the process, ballots included): ${(Math.max(peakRss, maxRss) / 2 ** 20).toFixed(0)} MB (target < 512 MB)`,
  );
}
