import type { DataSource } from 'typeorm';
import { driverOf } from './data-source-options';

// Any constant shared by every replica: pg_advisory_lock takes a bigint key.
const MIGRATION_LOCK_KEY = 7_142_853_001;

/**
 * Runs pending migrations in one transaction and returns their names. On PostgreSQL it holds a
 * session advisory lock meanwhile, so replicas that start together migrate one at a time and the
 * others then find nothing pending.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const migrate = async () =>
    (await dataSource.runMigrations({ transaction: 'all' })).map((m) => m.name);

  if (driverOf(dataSource) === 'sqlite') return migrate();

  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await migrate();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
  }
}
