export * from './domain-errors';
export { asRow } from './as-row';
export { JurisdictionModule } from './jurisdiction/jurisdiction.module';
export { JurisdictionService, type UnitPlace } from './jurisdiction/jurisdiction.service';
export type { UserIdentity } from './jurisdiction/user-identity';
export type { OpenDisputeCommand, ListDisputesFilter } from './disputes/commands';
export { DisputesCoreModule } from './disputes/disputes-core.module';
export { OpenDisputeService } from './disputes/open-dispute.service';
export {
  SendEventService,
  type AppliedEvent,
  type SendEventCommand,
} from './disputes/send-event.service';
export {
  CaseAnnotations,
  type AnnotateCommand,
  type Annotation,
} from './disputes/case-annotations.service';
export { DisputeQueriesService, type Page } from './disputes/dispute-queries.service';
export { toDisputeView, type DisputeView, type DeadlineView } from './disputes/dispute-view';
export {
  verifyChain,
  hashRecord,
  canonicalJson,
  type ChainVerdict,
  type ChainProblem,
} from './disputes/audit-chain';
export { AuditKeyring, auditKeyring, installAuditKeyring } from './audit/audit-keys';
export {
  resealLegacyTrails,
  type ResealOptions,
  type ResealRefusal,
  type ResealReport,
} from './audit/reseal-legacy';
export { timerRowId, writeTimerRows, type TimerChanges } from './timers/timer-rows';
export { TimerWakeUps } from './timers/timer-wake-ups';
export { wakeUpHorizonMs } from './timers/wake-up-horizon';
export { TimersModule } from './timers/timers.module';
export { TimerQueue, wakeUpAt, wakeUpJobId, type WakeUp } from './timers/timer-queue';
export { TimerReconciler, type ReconcileReport } from './timers/timer-reconciler';
export {
  TimerFiring,
  BATCH_LIMIT,
  type BatchFiring,
  type BatchReport,
  type FireOutcome,
  type FiringContext,
  type TimerReaction,
} from './timers/timer-firing.service';
export { checkRedisPolicy } from './timers/redis-policy';
export { producerConnection, workerConnection, sentinelOptions } from './timers/redis-connection';
export {
  AGENDA_SCHEDULER_ID,
  JOB_NAMES,
  ROWLESS_JOBS,
  TIMER_QUEUE,
  WAKE_UP_GRANULARITY_MS,
  WAKE_UP_JOB,
  type JobName,
  type TimerJobData,
} from './timers/timer-jobs';
export * from './notifications';
export { ConfigModule } from './config.module';
export * from './agenda';
export * from './stats';
export { CoreRootModule } from './core-root.module';
export * from './community';
export * from './calendar';
export * from './supervision';
export * from './casefile';
export * from './workflow-migration';
export {
  AccountAuditLog,
  type AccountAction,
  type AccountChange,
  type AccountAuditPage,
} from './audit/account-audit-log';
export { PersonalDataReads, showsNumbers } from './audit/personal-data-reads';
export * from './ops';
export { verifyAllChains, type VerifyAllReport, type BrokenChain } from './disputes/verify-all';
