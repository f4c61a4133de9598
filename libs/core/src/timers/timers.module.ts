import { Module } from '@nestjs/common';
import { TimerFiring } from './timer-firing.service';
import { TimerQueue } from './timer-queue';
import { TimerReconciler } from './timer-reconciler';
import { TimerWakeUps } from './timer-wake-ups';

/** The timer queue and its bookkeeping, shared by the API (enqueue) and the worker (fire). */
@Module({
  providers: [TimerQueue, TimerWakeUps, TimerReconciler, TimerFiring],
  exports: [TimerQueue, TimerWakeUps, TimerReconciler, TimerFiring],
})
export class TimersModule {}
