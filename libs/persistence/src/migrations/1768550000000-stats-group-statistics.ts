import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dialectOf } from './schema-kit';

const NAME = 'st_disputes_stats_groups';

/**
 * PostgreSQL's planner multiplies the distinct values of tier, status, outcome and mediation
 * type as if they were independent: ~32,000 groups for what are 30-odd. /stats then sorted
 * 300,000 open cases (spilling to disk at the default work_mem) instead of hashing them into
 * a handful of groups. Extended ndistinct statistics tell it the real number (ANALYZE, or
 * autovacuum's, fills them): at 1M cases the count of the open ones went from 230-340 ms to
 * 120-190 ms. SQLite has no such statistics and needs none (its GROUP BY uses a temp b-tree).
 */
export class StatsGroupStatistics1768550000000 implements MigrationInterface {
  readonly name = 'StatsGroupStatistics1768550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) !== 'postgres') return;
    await queryRunner.query(
      `CREATE STATISTICS IF NOT EXISTS ${NAME} (ndistinct) ON tier, status, outcome, mediation_type FROM disputes`,
    );
    await queryRunner.query('ANALYZE disputes');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (dialectOf(queryRunner) !== 'postgres') return;
    await queryRunner.query(`DROP STATISTICS IF EXISTS ${NAME}`);
  }
}
