import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';
import { appendOnly, dropAppendOnly } from './1767571200000-sealed-audit-trail';

const TABLE = 'personal_data_reads';

/** The record of every unmasked read of a party's numbers (who, when, which case). */
export class PersonalDataReads1767571400000 implements MigrationInterface {
  readonly name = 'PersonalDataReads1767571400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(dialectOf(queryRunner));
    await queryRunner.createTable(
      new Table({
        name: TABLE,
        columns: [
          c.primaryKey(TABLE),
          c.varchar('dispute_id', 36),
          c.varchar('user_id', 36),
          c.timestamp('at'),
          c.varchar('via', 64),
        ],
        indices: [
          { name: 'ix_personal_data_reads_dispute_id_at', columnNames: ['dispute_id', 'at'] },
        ],
      }),
    );
    await appendOnly(queryRunner, TABLE);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnly(queryRunner, TABLE);
    await queryRunner.dropTable(TABLE);
  }
}
