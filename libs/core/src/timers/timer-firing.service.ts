import { Injectable } from '@nestjs/common';
import { DisputeEntity, TimerEntity, TransactionRunner } from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import { TimerWakeUps } from './timer-wake-ups';
import type { TimerChanges } from './timer-rows';

export interface FiringContext {
  m: EntityManager;
  row: TimerEntity;
  dispute: DisputeEntity;
  /** The workflow's own id for the timer (the row id without the case prefix). */
  timerId: string;
  now: Date;
}

/** What a processor does with a timer it claimed; returns the timer changes a transition made. */
export type TimerReaction = (
  ctx: FiringContext,
) => Promise<{ disputeId: string; timers: TimerChanges } | null>;

export type FireOutcome =
  | { result: 'fired'; latenessMs: number }
  | { result: 'early'; dueAt: Date }
  | { result: 'unknown' | 'already_fired' | 'cancelled' | 'stale' };

/**
 * Fires a timer exactly once: claims its row (scheduled → fired) and reacts in one transaction,
 * so a crash before commit leaves the row scheduled for another try, and a second worker finds
 * it already fired. A timer the case has moved past (not in the snapshot's armed timers any more)
 * changes nothing.
 */
@Injectable()
export class TimerFiring {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly wakeUps: TimerWakeUps,
  ) {}

  async fire(rowId: string, react: TimerReaction, now = new Date()): Promise<FireOutcome> {
    const { outcome, changes } = await this.tx.run(async (m) => {
      const row = await m.findOne(TimerEntity, { where: { id: rowId } });
      if (!row) return { outcome: { result: 'unknown' } as const };
      if (row.status === 'fired') return { outcome: { result: 'already_fired' } as const };
      if (row.status === 'cancelled') return { outcome: { result: 'cancelled' } as const };
      if (row.dueAt.getTime() > now.getTime()) {
        return { outcome: { result: 'early', dueAt: row.dueAt } as const };
      }
      const latenessMs = now.getTime() - row.dueAt.getTime();
      const claimed = await m
        .createQueryBuilder()
        .update(TimerEntity)
        .set({ status: 'fired', firedAt: now, latenessMs })
        .where('id = :id AND status = :scheduled', { id: rowId, scheduled: 'scheduled' })
        .execute();
      if (claimed.affected !== 1) return { outcome: { result: 'already_fired' } as const };

      const dispute = await m.findOneOrFail(DisputeEntity, { where: { id: row.disputeId } });
      const timerId = row.id.slice(dispute.id.length + 1);
      // The same visit of the same state: the snapshot still has this timer armed.
      if (!dispute.snapshot.context.timers.some((t) => t.id === timerId)) {
        return { outcome: { result: 'stale' } as const };
      }
      const changes = await react({ m, row, dispute, timerId, now });
      return { outcome: { result: 'fired', latenessMs } as const, changes };
    });
    if (changes) this.wakeUps.afterCommit(changes.disputeId, changes.timers);
    return outcome;
  }
}
