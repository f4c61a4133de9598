import { RowCodec, TimerEntity, runStatement, type Statement } from '@tricolor/persistence';
import type { TimerEntry } from '@tricolor/workflow';
import type { EntityManager } from 'typeorm';

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
  for (const statement of timerRowStatements(manager, disputeId, changes, at, cancelReason)) {
    await runStatement(manager, statement);
  }
}

/** The statements `writeTimerRows` runs, for a caller that sends them with its other writes. */
export function timerRowStatements(
  manager: EntityManager,
  disputeId: string,
  changes: TimerChanges,
  at: Date,
  cancelReason: string,
): Statement[] {
  const statements: Statement[] = [];
  const codec = RowCodec.of(manager, TimerEntity);
  if (changes.armed.length > 0) {
    const rows = changes.armed.map((t): TimerEntity => ({
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
    }));
    statements.push(codec.insert(rows));
  }
  if (changes.cancelled.length > 0) {
    const ids = Object.fromEntries(
      changes.cancelled.map((t, i) => [`id${i}`, timerRowId(disputeId, t.id)]),
    );
    const list = Object.keys(ids)
      .map((name) => `:${name}`)
      .join(', ');
    statements.push(
      codec.update(
        { status: 'cancelled', cancelReason },
        `id IN (${list}) AND status = :scheduled`,
        { ...ids, scheduled: 'scheduled' },
      ),
    );
  }
  return statements;
}
