import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { timerRowId, type TimerChanges } from './timer-rows';
import { TimerQueue } from './timer-queue';
import { wakeUpHorizonMs } from './wake-up-horizon';

/**
 * After a transition commits, turns its armed timers into queue jobs and removes the cancelled
 * ones, for timers due within the wake-up horizon (later ones are the reconciler's: it queues
 * them before they are due, and no pass can have queued a cancelled one due later). Failures are
 * only logged: the rows are committed, and the reconciler repairs the queue.
 */
@Injectable()
export class TimerWakeUps {
  private readonly log = new Logger(TimerWakeUps.name);

  private readonly horizonMs: number;

  constructor(
    private readonly queue: TimerQueue,
    config: AppConfig,
  ) {
    this.horizonMs = wakeUpHorizonMs(config);
  }

  afterCommit(disputeId: string, changes: TimerChanges, now = Date.now()): void {
    const soon = (t: { dueAt: string }) => Date.parse(t.dueAt) <= now + this.horizonMs;
    const armed = changes.armed.filter(soon).map((t) => ({
      id: timerRowId(disputeId, t.id),
      kind: t.kind,
      dueAt: new Date(t.dueAt),
    }));
    const cancelled = changes.cancelled.filter(soon).map((t) => timerRowId(disputeId, t.id));
    if (armed.length === 0 && cancelled.length === 0) return;
    this.queue
      .schedule(armed)
      .then(() => this.queue.unschedule(cancelled))
      .catch((error: Error) =>
        this.log.warn(
          `queue not updated for case ${disputeId} (reconciler will): ${error.message}`,
        ),
      );
  }
}
