import { Client } from 'pg';
import { sleep } from '../measure';

/**
 * How PostgreSQL carried out the stage's updates of the case tables: how many were HOT (a new row
 * version on the same page, no index touched) and which indexes each non-HOT update had to
 * write. Read from pg_stat_user_tables before and after the runs.
 */
export interface DisputesTableStats {
  tables: {
    table: string;
    updates: number;
    hotUpdates: number;
    inserts: number;
    fillfactor: number;
    indexes: string[];
  }[];
}

const TABLES = ['disputes', 'dispute_states', 'dispute_events'];

export async function disputesTableStats(url: string): Promise<DisputesTableStats> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Backends flush their counters at most once a second; give the last ones time to land.
    await sleep(1200);
    await client.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await client.query<{
      table: string;
      updates: string;
      hot: string;
      inserts: string;
      options: string[] | null;
      indexes: string[] | null;
    }>(
      `SELECT c.relname AS table, s.n_tup_upd AS updates, s.n_tup_hot_upd AS hot,
              s.n_tup_ins AS inserts, c.reloptions AS options,
              (SELECT array_agg(i.indexrelname::text ORDER BY i.indexrelname)
                 FROM pg_stat_user_indexes i WHERE i.relid = c.oid) AS indexes
         FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid
        WHERE c.relname = ANY($1)`,
      [TABLES],
    );
    return {
      tables: rows.map((r) => ({
        table: r.table,
        updates: Number(r.updates),
        hotUpdates: Number(r.hot),
        inserts: Number(r.inserts),
        fillfactor: Number(
          (r.options ?? []).find((o) => o.startsWith('fillfactor='))?.split('=')[1] ?? 100,
        ),
        indexes: r.indexes ?? [],
      })),
    };
  } finally {
    await client.end();
  }
}

/** The counters' change from `before` to `after`. */
export function since(before: DisputesTableStats, after: DisputesTableStats): DisputesTableStats {
  return {
    tables: after.tables.map((t) => {
      const b = before.tables.find((x) => x.table === t.table);
      return {
        ...t,
        updates: t.updates - (b?.updates ?? 0),
        hotUpdates: t.hotUpdates - (b?.hotUpdates ?? 0),
        inserts: t.inserts - (b?.inserts ?? 0),
      };
    }),
  };
}
