/** What one `npm run bench` does; BENCH_QUICK=1 shortens every stage for a smoke test. */
export const STAGES = [
  'transitions-postgres',
  'transitions-sqlite',
  'timers',
  'scale',
  'memory',
] as const;
export type Stage = (typeof STAGES)[number];

export interface Settings {
  quick: boolean;
  stages: Set<Stage>;
  /** Measured seconds per throughput run, after the warm-up. */
  transitionSeconds: number;
  warmupSeconds: number;
  maxTransitionsPerRun: number;
  /** Distinct cases per path (limit, service, HTTP); each concurrent caller owns a slice. */
  casesPerPath: number;
  /** Deadlines due inside one window, and the window. */
  timerCount: number;
  timerWindowMs: number;
  /** Cases for the list and aggregate latencies. */
  scaleCases: number;
  listRuns: number;
  statsRuns: number;
  /** Open cases (each with a deadline and a reminder) for the memory figures. */
  memoryCases: number;
  memoryLoadSeconds: number;
  /** CPU profiles of the service and HTTP runs at concurrency 16, and of the timer worker. */
  profile: boolean;
  /** BENCH_TIMER_DRAINS: the timer worker's TIMER_DRAINS, to compare settings (default: the product's). */
  timerDrains: string | undefined;
  /** A cap on each stage, so a hung stage cannot hold the whole run. */
  stageCapMs: Record<Stage, number>;
}

const flag = (name: string) =>
  ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());

export function readSettings(): Settings {
  const quick = flag('BENCH_QUICK');
  const only = (process.env.BENCH_STAGES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of only) {
    if (!(STAGES as readonly string[]).includes(s)) {
      throw new Error(`BENCH_STAGES: unknown stage "${s}" (known: ${STAGES.join(', ')})`);
    }
  }
  const stages = new Set<Stage>(only.length > 0 ? (only as Stage[]) : STAGES);
  const minutes = (m: number) => m * 60_000;
  return {
    quick,
    stages,
    transitionSeconds: quick ? 3 : 6,
    warmupSeconds: quick ? 1 : 1.5,
    maxTransitionsPerRun: 200_000,
    casesPerPath: quick ? 256 : 512,
    timerCount: quick ? 2_000 : 10_000,
    timerWindowMs: 5_000,
    scaleCases: quick ? 100_000 : 1_000_000,
    listRuns: quick ? 10 : 30,
    statsRuns: quick ? 3 : 7,
    memoryCases: quick ? 20_000 : 100_000,
    memoryLoadSeconds: quick ? 8 : 15,
    profile: flag('BENCH_PROFILE'),
    timerDrains: process.env.BENCH_TIMER_DRAINS || undefined,
    stageCapMs: {
      'transitions-postgres': minutes(quick ? 3 : 5),
      'transitions-sqlite': minutes(quick ? 3 : 5),
      timers: minutes(quick ? 6 : 8),
      scale: minutes(quick ? 4 : 8),
      memory: minutes(quick ? 3 : 5),
    },
  };
}
