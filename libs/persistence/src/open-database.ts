import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from './data-source-options';
import { runMigrations } from './run-migrations';
import { createDataSource } from './tricolor-data-source';

export interface OpenDatabaseOptions extends DatabaseConfig {
  /** Run pending migrations before returning (default true). */
  migrate?: boolean;
}

/** Signals that the database was reached but its schema could not be brought up to date. */
export class MigrationFailedError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Database migration failed: ${reason}`, { cause });
    this.name = 'MigrationFailedError';
  }
}

/** Connects (creating the SQLite file if need be) and migrates. For scripts, workers and tests. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DataSource> {
  return initialize(createDataSource(options), options.migrate ?? true);
}

/** Initializes `dataSource` and migrates it; closes it again if migrating fails. */
export async function initialize(dataSource: DataSource, migrate: boolean): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  if (!migrate) return dataSource;
  try {
    await runMigrations(dataSource);
    return dataSource;
  } catch (error) {
    await dataSource.destroy();
    throw new MigrationFailedError(error);
  }
}
