import type { DataSource } from 'typeorm';

/**
 * The statements `work` issues through this DataSource, with their parameters: TypeORM's query
 * logger is swapped for a recorder while it runs (the product's logging options are untouched).
 */
export async function captureQueries(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<{ sql: string; parameters: unknown[] }[]> {
  const logger = dataSource.logger;
  const statements: { sql: string; parameters: unknown[] }[] = [];
  const tapped = Object.create(logger) as typeof logger;
  tapped.logQuery = (query: string, parameters?: unknown[]) => {
    statements.push({ sql: query, parameters: parameters ?? [] });
  };
  const writable = dataSource as { logger: typeof logger };
  writable.logger = tapped;
  try {
    await work();
  } finally {
    writable.logger = logger;
  }
  return statements;
}
