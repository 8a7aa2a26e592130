// Schulze over 1,000,000 ranked ballots and 20 candidates (target: under 2 s, peak memory under
// 512 MB). Ballots come from a generator, the way a store would stream them, so the figure includes
// building every ballot object. Baselines in the same run: merely producing the ballots, and a
// naive count that fills the pairwise matrix ballot by ballot with no grouping.
import { tally, type RankingBallot } from '../src/counting/index.js';
import { strongestPaths } from '../src/counting/condorcet/schulze.js';

const BALLOTS = 1_000_000;
const CANDIDATES = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Small deterministic generator so every run counts the same election. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Voters share a noisy sense of each candidate's appeal and rank between 3 and 20 of them; a few
 * front-runners make many short ballots identical, as in real elections, while long ballots are
 * nearly all different.
 */
function makeElection(short = false): { ranks: Int8Array; lengths: Int8Array } {
  const rnd = random(short ? 7 : 2026);
  const appeal = Array.from({ length: CANDIDATES }, (_, c) => CANDIDATES - c + rnd() * 4);
  const ranks = new Int8Array(BALLOTS * CANDIDATES);
  const lengths = new Int8Array(BALLOTS);
  const order = Array.from({ length: CANDIDATES }, (_, c) => c);
  const key = new Float64Array(CANDIDATES);
  for (let b = 0; b < BALLOTS; b++) {
    for (let c = 0; c < CANDIDATES; c++) key[c] = appeal[c] + (rnd() - 0.5) * (short ? 6 : 12);
    order.sort((x, y) => key[y] - key[x]);
    // the short election: 1 to 3 preferences, nearly always among the front-runners
    const length = short ? 1 + Math.floor(rnd() * 3) : 3 + Math.floor(rnd() * rnd() * (CANDIDATES - 2));
    lengths[b] = length;
    for (let i = 0; i < length; i++) ranks[b * CANDIDATES + i] = order[i];
  }
  return { ranks, lengths };
}

function* ballotsOf(election: { ranks: Int8Array; lengths: Int8Array }): Generator<RankingBallot> {
  for (let b = 0; b < BALLOTS; b++) {
    const start = b * CANDIDATES;
    const ranks = new Array<number>(election.lengths[b]);
    for (let i = 0; i < ranks.length; i++) ranks[i] = election.ranks[start + i];
    yield { kind: 'ranking', ranks };
  }
}

/** The naive count: a position table per ballot and every pair compared, no grouping. */
function naiveSchulze(ballots: Iterable<RankingBallot>): number[] {
  const n = CANDIDATES;
  const d = new Float64Array(n * n);
  const pos = new Int32Array(n);
  for (const ballot of ballots) {
    pos.fill(n);
    ballot.ranks.forEach((c, i) => (pos[c as number] = i));
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (pos[a] < pos[b]) d[a * n + b] += 1;
  }
  const all = Array.from({ length: n }, (_, c) => c);
  const p = strongestPaths(d, n, all, 'winning');
  return all.filter((a) => all.every((b) => a === b || p[a * n + b] >= p[b * n + a]));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

async function scenario(label: string, election: { ranks: Int8Array; lengths: Int8Array }): Promise<void> {
  const candidates = Array.from({ length: CANDIDATES }, (_, c) => ({ name: `C${c + 1}` }));
  const produce: number[] = [];
  const naive: number[] = [];
  const schulze: number[] = [];
  let winners = '';
  let naiveWinners = '';
  for (let r = 0; r < RUNS; r++) {
    produce.push(
      time(() => {
        let k = 0;
        for (const b of ballotsOf(election)) k += b.ranks.length;
        return k;
      }),
    );
    naive.push(
      time(
        () =>
          (naiveWinners = naiveSchulze(ballotsOf(election))
            .map((c) => `C${c + 1}`)
            .join(' ')),
      ),
    );
    schulze.push(
      time(() => {
        const result = tally({
          method: 'schulze',
          seats: 1,
          candidates,
          ballots: ballotsOf(election),
          options: { unranked: 'implicit-last' },
        });
        winners = result.ranking![0].map((c) => result.candidates[c]).join(' ');
      }),
    );
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(
    `Schulze (winning), ${BALLOTS.toLocaleString('en')} ballots, ${CANDIDATES} candidates, ${label}; median of ${RUNS} runs`,
  );
  console.log(`  producing the ballots only:     ${ms(median(produce))}`);
  console.log(`  naive per-ballot matrix:        ${ms(median(naive))}   (winner ${naiveWinners})`);
  console.log(
    `  tally() schulze:                ${ms(median(schulze))}   (winner ${winners}; target < 2000 ms)`,
  );
  console.log(`  ratio tally / naive:            ${(median(schulze) / median(naive)).toFixed(2)}`);
}

export async function run(): Promise<void> {
  await scenario('3 to 20 preferences each (nearly all different)', makeElection());
  await scenario('1 to 3 preferences each (rankings repeat: grouped)', makeElection(true));
  console.log(
    `  peak memory (max RSS, whole process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (target < 512 MB)`,
  );
}
