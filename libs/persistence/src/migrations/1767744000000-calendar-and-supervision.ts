import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';

/**
 * The business calendar's years as admins edit them (the shipped official years need no row),
 * and supervision notices (督办) with their acknowledgement.
 */
export class CalendarAndSupervision1767744000000 implements MigrationInterface {
  readonly name = 'CalendarAndSupervision1767744000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(dialectOf(queryRunner));
    await queryRunner.createTable(
      new Table({
        name: 'calendar_years',
        columns: [
          {
            ...c.integer('year'),
            isPrimary: true,
            primaryKeyConstraintName: 'pk_calendar_years',
          },
          c.json('holidays'),
          c.json('make_up_days'),
          c.varchar('source', 200, { nullable: true }),
          c.varchar('updated_by', 36, { nullable: true }),
          c.timestamp('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'supervision_notices',
        columns: [
          c.primaryKey('supervision_notices'),
          c.varchar('dispute_id', 36),
          c.varchar('street_code', 64),
          c.varchar('issued_by', 36),
          c.text('reason'),
          c.timestamp('due_by'),
          c.timestamp('issued_at'),
          c.varchar('acknowledged_by', 36, { nullable: true }),
          c.timestamp('acknowledged_at', { nullable: true }),
          c.text('acknowledgement', { nullable: true }),
        ],
        foreignKeys: [
          {
            name: 'fk_supervision_notices_dispute_id',
            columnNames: ['dispute_id'],
            referencedTableName: 'disputes',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'ix_supervision_notices_dispute_id', columnNames: ['dispute_id'] },
          {
            name: 'ix_supervision_notices_street_code_issued_at',
            columnNames: ['street_code', 'issued_at'],
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('supervision_notices');
    await queryRunner.dropTable('calendar_years');
  }
}
