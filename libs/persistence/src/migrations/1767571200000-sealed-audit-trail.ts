import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from './schema-kit';

/** Frozen copy of the table the triggers guard (see schema-kit: no entity metadata here). */
const TABLE = 'dispute_events';

/**
 * Keyed audit seals and an append-only trail:
 * - `dispute_events.key_id`: the AUDIT_KEYS key whose HMAC seals the record (null on older,
 *   plain SHA-256 records, which verify reports as unsealed);
 * - triggers that refuse UPDATE, DELETE (and on PostgreSQL TRUNCATE) of audit records, so a bug
 *   or a stray statement cannot rewrite history. A database owner can still drop a trigger: the
 *   HMAC seal is what makes such a rewrite visible.
 */
export class SealedAuditTrail1767571200000 implements MigrationInterface {
  readonly name = 'SealedAuditTrail1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${TABLE}" ADD COLUMN "key_id" varchar(32)`);
    await appendOnly(queryRunner, TABLE);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAppendOnly(queryRunner, TABLE);
    await queryRunner.query(`ALTER TABLE "${TABLE}" DROP COLUMN "key_id"`);
  }
}

/** Makes `table` refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL). */
export async function appendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  if (dialectOf(queryRunner) === 'postgres') {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION tricolor_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
       FOR EACH ROW EXECUTE FUNCTION tricolor_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
       FOR EACH STATEMENT EXECUTE FUNCTION tricolor_append_only()`,
    );
    return;
  }
  for (const op of ['UPDATE', 'DELETE']) {
    await queryRunner.query(
      `CREATE TRIGGER "tg_${table}_no_${op.toLowerCase()}" BEFORE ${op} ON "${table}"
       BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused'); END`,
    );
  }
}

export async function dropAppendOnly(queryRunner: QueryRunner, table: string): Promise<void> {
  if (dialectOf(queryRunner) === 'postgres') {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tg_${table}_append_only" ON "${table}"`);
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tg_${table}_no_truncate" ON "${table}"`);
    return;
  }
  for (const op of ['update', 'delete']) {
    await queryRunner.query(`DROP TRIGGER IF EXISTS "tg_${table}_no_${op}"`);
  }
}
