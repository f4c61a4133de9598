import { Injectable, Logger } from '@nestjs/common';
import { timerRowId, type TimerChanges } from './timer-rows';
import { TimerQueue } from './timer-queue';

/**
 * After a transition commits, turns its armed timers into queue jobs and removes the cancelled
 * ones. Failures are only logged: the rows are committed, and the reconciler repairs the queue.
 */
@Injectable()
export class TimerWakeUps {
  private readonly log = new Logger(TimerWakeUps.name);

  constructor(private readonly queue: TimerQueue) {}

  afterCommit(disputeId: string, changes: TimerChanges): void {
    const armed = changes.armed.map((t) => ({
      id: timerRowId(disputeId, t.id),
      kind: t.kind,
      dueAt: new Date(t.dueAt),
    }));
    const cancelled = changes.cancelled.map((t) => timerRowId(disputeId, t.id));
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
