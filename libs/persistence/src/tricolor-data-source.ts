import { DataSource } from 'typeorm';
import { dataSourceOptions, driverOf, type DatabaseConfig } from './data-source-options';

/**
 * A DataSource whose metadata matches the migrations on both drivers. Timestamp columns are
 * declared with the JS `Date` type, the one type both drivers accept, which TypeORM maps to
 * `timestamp` (without time zone) on PostgreSQL; the migrations create `timestamptz`. Saying so
 * in the metadata keeps schema diffs (migration:generate, the drift test) honest. Values are
 * converted identically for both types, so this changes no reads or writes.
 */
export class TricolorDataSource extends DataSource {
  protected override async buildMetadatas(): Promise<void> {
    await super.buildMetadatas();
    if (driverOf(this) !== 'postgres') return;
    for (const column of this.entityMetadatas.flatMap((metadata) => metadata.columns)) {
      if (column.type === Date) column.type = 'timestamptz';
    }
  }
}

export const createDataSource = (config: DatabaseConfig): TricolorDataSource =>
  new TricolorDataSource(dataSourceOptions(config));
