import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { ALL_MIGRATIONS } from './migrations';

export interface DatabaseConfig {
  /** `postgres://…`; unset means the embedded SQLite file under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** PostgreSQL connections; at least 2 (one holds the migration lock while another migrates). */
  poolSize?: number;
}

export type DatabaseDriver = 'sqlite' | 'postgres';

export const SQLITE_FILE_NAME = 'tricolor.sqlite';
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export const driverOf = (source: DataSource | DataSourceOptions): DatabaseDriver => {
  const options = source instanceof DataSource ? source.options : source;
  return options.type === 'postgres' ? 'postgres' : 'sqlite';
};

/** The TypeORM options for either driver. Schema changes come only from ALL_MIGRATIONS. */
export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    entities: ALL_ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    // Run explicitly (runMigrations), under a lock, so replicas starting together do not race.
    migrationsRun: false,
  } as const;

  if (!config.databaseUrl) {
    return {
      ...common,
      type: 'better-sqlite3',
      database: path.join(config.dataDir, SQLITE_FILE_NAME),
      // WAL lets readers (backups, the sqlite3 shell) work beside the writer; foreign keys are
      // switched on by the driver itself.
      enableWAL: true,
      // better-sqlite3's `timeout` is SQLite's busy_timeout.
      timeout: SQLITE_BUSY_TIMEOUT_MS,
    };
  }
  return {
    ...common,
    type: 'postgres',
    url: config.databaseUrl,
    poolSize: config.poolSize ?? 10,
    applicationName: 'tricolor',
    // Counts and bigint columns come back as numbers, as they do from SQLite.
    parseInt8: true,
    // The schema needs no extension; do not ask for rights to install one.
    installExtensions: false,
    // JIT compilation cost 1.2 s of a 1.6 s /stats query at 100k cases (bench/results/plans.md);
    // these short queries never earn it back.
    extra: { options: '-c jit=off' },
  };
}
