import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';
import { appendOnly, dropAppendOnly } from './1767571200000-sealed-audit-trail';

const AUDIT = 'account_audit';

/**
 * Revocable accounts: `users.token_version` (tokens carry it; logout, deactivation, password and
 * role changes bump it) and the sealed, append-only admin audit log of account changes.
 */
export class AccountRevocation1767571300000 implements MigrationInterface {
  readonly name = 'AccountRevocation1767571300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(dialectOf(queryRunner));
    await queryRunner.query(`ALTER TABLE "users" ADD COLUMN "token_version" integer`);
    await queryRunner.createTable(
      new Table({
        name: AUDIT,
        columns: [
          c.primaryKey(AUDIT),
          c.integer('seq'),
          c.timestamp('at'),
          c.varchar('actor_id', 36),
          c.varchar('actor_role', 32),
          c.varchar('action', 64),
          c.varchar('target_id', 36),
          c.json('details'),
          c.varchar('key_id', 32),
          c.varchar('prev_hash', 64),
          c.varchar('hash', 64),
        ],
        uniques: [{ name: 'uq_account_audit_seq', columnNames: ['seq'] }],
        checks: [{ name: 'ck_account_audit_seq', expression: 'seq >= 1' }],
      }),
    );
    await appendOnly(queryRunner, AUDIT);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnly(queryRunner, AUDIT);
    await queryRunner.dropTable(AUDIT);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
