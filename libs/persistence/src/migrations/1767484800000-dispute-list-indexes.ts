import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dialectOf } from './schema-kit';

// The case list is ORDER BY created_at DESC, id DESC LIMIT n, alone or under one unit column
// (the caller's jurisdiction or the `unit` filter): an index per shape lets it walk the index in
// order and stop after n rows. The composites start with the old single-column indexes' column,
// so they replace them (one index fewer to write on every case update).
const REPLACED = [
  { old: 'ix_disputes_created_at', name: 'ix_disputes_created_at_id', columns: ['created_at'] },
  {
    old: 'ix_disputes_community_code',
    name: 'ix_disputes_community_code_created_at_id',
    columns: ['community_code', 'created_at'],
  },
  {
    old: 'ix_disputes_grid_code',
    name: 'ix_disputes_grid_code_created_at_id',
    columns: ['grid_code', 'created_at'],
  },
] as const;

const ADDED = {
  name: 'ix_disputes_street_code_created_at_id',
  columns: ['street_code', 'created_at'],
} as const;

/** Text search, PostgreSQL only: trigram indexes serve `LOWER(column) LIKE '%…%'`. */
const TRIGRAM = ['title', 'description', 'reference'] as const;
const trigramIndex = (column: string) => `ix_disputes_${column}_trgm`;

export class DisputeListIndexes1767484800000 implements MigrationInterface {
  readonly name = 'DisputeListIndexes1767484800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const r of REPLACED) {
      await queryRunner.dropIndex('disputes', r.old);
      await queryRunner.createIndex(
        'disputes',
        new TableIndex({ name: r.name, columnNames: [...r.columns, 'id'] }),
      );
    }
    await queryRunner.createIndex(
      'disputes',
      new TableIndex({ name: ADDED.name, columnNames: [...ADDED.columns, 'id'] }),
    );
    if (dialectOf(queryRunner) === 'postgres' && (await trigramsAvailable(queryRunner))) {
      for (const column of TRIGRAM) {
        await queryRunner.query(
          `CREATE INDEX "${trigramIndex(column)}" ON "disputes" USING gin (lower("${column}") gin_trgm_ops)`,
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) === 'postgres') {
      // The extension stays: other databases' objects may use it, and it is harmless unused.
      for (const column of TRIGRAM) {
        await queryRunner.query(`DROP INDEX IF EXISTS "${trigramIndex(column)}"`);
      }
    }
    await queryRunner.dropIndex('disputes', ADDED.name);
    for (const r of [...REPLACED].reverse()) {
      await queryRunner.dropIndex('disputes', r.name);
      await queryRunner.createIndex(
        'disputes',
        new TableIndex({ name: r.old, columnNames: [r.columns[0]] }),
      );
    }
  }
}

/**
 * pg_trgm ships with PostgreSQL's contrib package and needs CREATE on the database to install.
 * Where it cannot be had, text search still works, by a scan: the schema must not depend on it.
 * Migrations run in one transaction, so the attempt sits behind a savepoint: a failed CREATE
 * EXTENSION would otherwise abort everything else.
 */
async function trigramsAvailable(queryRunner: QueryRunner): Promise<boolean> {
  await queryRunner.query('SAVEPOINT tricolor_pg_trgm');
  try {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('RELEASE SAVEPOINT tricolor_pg_trgm');
    return true;
  } catch {
    await queryRunner.query('ROLLBACK TO SAVEPOINT tricolor_pg_trgm');
    return false;
  }
}
