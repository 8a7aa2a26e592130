// IRV on 1,000,000 ballots and 15 candidates (target: under 1 s, peak memory under 512 MB), with the
// same election counted in the same run by an independent tabulator from the npm registry, `votes`
// (lzear/votes, class InstantRunoff). It is not a dependency of Teller: when it is not installed the
// baseline line says so and the Teller figures still print.
import { loadavg } from 'node:os';
import { countIrv } from '../src/counting/irv.js';
import { seededLot } from '../src/counting/ties.js';
import type { CountResult, RankingBallot, TallyInput } from '../src/counting/types.js';

const BALLOTS = 1_000_000;
const CANDIDATES = 15;
const RUNS = 5;
const BASELINE = 'votes';

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median wall time, and median CPU time of this process (it tells apart a slow count from a busy
 * machine), after one warm-up run that is not counted (it pays for compiling the code).
 */
function time<T>(runs: number, f: () => T): { ms: number; cpuMs: number; all: number[]; last: T } {
  const all: number[] = [];
  const cpu: number[] = [];
  let last: T = f();
  for (let i = 0; i < runs; i++) {
    const u = process.cpuUsage();
    const t = performance.now();
    last = f();
    all.push(performance.now() - t);
    const used = process.cpuUsage(u);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(all), cpuMs: median(cpu), all, last };
}

/**
 * A million ballots with uneven support (a few strong candidates, a long tail) and 1 to 15 preferences,
 * kept as a contest keeps them: identical rankings grouped into one ballot whose weight is their number.
 */
function makeGroupedBallots(): RankingBallot[] {
  const lot = seededLot('teller-irv-bench');
  const support = Array.from({ length: CANDIDATES }, (_, c) => 1 / (c + 1) ** 0.9);
  const lengths = [1, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 15];
  const groups = new Map<string, { kind: 'ranking'; weight: number; ranks: number[] }>();
  const left = new Array<number>(CANDIDATES);
  for (let b = 0; b < BALLOTS; b++) {
    const length = lengths[Math.floor(lot.next() * lengths.length)];
    for (let c = 0; c < CANDIDATES; c++) left[c] = support[c];
    let total = left.reduce((x, y) => x + y, 0);
    const ranks: number[] = [];
    for (let r = 0; r < length; r++) {
      let x = lot.next() * total;
      let c = 0;
      while (c < CANDIDATES - 1 && (left[c] === 0 || x >= left[c])) {
        x -= left[c];
        c++;
      }
      while (left[c] === 0) c--; // float leftovers at the end of the scan
      ranks.push(c);
      total -= left[c];
      left[c] = 0;
    }
    const key = ranks.join(',');
    const g = groups.get(key);
    if (g) g.weight++;
    else groups.set(key, { kind: 'ranking', weight: 1, ranks });
  }
  return [...groups.values()];
}

/** The same million ballots one by one, made as the count reads them and never held together. */
function* oneByOne(grouped: readonly RankingBallot[]): Generator<RankingBallot> {
  for (const g of grouped) {
    for (let i = 0; i < (g.weight ?? 1); i++) yield { kind: 'ranking', ranks: g.ranks };
  }
}

const input = (ballots: Iterable<RankingBallot>): TallyInput => ({
  method: 'irv',
  seats: 1,
  candidates: Array.from({ length: CANDIDATES }, (_, c) => ({ name: `C${String(c + 1).padStart(2, '0')}` })),
  ballots,
  options: { tieBreak: 'lot', seed: 'bench' },
});

interface VotesModule {
  InstantRunoff: new (o: {
    candidates: string[];
    ballots: { ranking: string[][]; weight: number }[];
  }) => {
    ranking(): string[][];
  };
}

async function baseline(
  grouped: RankingBallot[],
  names: string[],
  teller: CountResult,
  tellerMs: number,
): Promise<void> {
  let mod: VotesModule;
  try {
    mod = (await import(BASELINE)) as VotesModule;
  } catch {
    console.log(
      `baseline package ${BASELINE} not installed (npm install --no-save ${BASELINE}@3 to compare)`,
    );
    return;
  }
  const ballots = grouped.map((b) => ({
    ranking: b.ranks.map((c) => [names[c as number]]),
    weight: b.weight ?? 1,
  }));
  const run = time(3, () => new mod.InstantRunoff({ candidates: names, ballots }).ranking());
  const same = run.last[0]?.length === 1 && run.last[0][0] === names[teller.winners[0]];
  console.log(
    `baseline ${BASELINE} InstantRunoff, same grouped ballots: median ${run.ms.toFixed(0)} ms of 3 runs (CPU ${run.cpuMs.toFixed(0)} ms); winner ${run.last[0]?.join('=')} (${same ? 'agrees' : 'DIFFERS'})`,
  );
  console.log(`ratio ${BASELINE} / teller (grouped input): ${(run.ms / tellerMs).toFixed(1)}x`);
}

export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on this machine while measuring`,
  );
  const t0 = performance.now();
  const grouped = makeGroupedBallots();
  console.log(
    `generated ${BALLOTS.toLocaleString('en')} ballots, ${CANDIDATES} candidates, ${grouped.length.toLocaleString('en')} distinct rankings, in ${(performance.now() - t0).toFixed(0)} ms; peak RSS so far ${mb(peakRss())}`,
  );

  const packed = time(RUNS, () => countIrv(input(grouped)));
  const last = packed.last;
  console.log(
    `teller irv, 1,000,000 ballots (grouped): median ${packed.ms.toFixed(0)} ms of ${RUNS} after a warm-up (${packed.all.map((x) => x.toFixed(0)).join(', ')}; CPU ${packed.cpuMs.toFixed(0)} ms); ${last.rounds.length} rounds, winner ${last.candidates[last.winners[0]]}; peak RSS ${mb(peakRss())} (targets: < 1000 ms, < 512 MB)`,
  );

  const flat = time(3, () => countIrv(input(oneByOne(grouped))));
  const agree =
    JSON.stringify(flat.last.rounds.map((r) => r.counts)) ===
    JSON.stringify(last.rounds.map((r) => r.counts));
  console.log(
    `teller irv, the same 1,000,000 ballots read one by one: median ${flat.ms.toFixed(0)} ms of 3 (CPU ${flat.cpuMs.toFixed(0)} ms, including making the ballot objects); round counts ${agree ? 'identical' : 'DIFFER'}; peak RSS ${mb(peakRss())}`,
  );
  await baseline(
    grouped,
    input(grouped).candidates.map((c) => c.name),
    last,
    packed.ms,
  );
}
