import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type TransitionResult = 'applied' | 'replayed' | 'refused' | 'conflict' | 'error';
type Collector = (metrics: Metrics) => Promise<void>;

/**
 * The process's Prometheus instruments, on a registry of its own (several apps in one test
 * process must not share one). The hot path only increments counters and observes histograms;
 * the gauges (queue depth, pool use, live workers) are read when /metrics is scraped.
 */
@Injectable()
export class Metrics implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly collectors: Collector[] = [];

  readonly transitions = new Counter({
    name: 'tricolor_transitions_total',
    help: 'Events sent to cases, by event type and result',
    labelNames: ['event', 'result'] as const,
    registers: [this.registry],
  });
  readonly transitionSeconds = new Histogram({
    name: 'tricolor_transition_duration_seconds',
    help: 'Time to apply and commit one transition sent over HTTP, by event type',
    labelNames: ['event'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly timerFirings = new Counter({
    name: 'tricolor_timer_firings_total',
    help: 'Timer jobs handled, by timer kind and result (fired, stale, already_fired, early...)',
    labelNames: ['kind', 'result'] as const,
    registers: [this.registry],
  });
  readonly timerLatenessSeconds = new Histogram({
    name: 'tricolor_timer_lateness_seconds',
    help: 'How long after its due instant a timer fired, by kind',
    labelNames: ['kind'] as const,
    buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
    registers: [this.registry],
  });
  readonly reconcileRepairs = new Counter({
    name: 'tricolor_reconcile_repairs_total',
    help: 'Queue repairs by the reconciler: wake-ups re-queued, orphan jobs removed',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });
  readonly httpSeconds = new Histogram({
    name: 'tricolor_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly queueJobs = new Gauge({
    name: 'tricolor_queue_jobs',
    help: 'Timer queue jobs by state (waiting, delayed, active, failed), read at scrape time',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  readonly dbPool = new Gauge({
    name: 'tricolor_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting clients)',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });
  readonly workersAlive = new Gauge({
    name: 'tricolor_workers_alive',
    help: 'Timer workers with a fresh heartbeat in Redis',
    registers: [this.registry],
  });
  readonly up = new Gauge({
    name: 'tricolor_dependency_up',
    help: 'Whether a dependency answered the last readiness check (1) or not (0)',
    labelNames: ['dependency'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'tricolor_' });
    // Series that alerts use exist from the start, at zero (`rate()` needs a first sample).
    for (const action of ['queued', 'removed']) this.reconcileRepairs.inc({ action }, 0);
  }

  /** Something to refresh the gauges before each scrape (bounded: it must not hang /metrics). */
  addCollector(collector: Collector): void {
    this.collectors.push(collector);
  }

  observeTransition(event: string, result: TransitionResult, seconds?: number): void {
    this.transitions.inc({ event, result });
    if (seconds !== undefined) this.transitionSeconds.observe({ event }, seconds);
  }

  /**
   * The exposition text; the scrape-time gauges are refreshed first (prom-client reads every
   * metric side by side, so one gauge's `collect` could not feed the others).
   */
  async render(): Promise<{ contentType: string; body: string }> {
    await Promise.all(this.collectors.map((c) => c(this).catch(() => undefined)));
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  onModuleDestroy(): void {
    this.registry.clear();
  }
}
