import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import { timerRowId, type TimerChanges } from './timer-rows';
import { TimerQueue } from './timer-queue';
import { wakeUpHorizonMs } from './wake-up-horizon';

/**
 * After a transition commits, wakes the worker at the due instant of each armed timer due within
 * the wake-up horizon (later ones are the reconciler's: it queues them before they are due).
 * Cancelled timers keep their wake-up, which other timers due at that instant may share: woken
 * for nothing, the worker claims nothing. Failures are only logged: the rows are committed, and
 * the reconciler repairs the queue.
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
    if (armed.length === 0) return;
    this.queue
      .schedule(armed)
      .catch((error: Error) =>
        this.log.warn(
          `queue not updated for case ${disputeId} (reconciler will): ${error.message}`,
        ),
      );
  }
}
