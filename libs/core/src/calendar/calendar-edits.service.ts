import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@tricolor/config';
import {
  CalendarYearEntity,
  DisputeEntity,
  RowCodec,
  TimerEntity,
  TransactionRunner,
  runStatement,
} from '@tricolor/persistence';
import { retimeTimers, type Actor, type CalendarYear, type RetimedTimer } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';
import { CaseAnnotations } from '../disputes/case-annotations.service';
import { loadForTransition } from '../disputes/dispute-finder';
import { nextDeadlineOf } from '../disputes/dispute-view';
import { ConflictError } from '../domain-errors';
import { timerRowId } from '../timers/timer-rows';
import { TimerQueue } from '../timers/timer-queue';
import { wakeUpHorizonMs } from '../timers/wake-up-horizon';
import { CalendarStore, type CalendarYearView } from './calendar-store.service';
import { checkCalendarYear } from './check-calendar-year';
import { yearsFromIcs } from './ics-import';

const SYSTEM: Actor = { id: 'system', role: 'system' };
/** A case that changed under a re-timing is tried again this many times. */
const ATTEMPTS = 3;

export interface RetimedOnCase extends RetimedTimer {
  disputeId: string;
}

export interface CalendarEditResult {
  year: CalendarYearView;
  /**
   * The background job that counts the open cases' deadlines again on the edited year (each
   * timer it moves is recorded on its case as DEADLINE_RETIMED). `queued` false: Redis was
   * away, and the worker's reconcile loop queues it (the year is marked pending in the table).
   */
  retiming: { jobId: string; queued: boolean };
}

/** The one job id per edit of a year: re-adding it while queued is a no-op. */
export const retimeJobId = (year: number, editedAt: Date): string =>
  `calendar-retime-${year}-${editedAt.getTime()}`;

/**
 * Admins' edits of the business calendar. An edited year replaces the shipped one; the timers
 * already set are counted again on the new calendar, and each one that moves is written in its
 * case's snapshot, its timer row and its audit trail (DEADLINE_RETIMED, actor system) in one
 * transaction per case. The counting runs in the worker (`calendar_retime` job), not in the
 * admin's request: a street with thousands of open cases would hold the request for minutes.
 */
@Injectable()
export class CalendarEdits {
  private readonly log = new Logger(CalendarEdits.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly store: CalendarStore,
    private readonly annotations: CaseAnnotations,
    private readonly queue: TimerQueue,
    private readonly config: AppConfig,
  ) {}

  async putYear(actor: Actor, input: CalendarYear, at = new Date()): Promise<CalendarEditResult> {
    const year = checkCalendarYear(input);
    await this.tx.run(async (m) => {
      const row: CalendarYearEntity = {
        year: year.year,
        holidays: year.holidays,
        makeUpDays: year.makeUpDays,
        source: year.source ?? null,
        updatedBy: actor.id,
        updatedAt: at,
        // Pending until the background job has counted the deadlines again.
        retimedAt: null,
      };
      await m.save(CalendarYearEntity, row);
    });
    this.store.invalidate();
    const view = (await this.store.years()).find((y) => y.year === year.year);
    if (!view) throw new Error(`calendar year ${year.year} vanished after it was saved`);
    const jobId = retimeJobId(year.year, at);
    const queued = await this.queueRetime(year.year, at);
    return { year: view, retiming: { jobId, queued } };
  }

  /** Queues the re-timing of one edit; false (and a warning) when Redis is away. */
  private async queueRetime(year: number, editedAt: Date): Promise<boolean> {
    try {
      await this.queue.queue.add(
        'calendar_retime',
        { timerId: retimeJobId(year, editedAt), year },
        {
          jobId: retimeJobId(year, editedAt),
          removeOnComplete: true,
          removeOnFail: true,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
        },
      );
      return true;
    } catch (error) {
      this.log.warn(
        `calendar ${year}: re-timing not queued (the reconcile loop will): ${(error as Error).message}`,
      );
      return false;
    }
  }

  /**
   * The worker's reconcile loop: queues the re-timing of every edited year still pending (a
   * job lost to a crash, a FLUSHALL or a Redis outage). Returns the years queued.
   */
  async queuePending(): Promise<number[]> {
    const pending = await this.tx.run((m) =>
      m
        .createQueryBuilder(CalendarYearEntity, 'y')
        .select(['y.year', 'y.updatedAt'])
        .where('y.retimedAt IS NULL')
        .getMany(),
    );
    const queued: number[] = [];
    for (const row of pending) {
      if (await this.queueRetime(row.year, row.updatedAt)) queued.push(row.year);
    }
    return queued;
  }

