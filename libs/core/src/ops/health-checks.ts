import { Injectable } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { DataSource } from 'typeorm';
import { Lifecycle } from './lifecycle';
import { Metrics } from './metrics';
import { OpsRedis } from './ops-redis';
import { WorkerHeartbeats } from './worker-heartbeats';
import { withTimeout } from './with-timeout';

export type CheckState = 'up' | 'down';

export interface ReadinessReport {
  /** `ok`, `draining` (SIGTERM received) or `down` (a check failed). */
  status: 'ok' | 'draining' | 'down';
  checks: {
    database: CheckState;
    redis: CheckState;
    migrations: CheckState;
    /** Present when a worker is expected (EXPECT_WORKER). */
    worker?: CheckState;
  };
}

const CHECK_TIMEOUT_MS = 2000;

/** The readiness checks: each bounded by a timeout, run side by side. */
@Injectable()
export class HealthChecks {
  // Once every migration has been applied it stays applied: no need to ask again.
  private migrated = false;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly redis: OpsRedis,
    private readonly heartbeats: WorkerHeartbeats,
    private readonly lifecycle: Lifecycle,
    private readonly metrics: Metrics,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [database, redis, migrations, worker] = await Promise.all([
      this.check(() => this.dataSource.query('SELECT 1')),
      this.check(async () => (await this.redis.connected()).ping()),
      this.check(async () => {
        if (this.migrated) return;
        // true while a migration is pending (another replica may still hold the lock).
        if (await this.dataSource.showMigrations()) throw new Error('migrations pending');
        this.migrated = true;
      }),
      this.config.expectWorker
        ? this.check(async () => {
            if ((await this.heartbeats.alive()) === 0) throw new Error('no live worker');
          })
        : Promise.resolve(undefined),
    ]);
    const checks = { database, redis, migrations, ...(worker ? { worker } : {}) };
    for (const [name, state] of Object.entries(checks)) {
      this.metrics.up.set({ dependency: name }, state === 'up' ? 1 : 0);
    }
    const allUp = Object.values(checks).every((state) => state === 'up');
    return {
      status: this.lifecycle.draining ? 'draining' : allUp ? 'ok' : 'down',
      checks,
    };
  }

  private async check(probe: () => Promise<unknown>): Promise<CheckState> {
    try {
      await withTimeout(probe(), CHECK_TIMEOUT_MS, 'health check');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
