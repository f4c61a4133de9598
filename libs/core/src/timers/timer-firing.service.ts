import { Injectable, Logger } from '@nestjs/common';
import {
  DeferredWrites,
  RowCodec,
  TimerEntity,
  TransactionRunner,
  runStatement,
} from '@tricolor/persistence';
import type { EntityManager } from 'typeorm';
import type { DisputeEntity } from '@tricolor/persistence';
import { loadManyForFiring, type ChainHead } from '../disputes/dispute-finder';
import { shareRecipientReads } from '../notifications/recipients';
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
  /**
   * Where the reaction puts its writes (its transition's, its notices): the batch sends every
   * firing's writes together once all have reacted, in the claim's transaction.
   */
  writes: DeferredWrites;
}

/** What a processor does with a timer it claimed; returns the timer changes a transition made. */
export type TimerReaction = (
  ctx: FiringContext,
) => Promise<{ disputeId: string; timers: TimerChanges } | null>;

export type FireOutcome =
  | { result: 'fired'; latenessMs: number }
  | { result: 'early'; dueAt: Date }
  | { result: 'unknown' | 'already_fired' | 'cancelled' | 'stale' };

/** One timer of a batch and what became of it. */
export interface BatchFiring {
  rowId: string;
  disputeId: string;
  kind: string;
  outcome: FireOutcome | { result: 'error'; error: Error } | { result: 'deferred' };
}

export interface BatchReport {
  /** Every row the batch claimed (fired or stale), failed or put back for later. */
  firings: BatchFiring[];
  /** The most rows the batch could claim: a batch that claimed as many suggests more are due. */
  limit: number;
}

export interface DueOptions {
  now?: Date;
  /** Rows claimed per transaction. */
  limit?: number;
  /** Rows not to claim (their reaction failed earlier in this drain; a later wake-up retries). */
  skip?: readonly string[];
}

/** Rows per batch: 200 on PostgreSQL, 50 on SQLite (one process, where HTTP waits its turn). */
export const BATCH_LIMIT = { postgres: 200, sqlite: 50 } as const;

interface Claimed {
  row: TimerEntity;
  latenessMs: number;
}

/**
 * Fires timers exactly once, in batches. One transaction claims up to a batch of due, scheduled
 * rows (`scheduled → fired`, with their lateness; on PostgreSQL `FOR UPDATE SKIP LOCKED`, so
 * workers share a storm without waiting for each other), loads their cases in one statement,
 * lets each timer's reaction step its case, and sends every firing's writes together. A crash
 * before commit leaves every row scheduled for another try; a second worker finds them fired.
 *
 * The guards stay per timer: a timer the case has moved past (not in the snapshot's armed timers
 * any more) changes nothing ("stale"), a batch takes at most one timer per case (the next sees
 * the case as the first left it), and a timer whose reaction throws is put back, scheduled.
 */
@Injectable()
export class TimerFiring {
  private readonly log = new Logger(TimerFiring.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly wakeUps: TimerWakeUps,
  ) {}

  /** Fires one timer, by the same path as a batch; says why it did not when it did not. */
  async fire(rowId: string, react: TimerReaction, now = new Date()): Promise<FireOutcome> {
    const report = await this.run(() => react, { now, only: rowId });
    const mine = report.firings.find((f) => f.rowId === rowId);
    if (mine) {
      if (mine.outcome.result === 'error') throw mine.outcome.error;
      if (mine.outcome.result !== 'deferred') return mine.outcome;
    }
    return this.tx.run((m) => whyNot(m, rowId));
  }

  /**
   * Claims and fires one batch of the timers due at `now`; an empty report when none is due.
   * A reaction that throws costs only its own timer (put back, scheduled, and reported).
   */
  fireDue(reactionFor: (row: TimerEntity) => TimerReaction, options: DueOptions = {}) {
    return this.run(reactionFor, options);
  }