  /**
   * The `calendar_retime` job: counts again every deadline the year's edit can move, then marks
   * the year done unless it was edited again meanwhile (that edit's own job follows).
   */
  async retimeYear(year: number, at = new Date()): Promise<RetimedOnCase[]> {
    const row = await this.tx.run((m) => m.findOne(CalendarYearEntity, { where: { year } }));
    if (!row) return [];
    this.store.invalidate();
    const retimed = await this.retimeFrom(yearStart(year), at);
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(CalendarYearEntity)
        .set({ retimedAt: at })
        .where('year = :year AND updated_at = :edited', {
          year,
          edited: RowCodec.of(m, CalendarYearEntity).stored('updatedAt', row.updatedAt),
        })
        .execute(),
    );
    if (retimed.length > 0)
      this.log.log(`calendar ${year}: ${retimed.length} timer(s) re-timed after an edit`);
    return retimed;
  }

  /** Each year an ICS file has all-day events for replaces that year, as `putYear` does. */
  async importIcs(
    actor: Actor,
    ics: string,
    source: string,
    at = new Date(),
  ): Promise<CalendarEditResult[]> {
    const years = yearsFromIcs(ics, source).map(checkCalendarYear);
    const results: CalendarEditResult[] = [];
    for (const year of years) results.push(await this.putYear(actor, year, at));
    return results;
  }

  /**
   * Counts again every working-time timer still scheduled to fire on or after `from` (a timer
   * due earlier never counted a day of the edited year).
   */
  async retimeFrom(from: Date, at = new Date()): Promise<RetimedOnCase[]> {
    const ids = await this.tx.run(async (m) => {
      const rows = await m
        .createQueryBuilder(TimerEntity, 't')
        .select('DISTINCT t.dispute_id', 'disputeId')
        .where('t.status = :scheduled AND t.due_at >= :from', {
          scheduled: 'scheduled',
          from: RowCodec.of(m, TimerEntity).stored('dueAt', from),
        })
        .getRawMany<{ disputeId: string }>();
      return rows.map((r) => r.disputeId);
    });
    const retimed: RetimedOnCase[] = [];
    for (const disputeId of ids) {
      retimed.push(...(await this.retimeCase(disputeId, at)));
    }
    return retimed;
  }

  private async retimeCase(disputeId: string, at: Date): Promise<RetimedOnCase[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        const moved = await this.tx.run((m) => this.retimeWithin(m, disputeId, at));
        await this.requeue(disputeId, moved);
        return moved.map((t) => ({ disputeId, ...t }));
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  private async retimeWithin(
    m: EntityManager,
    disputeId: string,
    at: Date,
  ): Promise<RetimedTimer[]> {
    const { dispute } = await loadForTransition(m, disputeId, null);
    const calendar = await this.store.current(m);
    const { timers, moved } = retimeTimers(dispute.snapshot.context.timers, calendar);
    if (moved.length === 0) return [];
    const snapshot = { ...dispute.snapshot, context: { ...dispute.snapshot.context, timers } };
    const { affected } = await runStatement(
      m,
      RowCodec.of(m, DisputeEntity).update(
        { snapshot, nextDeadlineAt: nextDeadlineOf(snapshot) },
        'id = :id AND version = :version',
        { id: dispute.id, version: dispute.version },
      ),
    );
    if (affected !== 1) throw new ConflictError(`case ${disputeId} changed while re-timing`);
    const rows = RowCodec.of(m, TimerEntity);
    for (const t of moved) {
      await runStatement(
        m,
        rows.update({ dueAt: new Date(t.to) }, 'id = :id AND status = :scheduled', {
          id: timerRowId(disputeId, t.timerId),
          scheduled: 'scheduled',
        }),
      );
      // The audit trail says why the deadline moved; each record bumps the case's version.
      await this.annotations.recordWithin(m, {
        actor: SYSTEM,
        disputeId,
        type: 'DEADLINE_RETIMED',
        payload: {
          timerId: t.timerId,
          kind: t.kind,
          from: t.from,
          to: t.to,
          reason: 'calendar edited',
        },
        at,
      });
    }
    return moved;
  }

  /**
   * The queue follows the rows: a moved timer gets a wake-up at its new time. Its old wake-up
   * stays (other timers due then may share it); woken then, the worker finds it not yet due.
   */
  private async requeue(disputeId: string, moved: RetimedTimer[]): Promise<void> {
    if (moved.length === 0) return;
    const horizon = Date.now() + wakeUpHorizonMs(this.config);
    try {
      await this.queue.schedule(
        moved
          .filter((t) => Date.parse(t.to) <= horizon)
          .map((t) => ({
            id: timerRowId(disputeId, t.timerId),
            kind: t.kind,
            dueAt: new Date(t.to),
          })),
      );
    } catch (error) {
      this.log.warn(
        `queue not updated for case ${disputeId} (reconciler will): ${(error as Error).message}`,
      );
    }
  }
}

/** Local midnight of 1 January in Asia/Shanghai. */
const yearStart = (year: number): Date => new Date(Date.parse(`${year}-01-01T00:00:00+08:00`));
