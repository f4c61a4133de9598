import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf } from './schema-kit';

// Frozen copies, not domain constants (see schema-kit).
const INDEX = 'ix_disputes_stats';
const KEYS = ['street_code', 'community_code', 'grid_code', 'created_at'];
const OLD_STATS_COLUMNS = [
  'tier',
  'status',
  'outcome',
  'overdue',
  'next_deadline_at',
  'highest_tier',
  'opened_tier',
  'closed_at',
  'tier_since',
  'blue_ms',
  'yellow_ms',
  'red_ms',
];
const NEW_COLUMNS = ['mediation_type', 'agreement_reached', 'judicially_confirmed'];

/**
 * Issue 16, points 8–9: on every case its mediation type (people's, police, court mediation —
 * so the three bodies never count one case three times), whether it is mediated in private (PML
 * Art. 23), and whether an agreement was reached and judicially confirmed (the statistics count
 * 调解成功 apart from performance and confirmation). Nullable, so adding them is a catalogue
 * change on PostgreSQL and a plain ALTER TABLE on SQLite; the backfill and every write after it
 * set them. GET /stats reads the three counted columns, so its covering index gains them.
 */
export class MediationTypeAndPrivacy1768100000000 implements MigrationInterface {
  readonly name = 'MediationTypeAndPrivacy1768100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const c = columnsFor(dialect);
    const columns = [
      c.varchar('mediation_type', 32, { nullable: true }),
      { ...c.boolean('in_private'), isNullable: true },
      { ...c.boolean('agreement_reached'), isNullable: true },
      { ...c.boolean('judicially_confirmed'), isNullable: true },
    ];
    if (dialect === 'postgres') {
      await queryRunner.addColumns(
        'disputes',
        columns.map((column) => new TableColumn(column)),
      );
    } else {
      for (const column of columns) {
        const type = column.length ? `${column.type}(${column.length})` : column.type;
        await queryRunner.query(`ALTER TABLE "disputes" ADD COLUMN "${column.name}" ${type}`);
      }
    }
    // Every case so far was people's mediation, held as the mediators saw fit (not recorded as
    // private); an agreement was reached where one was recorded, confirmed where the court did.
    await queryRunner.query(
      `UPDATE disputes SET mediation_type = 'people', in_private = :f,
         agreement_reached = CASE WHEN EXISTS (SELECT 1 FROM agreements a WHERE a.dispute_id = disputes.id) THEN :t ELSE :f END,
         judicially_confirmed = CASE WHEN EXISTS (SELECT 1 FROM agreements a WHERE a.dispute_id = disputes.id AND a.confirmation_status = 'confirmed') THEN :t ELSE :f END`
        .replace(/:t/g, dialect === 'postgres' ? 'TRUE' : '1')
        .replace(/:f/g, dialect === 'postgres' ? 'FALSE' : '0'),
    );
    await this.statsIndex(queryRunner, [...OLD_STATS_COLUMNS, ...NEW_COLUMNS]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.statsIndex(queryRunner, OLD_STATS_COLUMNS);
    for (const column of [
      'mediation_type',
      'in_private',
      'agreement_reached',
      'judicially_confirmed',
    ])
      await queryRunner.query(`ALTER TABLE "disputes" DROP COLUMN "${column}"`);
  }

  private async statsIndex(queryRunner: QueryRunner, included: string[]): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "${INDEX}"`);
    await queryRunner.query(
      dialectOf(queryRunner) === 'postgres'
        ? `CREATE INDEX "${INDEX}" ON "disputes" (${KEYS.join(', ')}) INCLUDE (${included.join(', ')})`
        : `CREATE INDEX "${INDEX}" ON "disputes" (${[...KEYS, ...included].join(', ')})`,
    );
  }
}
