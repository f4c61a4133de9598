import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';

/** Evidence and signed scans on a case (the case file, 卷宗). */
export class Attachments1767830400000 implements MigrationInterface {
  readonly name = 'Attachments1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(dialectOf(queryRunner));
    await queryRunner.createTable(
      new Table({
        name: 'attachments',
        columns: [
          c.primaryKey('attachments'),
          c.varchar('dispute_id', 36),
          c.varchar('name', 200),
          c.varchar('media_type', 32),
          c.integer('size'),
          c.varchar('sha256', 64),
          c.varchar('storage_key', 200),
          c.varchar('added_by', 36),
          c.timestamp('added_at'),
          c.integer('added_seq'),
          c.timestamp('withdrawn_at', { nullable: true }),
          c.varchar('withdrawn_by', 36, { nullable: true }),
          c.text('withdrawn_reason', { nullable: true }),
        ],
        foreignKeys: [
          {
            name: 'fk_attachments_dispute_id',
            columnNames: ['dispute_id'],
            referencedTableName: 'disputes',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [{ name: 'ix_attachments_dispute_id', columnNames: ['dispute_id'] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('attachments');
  }
}
