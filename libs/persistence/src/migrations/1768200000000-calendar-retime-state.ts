import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';

/**
 * When the deadlines were last counted again on an edited calendar year. A calendar edit
 * re-times the open cases' deadlines in a background job (not inside the admin's request);
 * `retimed_at` NULL means that job has not finished for the year's latest edit, and the
 * worker's reconcile loop queues it again (so a lost job, a FLUSHALL or a crash costs nothing).
 * Rows edited before this column existed start NULL: they are re-timed once, harmlessly.
 */
export class CalendarRetimeState1768200000000 implements MigrationInterface {
  readonly name = 'CalendarRetimeState1768200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const column = columnsFor(dialect).timestamp('retimed_at', { nullable: true });
    if (dialect === 'postgres') {
      await queryRunner.addColumn('calendar_years', new TableColumn(column));
    } else {
      // TypeORM rebuilds a SQLite table to add a column; ALTER TABLE ADD COLUMN does not need to.
      await queryRunner.query(
        `ALTER TABLE "calendar_years" ADD COLUMN "retimed_at" ${String(column.type)}`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('calendar_years', 'retimed_at');
  }
}
