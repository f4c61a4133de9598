import { Injectable } from '@nestjs/common';
import { RowCodec, TimerEntity, TransactionRunner, runStatement } from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import type { DisputeEntity } from '@tricolor/persistence';
import { loadForTransition, type ChainHead } from '../disputes/dispute-finder';
import { TimerWakeUps } from './timer-wake-ups';
import type { TimerChanges } from './timer-rows';
import { addToLogContext } from '../ops/request-context';

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
      const claim = await claimTimer(m, rowId, now);
      if (!claim.row) return { outcome: claim.refusal };
      const { row, latenessMs } = claim;
      addToLogContext({ caseId: row.disputeId });

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

type Claim =
  | { row: TimerEntity; latenessMs: number; refusal?: undefined }
  | { row?: undefined; refusal: Exclude<FireOutcome, { result: 'fired' }> };

/**
 * Claims a due, scheduled timer row (scheduled → fired, with its lateness) in one statement;
 * only when that claims nothing is the row read, to say why.
 */
async function claimTimer(m: EntityManager, rowId: string, now: Date): Promise<Claim> {
  const timers = RowCodec.of(m, TimerEntity);
  const lateness =
    timers.dialect === 'postgres'
      ? 'CAST(ROUND(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - due_at)) * 1000) AS bigint)'
      : 'CAST(ROUND((julianday(:now) - julianday(due_at)) * 86400000) AS INTEGER)';
  const values: unknown[] = [];
  const sql = timers.bind(
    `UPDATE timers SET status = 'fired', fired_at = :now, lateness_ms = ${lateness}
     WHERE id = :id AND status = 'scheduled' AND due_at <= :now
     RETURNING ${timers.returningList()}`,
    { now: timers.stored('firedAt', now), id: rowId },
    values,
  );
  const [claimed] = (await runStatement(m, [sql, values])).rows;
  if (claimed) {
    const row = timers.hydrate(claimed);
    return { row, latenessMs: row.latenessMs ?? now.getTime() - row.dueAt.getTime() };
  }
  const row = await m.findOne(TimerEntity, { where: { id: rowId } });
  if (!row) return { refusal: { result: 'unknown' } };
  if (row.status === 'fired') return { refusal: { result: 'already_fired' } };
  if (row.status === 'cancelled') return { refusal: { result: 'cancelled' } };
  return { refusal: { result: 'early', dueAt: row.dueAt } };
}
