import { Global, Module } from '@nestjs/common';
import { TimersModule } from '../timers/timers.module';
import { HealthChecks } from './health-checks';
import { Lifecycle } from './lifecycle';
import { Metrics } from './metrics';
import { OpsCollectors } from './ops-collectors';
import { OpsRedis } from './ops-redis';
import { WorkerHeartbeats } from './worker-heartbeats';

/** Health, metrics and the draining state, for every process (API and worker). Global. */
@Global()
@Module({
  imports: [TimersModule],
  providers: [Lifecycle, Metrics, OpsRedis, WorkerHeartbeats, HealthChecks, OpsCollectors],
  exports: [Lifecycle, Metrics, OpsRedis, WorkerHeartbeats, HealthChecks],
})
export class OpsModule {}
