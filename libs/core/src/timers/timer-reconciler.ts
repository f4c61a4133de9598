import { Injectable, Logger, Optional } from '@nestjs/common';
import { Metrics } from '../ops/metrics';
import { TimerEntity, TransactionRunner } from '@tricolor/persistence';
import { In, LessThanOrEqual } from 'typeorm';
import { ROWLESS_JOBS, type JobName } from './timer-jobs';
import { TimerQueue } from './timer-queue';

const BATCH = 1000;

export interface ReconcileReport {
  queued: number;
  removed: number;
}

/**
 * Redis is a wake-up service, not the record. The reconciler makes the queue agree with the
 * timer rows: every scheduled row due within the horizon has a wake-up at its instant (re-adding
 * an existing job id is a no-op; `queued` counts the wake-ups added), and old one-row jobs whose
 * row is no longer scheduled are removed. It runs at start and
 * periodically, so a FLUSHALL or a crash between commit and enqueue loses no deadline.
 */
@Injectable()
export class TimerReconciler {
  private readonly log = new Logger(TimerReconciler.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly timers: TimerQueue,
    @Optional() private readonly metrics?: Metrics,
  ) {}

  async reconcile(horizonMs: number, now = new Date()): Promise<ReconcileReport> {
    const queued = await this.queueDueRows(new Date(now.getTime() + horizonMs), now);
    const removed = await this.removeOrphans();
    if (queued + removed > 0) {
      // A repair means a wake-up was lost or left over: worth a metric and an alert when frequent.
      this.metrics?.reconcileRepairs.inc({ action: 'queued' }, queued);
      this.metrics?.reconcileRepairs.inc({ action: 'removed' }, removed);
      this.log.log({
        msg: `reconciled: ${queued} queued, ${removed} orphans removed`,
        queued,
        removed,
      });
    }
    return { queued, removed };
  }

  private async queueDueRows(until: Date, now: Date): Promise<number> {
    let queued = 0;
    for (let offset = 0; ; offset += BATCH) {
      const rows = await this.tx.run((m) =>
        m.find(TimerEntity, {
          where: { status: 'scheduled', dueAt: LessThanOrEqual(until) },
          order: { dueAt: 'ASC', id: 'ASC' },
          select: { id: true, kind: true, dueAt: true },
          skip: offset,
          take: BATCH,
        }),
      );
      queued += await this.timers.scheduleMissing(
        rows.map((r) => ({ id: r.id, kind: r.kind as JobName, dueAt: r.dueAt })),
        now.getTime(),
      );
      if (rows.length < BATCH) return queued;
    }
  }

  private async removeOrphans(): Promise<number> {
    let removed = 0;
    const queue = this.timers.queue;
    for (let start = 0; ; start += BATCH) {
      const jobs = await queue.getJobs(
        ['delayed', 'wait', 'prioritized'],
        start,
        start + BATCH - 1,
        true,
      );
      // Wake-ups (one per due instant, shared by its timers) are never orphans: woken for
      // nothing, the worker claims nothing. A job of one timer row (queued before batching) is.
      const timerJobs = jobs.filter((j) => j?.id && !ROWLESS_JOBS.has(j.name));
      const ids = timerJobs.map((j) => j.id as string);
      const live = new Set(
        ids.length === 0
          ? []
          : (
              await this.tx.run((m) =>
                m.find(TimerEntity, {
                  where: { id: In(ids), status: 'scheduled' },
                  select: { id: true },
                }),
              )
            ).map((r) => r.id),
      );
      const orphans = ids.filter((id) => !live.has(id));
      await Promise.all(orphans.map((id) => queue.remove(id)));
      removed += orphans.length;
      // Removing shifts later jobs down; re-read this page rather than skipping past them.
      if (orphans.length > 0) start -= orphans.length;
      if (jobs.length < BATCH) return removed;
    }
  }
}
