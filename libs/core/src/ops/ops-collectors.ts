import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TimerQueue } from '../timers/timer-queue';
import { Metrics } from './metrics';
import { WorkerHeartbeats } from './worker-heartbeats';
import { withTimeout } from './with-timeout';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

const QUEUE_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

/** Refreshes the gauges at scrape time: queue depth, PostgreSQL pool use, live workers. */
@Injectable()
export class OpsCollectors implements OnModuleInit {
  constructor(
    private readonly metrics: Metrics,
    private readonly dataSource: DataSource,
    private readonly queue: TimerQueue,
    private readonly heartbeats: WorkerHeartbeats,
  ) {}

  onModuleInit(): void {
    this.metrics.addCollector(async (m) => {
      const counts = await withTimeout(
        this.queue.queue.getJobCounts(...QUEUE_STATES),
        1000,
        'queue depth',
      );
      for (const state of QUEUE_STATES) m.queueJobs.set({ state }, counts[state] ?? 0);
    });
    this.metrics.addCollector(async (m) => {
      m.workersAlive.set(await this.heartbeats.alive());
    });
    this.metrics.addCollector((m) => {
      const pool = this.pgPool();
      if (pool) {
        m.dbPool.set({ state: 'total' }, pool.totalCount);
        m.dbPool.set({ state: 'idle' }, pool.idleCount);
        m.dbPool.set({ state: 'waiting' }, pool.waitingCount);
      }
      return Promise.resolve();
    });
  }

  // SQLite has one connection and no pool to report.
  private pgPool(): PgPool | undefined {
    if (this.dataSource.options.type !== 'postgres') return undefined;
    const master = (this.dataSource.driver as unknown as { master?: PgPool }).master;
    return master && typeof master.totalCount === 'number' ? master : undefined;
  }
}
