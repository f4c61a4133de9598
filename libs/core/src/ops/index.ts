export { OpsModule } from './ops.module';
export { Lifecycle } from './lifecycle';
export { Metrics, type TransitionResult } from './metrics';
export { OpsRedis } from './ops-redis';
export { WorkerHeartbeats, HEARTBEAT_INTERVAL_MS, HEARTBEAT_STALE_MS } from './worker-heartbeats';
export { HealthChecks, type ReadinessReport, type CheckState } from './health-checks';
export { GracefulShutdown, type GracefulShutdownOptions } from './graceful-shutdown';
export { createRootLogger, PinoNestLogger } from './logger';
export {
  withLogContext,
  addToLogContext,
  currentLogContext,
  type LogContext,
} from './request-context';
export { withTimeout } from './with-timeout';
export { metricsAccess, type MetricsAccess } from './metrics-token';
