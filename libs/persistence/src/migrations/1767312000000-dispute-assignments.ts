import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';

/** Who sits on a case, for the lawyer's and panel member's view of "my cases". */
export class DisputeAssignments1767312000000 implements MigrationInterface {
  readonly name = 'DisputeAssignments1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(dialectOf(queryRunner));
    await queryRunner.createTable(
      new Table({
        name: 'dispute_assignments',
        columns: [
          c.primaryKey('dispute_assignments'),
          c.varchar('dispute_id', 36),
          c.varchar('user_id', 36),
          c.varchar('capacity', 32),
          c.timestamp('assigned_at'),
        ],
        foreignKeys: [
          {
            name: 'fk_dispute_assignments_dispute_id',
            columnNames: ['dispute_id'],
            referencedTableName: 'disputes',
            referencedColumnNames: ['id'],
          },
        ],
        indices: [
          { name: 'ix_dispute_assignments_user_id', columnNames: ['user_id'] },
          { name: 'ix_dispute_assignments_dispute_id', columnNames: ['dispute_id'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('dispute_assignments');
  }
}
