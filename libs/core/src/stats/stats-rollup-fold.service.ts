import { Injectable } from '@nestjs/common';
import { TransactionRunner, driverOf } from '@tricolor/persistence';
import { FOLD_SQL_POSTGRES, FOLD_SQL_SQLITE } from './rollup-sql';

/** Changes folded per transaction on PostgreSQL: a short transaction, whatever has piled up. */
const BATCH = 20_000;
// Folds take turns (pg_try_advisory_xact_lock): a second worker skips instead of waiting.
const FOLD_LOCK = 0x7374_6174; // 'stat'

/**
 * Moves the changes the triggers on `disputes` wrote (stats_closed_changes) into the roll-up of
 * closed cases, each batch in one transaction: GET /stats reads both, so a fold changes how fast
 * it answers, never what. The timer worker runs it on its reconcile loop (StatsRollupSweep).
 */
@Injectable()
export class StatsRollupFold {
  constructor(private readonly tx: TransactionRunner) {}

  /** Folds every change committed so far; answers how many (0 if another fold was running). */
  async fold(): Promise<number> {
    let total = 0;
    for (;;) {
      const folded = await this.tx.run(async (m) => {
        if (driverOf(m.connection) === 'sqlite') {
          const [row] = await m.query<{ n: number }[]>(
            'SELECT count(*) AS n FROM stats_closed_changes',
          );
          for (const sql of FOLD_SQL_SQLITE) await m.query(sql);
          return Number(row?.n ?? 0);
        }
        const [lock] = await m.query<{ ok: boolean }[]>(
          'SELECT pg_try_advisory_xact_lock($1) AS ok',
          [FOLD_LOCK],
        );
        if (!lock?.ok) return 0;
        const [row] = await m.query<{ folded: number }[]>(FOLD_SQL_POSTGRES, [BATCH]);
        return Number(row?.folded ?? 0);
      });
      total += folded;
      if (folded < BATCH) return total;
    }
  }
}
