import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Latency samples, throughput and the closed-loop load generator every stage shares. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const nowMs = (): number => performance.timeOrigin + performance.now();

/** The q-quantile (0..1) of `values` by nearest rank; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarise(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length === 0
      ? Number.NaN
      : (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ??
        Number.NaN);
  const sum = sorted.reduce((n, v) => n + v, 0);
  return {
    count: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] ?? Number.NaN),
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

export interface LoadResult {
  concurrency: number;
  /** This process's event-loop delay over the measured time (ms): a stall here is synchronous work. */
  eventLoopDelayMs: { p99: number; max: number };
  /** CPU spent during the measured time, per source (when a meter was given). */
  cpu?: import('./cpu').CpuSpent;
  ops: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  perSecond: number;
  latencyMs: Summary;
}

export interface LoadOptions {
  concurrency: number;
  /** Measured time; operations still running when it ends are awaited but not counted. */
  durationMs: number;
  /** Unmeasured time before it, with the same operations. */
  warmupMs: number;
  /** A bound on measured operations, whatever the time. */
  maxOps: number;
}

/**
 * A closed loop: `concurrency` callers, each sending its next operation as soon as the last one
 * answered. `op(caller, n)` gets the caller's index and its own operation count.
 */
export async function closedLoop(
  options: LoadOptions,
  op: (caller: number, n: number) => Promise<void>,
  meter?: import('./cpu').CpuMeter,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let measuring = false;
  let stop = false;
  let started = 0;

  const caller = async (index: number) => {
    let n = 0;
    while (!stop) {
      const counted = measuring;
      if (counted && started >= options.maxOps) break;
      if (counted) started += 1;
      const t0 = performance.now();
      // Each operation starts from the event loop, as a request arriving on a socket would. An
      // in-process caller whose work completes without I/O (better-sqlite3 is synchronous) would
      // otherwise chain microtasks for ever and starve timers, sockets and the other callers.
      await new Promise((resolve) => setImmediate(resolve));
      try {
        await op(index, n++);
        const t1 = performance.now();
        if (counted && measuring) latencies.push(t1 - t0);
      } catch (error) {
        if (counted) {
          errors += 1;
          firstError ??= (error as Error).message;
        } else {
          firstError ??= `(warm-up) ${(error as Error).message}`;
        }
      }
    }
  };
  const callers = Array.from({ length: options.concurrency }, (_, i) => caller(i));
  await sleep(options.warmupMs);
  await meter?.begin();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const measuredStart = performance.now();
  measuring = true;
  await Promise.race([sleep(options.durationMs), waitUntil(() => started >= options.maxOps)]);
  const measuredEnd = performance.now();
  loopDelay.disable();
  measuring = false;
  const cpu = await meter?.end();
  stop = true;
  await Promise.all(callers);
  const seconds = (measuredEnd - measuredStart) / 1000;
  return {
    concurrency: options.concurrency,
    ops: latencies.length,
    errors,
    firstError,
    seconds,
    perSecond: latencies.length / seconds,
    latencyMs: summarise(latencies),
    eventLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    ...(cpu ? { cpu } : {}),
  };
}

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await sleep(20);
}

/** Runs `work` over `items` with at most `concurrency` at once; returns results in order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runner = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, runner));
  return results;
}

/** Fails after `ms` naming the stage; the work itself is left to its own clean-up. */
export async function withTimeCap<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: time cap of ${ms / 1000} s reached`)), ms);
  });
  try {
    return await Promise.race([work, cap]);
  } finally {
    clearTimeout(timer);
  }
}

export const log = (message: string): void => {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${message}\n`);
};

export const round = (value: number, digits = 1): number =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
