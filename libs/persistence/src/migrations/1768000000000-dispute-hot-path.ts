import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';

// Frozen names (see schema-kit).
const TEXTS = 'dispute_texts';
const TRIGRAM = ['title', 'description', 'reference'] as const;
const oldTrigram = (column: string) => `ix_disputes_${column}_trgm`;
const newTrigram = (column: string) => `ix_dispute_texts_${column}_trgm`;
const OVERDUE = 'ix_disputes_overdue_created_at_id';
/** Room on each page for a case's next row version, so an update that may be HOT can be. */
const FILLFACTOR = 90;

/**
 * A transition's UPDATE of `disputes` writes a new entry into every index of the table unless it
 * is HOT (no indexed column changed and the new version fits on the same page). Before this
 * migration no transition was HOT and each one wrote 15 index entries, three of them into GIN
 * trigram indexes that re-extracted the trigrams of a title and description that never change.
 *
 * - The searchable text gets a table of its own, `dispute_texts`, filled by triggers on
 *   `disputes` (insert, and an update that changes the text), and the trigram indexes move there.
 * - `ix_disputes_tier` goes (three values: a tier filter walks the created_at indexes) and the
 *   overdue index becomes (created_at, id) WHERE overdue: a case enters it only while overdue.
 * - PostgreSQL: fillfactor 90 on `disputes`, so the transitions that change no indexed column
 *   (the ones that keep status, tier and deadline) are HOT.
 */
export class DisputeHotPath1768000000000 implements MigrationInterface {
  readonly name = 'DisputeHotPath1768000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const c = columnsFor(dialect);
    await queryRunner.createTable(
      new Table({
        name: TEXTS,
        columns: [
          c.primaryKey(TEXTS),
          c.text('title'),
          c.text('description'),
          c.varchar('reference', 32),
        ],
        foreignKeys: [
          {
            name: 'fk_dispute_texts_id',
            columnNames: ['id'],
            referencedTableName: 'disputes',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO "${TEXTS}" (id, title, description, reference)
       SELECT id, title, description, reference FROM disputes`,
    );
    if (dialect === 'postgres') {
      await queryRunner.query(`
        CREATE FUNCTION tricolor_dispute_texts() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO ${TEXTS} (id, title, description, reference)
          VALUES (NEW.id, NEW.title, NEW.description, NEW.reference)
          ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title,
            description = EXCLUDED.description, reference = EXCLUDED.reference;
          RETURN NULL;
        END $$`);
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_texts_insert AFTER INSERT ON disputes
        FOR EACH ROW EXECUTE FUNCTION tricolor_dispute_texts()`);
      // UPDATE OF: a transition's update names none of these columns and never fires it.
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_texts_update AFTER UPDATE OF title, description, reference
        ON disputes FOR EACH ROW
        WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.description IS DISTINCT FROM NEW.description
          OR OLD.reference IS DISTINCT FROM NEW.reference)
        EXECUTE FUNCTION tricolor_dispute_texts()`);
      const trigrams = await hasIndex(queryRunner, oldTrigram('title'));
      // The trigram indexes exist only where pg_trgm could be installed (1767484800000).
      if (trigrams) {
        for (const column of TRIGRAM) {
          await queryRunner.query(`DROP INDEX "${oldTrigram(column)}"`);
          await queryRunner.query(
            `CREATE INDEX "${newTrigram(column)}" ON "${TEXTS}" USING gin (lower("${column}") gin_trgm_ops)`,
          );
        }
      }
      await queryRunner.query(`ALTER TABLE disputes SET (fillfactor = ${FILLFACTOR})`);
    } else {
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_texts_insert AFTER INSERT ON disputes FOR EACH ROW
        BEGIN
          INSERT INTO ${TEXTS} (id, title, description, reference)
          VALUES (NEW.id, NEW.title, NEW.description, NEW.reference);
        END`);
      await queryRunner.query(`
        CREATE TRIGGER tr_disputes_texts_update AFTER UPDATE OF title, description, reference
        ON disputes FOR EACH ROW BEGIN
          UPDATE ${TEXTS} SET title = NEW.title, description = NEW.description,
            reference = NEW.reference WHERE id = NEW.id;
        END`);
    }
    await queryRunner.dropIndex('disputes', 'ix_disputes_tier');
    await queryRunner.dropIndex('disputes', 'ix_disputes_overdue');
    await queryRunner.query(
      `CREATE INDEX "${OVERDUE}" ON "disputes" ("created_at", "id") WHERE overdue = ${dialect === 'postgres' ? 'true' : '1'}`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    await queryRunner.query(`DROP INDEX "${OVERDUE}"`);
    await queryRunner.createIndex(
      'disputes',
      new TableIndex({ name: 'ix_disputes_overdue', columnNames: ['overdue'] }),
    );
    await queryRunner.createIndex(
      'disputes',
      new TableIndex({ name: 'ix_disputes_tier', columnNames: ['tier'] }),
    );
    await queryRunner.query('DROP TRIGGER IF EXISTS tr_disputes_texts_update' + on(dialect));
    await queryRunner.query('DROP TRIGGER IF EXISTS tr_disputes_texts_insert' + on(dialect));
    if (dialect === 'postgres') {
      await queryRunner.query('DROP FUNCTION IF EXISTS tricolor_dispute_texts()');
      await queryRunner.query('ALTER TABLE disputes RESET (fillfactor)');
      const trigrams = await hasIndex(queryRunner, newTrigram('title'));
      if (trigrams) {
        for (const column of TRIGRAM) {
          await queryRunner.query(
            `CREATE INDEX "${oldTrigram(column)}" ON "disputes" USING gin (lower("${column}") gin_trgm_ops)`,
          );
        }
      }
    }
    await queryRunner.dropTable(TEXTS);
  }
}

const on = (dialect: string) => (dialect === 'postgres' ? ' ON disputes' : '');

/** Whether PostgreSQL has an index of this name (the trigram ones exist only with pg_trgm). */
async function hasIndex(queryRunner: QueryRunner, name: string): Promise<boolean> {
  const rows = (await queryRunner.query(
    `SELECT count(*) AS n FROM pg_indexes WHERE indexname = '${name}'`,
  )) as { n: string }[];
  return Number(rows[0]?.n ?? 0) > 0;
}