  private async run(
    reactionFor: (row: TimerEntity) => TimerReaction,
    { now = new Date(), limit, skip = [], only }: DueOptions & { only?: string },
  ): Promise<BatchReport> {
    const changes: { disputeId: string; timers: TimerChanges }[] = [];
    let batchLimit = limit ?? BATCH_LIMIT.postgres;
    const firings = await this.tx.run(async (m) => {
      shareRecipientReads(m);
      const dialect = RowCodec.of(m, TimerEntity).dialect;
      batchLimit = limit ?? BATCH_LIMIT[dialect];
      const claimed = await claimDue(m, now, batchLimit, skip, only);
      if (claimed.length === 0) return [];
      const cases = await loadManyForFiring(m, [...new Set(claimed.map((c) => c.row.disputeId))]);
      const writes = new DeferredWrites();
      const putBack: string[] = [];
      const done: BatchFiring[] = [];
      for (const { row, latenessMs } of claimed) {
        const loaded = cases.get(row.disputeId);
        if (!loaded) {
          // Its case is held by another transaction: left scheduled, for the next batch.
          putBack.push(row.id);
          done.push({
            rowId: row.id,
            disputeId: row.disputeId,
            kind: row.kind,
            outcome: { result: 'deferred' },
          });
          continue;
        }
        const { dispute, head } = loaded;
        const timerId = row.id.slice(dispute.id.length + 1);
        // The same visit of the same state: the snapshot still has this timer armed.
        if (!dispute.snapshot.context.timers.some((t) => t.id === timerId)) {
          done.push({
            rowId: row.id,
            disputeId: row.disputeId,
            kind: row.kind,
            outcome: { result: 'stale' },
          });
          continue;
        }
        const own = new DeferredWrites();
        try {
          const changed = await reactionFor(row)({
            m,
            row,
            dispute,
            head,
            timerId,
            now,
            writes: own,
          });
          writes.append(own);
          if (changed) changes.push(changed);
          done.push({
            rowId: row.id,
            disputeId: row.disputeId,
            kind: row.kind,
            outcome: { result: 'fired', latenessMs },
          });
        } catch (error) {
          putBack.push(row.id);
          done.push({
            rowId: row.id,
            disputeId: row.disputeId,
            kind: row.kind,
            outcome: { result: 'error', error: error as Error },
          });
        }
      }
      if (putBack.length > 0) await unclaim(m, putBack);
      await writes.run(m);
      return done;
    });
    for (const c of changes) this.wakeUps.afterCommit(c.disputeId, c.timers);
    const failed = firings.filter((f) => f.outcome.result === 'error');
    if (failed.length > 0 && only === undefined) {
      this.log.warn(`${failed.length} timer(s) of a batch failed and were put back`);
    }
    return { firings, limit: batchLimit };
  }
}

/**
 * Claims up to `limit` due, scheduled rows, at most one per case, in one statement; PostgreSQL
 * skips rows another worker holds. Returns them with their lateness, in due order.
 */
async function claimDue(
  m: EntityManager,
  now: Date,
  limit: number,
  skip: readonly string[],
  only: string | undefined,
): Promise<Claimed[]> {
  const timers = RowCodec.of(m, TimerEntity);
  const postgres = timers.dialect === 'postgres';
  const lateness = postgres
    ? 'CAST(ROUND(EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - due_at)) * 1000) AS bigint)'
    : 'CAST(ROUND((julianday(:now) - julianday(due_at)) * 86400000) AS INTEGER)';
  const restrict = only === undefined ? '' : ' AND id = :only';
  const values: unknown[] = [];
  const sql = postgres
    ? `WITH c AS (
         SELECT id, dispute_id, due_at FROM timers
         WHERE status = 'scheduled' AND due_at <= :now AND id <> ALL(:skip)${restrict}
         ORDER BY due_at, id LIMIT :limit FOR UPDATE SKIP LOCKED),
       first AS (SELECT DISTINCT ON (dispute_id) id FROM c ORDER BY dispute_id, due_at, id)
       UPDATE timers SET status = 'fired', fired_at = :now, lateness_ms = ${lateness}
       WHERE id IN (SELECT id FROM first)
       RETURNING ${timers.returningList()}`
    : `UPDATE timers SET status = 'fired', fired_at = :now, lateness_ms = ${lateness}
       WHERE id IN (
         SELECT id FROM (
           SELECT id, ROW_NUMBER() OVER (PARTITION BY dispute_id ORDER BY due_at, id) AS rn
           FROM (SELECT id, dispute_id, due_at FROM timers
                 WHERE status = 'scheduled' AND due_at <= :now
                   AND id NOT IN (SELECT value FROM json_each(:skip))${restrict}
                 ORDER BY due_at, id LIMIT :limit))
         WHERE rn = 1)
       RETURNING ${timers.returningList()}`;
  const bound = timers.bind(
    sql,
    {
      now: timers.stored('firedAt', now),
      skip: postgres ? [...skip] : JSON.stringify(skip),
      limit,
      ...(only === undefined ? {} : { only }),
    },
    values,
  );
  const { rows } = await runStatement(m, [bound, values]);
  return rows
    .map((raw) => {
      const row = timers.hydrate(raw);
      return { row, latenessMs: row.latenessMs ?? now.getTime() - row.dueAt.getTime() };
    })
    .sort(
      (a, b) => a.row.dueAt.getTime() - b.row.dueAt.getTime() || (a.row.id < b.row.id ? -1 : 1),
    );
}

/** Puts claimed rows back as they were: scheduled, never fired. */
async function unclaim(m: EntityManager, ids: readonly string[]): Promise<void> {
  const timers = RowCodec.of(m, TimerEntity);
  const params = Object.fromEntries(ids.map((id, i) => [`id${i}`, id]));
  const list = Object.keys(params)
    .map((name) => `:${name}`)
    .join(', ');
  await runStatement(
    m,
    timers.update(
      { status: 'scheduled', firedAt: null, latenessMs: null },
      `id IN (${list})`,
      params,
    ),
  );
}

/** Why a row was not claimed: it does not exist, already fired, was cancelled or is not due. */
async function whyNot(m: EntityManager, rowId: string): Promise<FireOutcome> {
  const row = await m.findOne(TimerEntity, { where: { id: rowId } });
  if (!row) return { result: 'unknown' };
  if (row.status === 'fired') return { result: 'already_fired' };
  if (row.status === 'cancelled') return { result: 'cancelled' };
  return { result: 'early', dueAt: row.dueAt };
}
