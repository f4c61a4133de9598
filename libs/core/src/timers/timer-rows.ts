import { TimerEntity } from '@tricolor/persistence';
import type { TimerEntry } from '@tricolor/workflow';
import { In, type EntityManager } from 'typeorm';

/** A timer's row id: the case id and the workflow's timer id (no ':' — it is also a job id). */
export const timerRowId = (disputeId: string, timerId: string): string => `${disputeId}-${timerId}`;

export interface TimerChanges {
  armed: TimerEntry[];
  cancelled: TimerEntry[];
}

/**
 * Mirrors a step's timer changes into rows, inside the transition's transaction: armed timers
 * become scheduled rows, cancelled ones stop (a row that already fired keeps its record).
 */
export async function writeTimerRows(
  manager: EntityManager,
  disputeId: string,
  changes: TimerChanges,
  at: Date,
  cancelReason: string,
): Promise<void> {
  if (changes.armed.length > 0) {
    await manager.insert(
      TimerEntity,
      changes.armed.map((t) =>
        manager.create(TimerEntity, {
          id: timerRowId(disputeId, t.id),
          disputeId,
          kind: t.kind,
          fires: t.fires,
          dueAt: new Date(t.dueAt),
          status: 'scheduled',
          statePath: t.scope,
          createdAt: at,
          firedAt: null,
          latenessMs: null,
          cancelReason: null,
        }),
      ),
    );
  }
  if (changes.cancelled.length > 0) {
    await manager.update(
      TimerEntity,
      { id: In(changes.cancelled.map((t) => timerRowId(disputeId, t.id))), status: 'scheduled' },
      { status: 'cancelled', cancelReason },
    );
  }
}
