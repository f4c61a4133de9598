import { Injectable } from '@nestjs/common';
import { RowCodec, TimerEntity, TransactionRunner, runStatement } from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import type { DisputeEntity } from '@tricolor/persistence';
import { loadForTransition, type ChainHead } from '../disputes/dispute-finder';
import { TimerWakeUps } from './timer-wake-ups';
import type { TimerChanges } from './timer-rows';

export interface FiringContext {
  m: EntityManager;
  row: TimerEntity;
  dispute: DisputeEntity;
  /** The head of the case's audit trail, loaded with it (for the transition's record). */
  head: ChainHead | null;
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
      const timers = RowCodec.of(m, TimerEntity);
      const [raw] = (
        await runStatement(m, [
          `SELECT ${timers.selectList('t')} FROM timers t WHERE t.id = ${timers.dialect === 'postgres' ? '$1' : '?'}`,
          [rowId],
        ])
      ).rows;
      const row = raw ? timers.hydrate(raw) : null;
      if (!row) return { outcome: { result: 'unknown' } as const };
      if (row.status === 'fired') return { outcome: { result: 'already_fired' } as const };
      if (row.status === 'cancelled') return { outcome: { result: 'cancelled' } as const };
      if (row.dueAt.getTime() > now.getTime()) {
        return { outcome: { result: 'early', dueAt: row.dueAt } as const };
      }
      const latenessMs = now.getTime() - row.dueAt.getTime();
      const claimed = await runStatement(
        m,
        timers.update(
          { status: 'fired', firedAt: now, latenessMs },
          'id = :id AND status = :scheduled',
          {
            id: rowId,
            scheduled: 'scheduled',
          },
        ),
      );
      if (claimed.affected !== 1) return { outcome: { result: 'already_fired' } as const };

      // The system sees every case: no jurisdiction scope.
      const { dispute, head } = await loadForTransition(m, row.disputeId, null);
      const timerId = row.id.slice(dispute.id.length + 1);
      // The same visit of the same state: the snapshot still has this timer armed.
      if (!dispute.snapshot.context.timers.some((t) => t.id === timerId)) {
        return { outcome: { result: 'stale' } as const };
      }
      const changes = await react({ m, row, dispute, head, timerId, now });
      return { outcome: { result: 'fired', latenessMs } as const, changes };
    });
    if (changes) this.wakeUps.afterCommit(changes.disputeId, changes.timers);
    return outcome;
  }
}
