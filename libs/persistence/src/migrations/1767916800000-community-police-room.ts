import {
  Table,
  TableCheck,
  TableColumn,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';
import { columnsFor, dialectOf, oneOf, type Dialect } from './schema-kit';

// Frozen copies, not domain constants (see schema-kit).
const OLD_ROLES = [
  'grid_worker',
  'community_police',
  'judicial_officer',
  'lawyer',
  'panel_member',
  'supervisor',
  'admin',
];
const NEW_ROLES = [...OLD_ROLES, 'auxiliary_police', 'volunteer'];
const TEAM_ROLES = ['cadre', 'community_police', 'auxiliary_police', 'grid_worker', 'volunteer'];
const REPORT_STATUSES = ['open', 'handled', 'converted'];

const fk = (table: string, column: string, referencedTable: string, referencedColumn = 'id') => ({
  name: `fk_${table}_${column}`,
  columnNames: [column],
  referencedTableName: referencedTable,
  referencedColumnNames: [referencedColumn],
});
const index = (table: string, ...columns: string[]) => ({
  name: `ix_${table}_${columns.join('_')}`,
  columnNames: columns,
});
const unique = (table: string, ...columns: string[]) => ({
  name: `uq_${table}_${columns.join('_')}`,
  columnNames: columns,
});
const degrees = (name: string): TableColumnOptions => ({
  name,
  type: 'numeric',
  precision: 10,
  scale: 7,
  isNullable: true,
});

/**
 * The community police room (issue 15): 社情 reports and their audit trail, the 1+1+2+N+N team
 * and its audit trail, grid boundaries, a location and a report link on cases, and the two new
 * roles (auxiliary police, volunteers) in the users' role check.
 */
export class CommunityPoliceRoom1767916800000 implements MigrationInterface {
  readonly name = 'CommunityPoliceRoom1767916800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner);
    const c = columnsFor(dialect);

    await queryRunner.createTable(
      new Table({
        name: 'community_reports',
        columns: [
          c.primaryKey('community_reports'),
          c.varchar('reference', 32),
          c.varchar('grid_code', 64),
          c.varchar('community_code', 64),
          c.varchar('street_code', 64),
          c.varchar('category', 32),
          c.varchar('urgency', 32),
          c.text('summary'),
          c.text('place'),
          c.json('concerned'),
          c.varchar('photo_ref', 200, { nullable: true }),
          degrees('lon'),
          degrees('lat'),
          c.varchar('status', 32),
          c.varchar('filed_by', 36),
          c.timestamp('created_at'),
          c.timestamp('review_due_at'),
          c.timestamp('looked_at', { nullable: true }),
          c.varchar('looked_by', 36, { nullable: true }),
          c.timestamp('handled_at', { nullable: true }),
          c.varchar('handled_by', 36, { nullable: true }),
          c.text('handling_note', { nullable: true }),
          c.varchar('assignee_id', 36, { nullable: true }),
          c.text('follow_up', { nullable: true }),
          c.varchar('dispute_id', 36, { nullable: true }),
          c.timestamp('overdue_flagged_at', { nullable: true }),
          c.integer('version'),
          c.timestamp('updated_at'),
        ],
        uniques: [unique('community_reports', 'reference')],
        checks: [
          { name: 'ck_community_reports_status', expression: oneOf('status', REPORT_STATUSES) },
        ],
        foreignKeys: [
          fk('community_reports', 'grid_code', 'units', 'code'),
          fk('community_reports', 'filed_by', 'users'),
          fk('community_reports', 'assignee_id', 'users'),
        ],
        indices: [
          index('community_reports', 'community_code', 'created_at'),
          index('community_reports', 'grid_code', 'created_at'),
          index('community_reports', 'street_code', 'created_at'),
          index('community_reports', 'review_due_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'community_report_events',
        columns: [
          c.primaryKey('community_report_events'),
          c.varchar('report_id', 36),
          c.integer('seq'),
          c.varchar('type', 32),
          c.varchar('actor_id', 36),
          c.varchar('actor_role', 32),
          c.json('payload'),
          c.timestamp('at'),
        ],
        uniques: [unique('community_report_events', 'report_id', 'seq')],
        foreignKeys: [fk('community_report_events', 'report_id', 'community_reports')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'team_members',
        columns: [
          c.primaryKey('team_members'),
          c.varchar('community_code', 64),
          c.varchar('user_id', 36),
          c.varchar('team_role', 32),
          c.timestamp('added_at'),
          c.varchar('added_by', 36),
        ],
        uniques: [unique('team_members', 'community_code', 'user_id')],
        checks: [{ name: 'ck_team_members_team_role', expression: oneOf('team_role', TEAM_ROLES) }],
        foreignKeys: [
          fk('team_members', 'community_code', 'units', 'code'),
          fk('team_members', 'user_id', 'users'),
        ],
        indices: [index('team_members', 'user_id')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'team_changes',
        columns: [
          c.primaryKey('team_changes'),
          c.varchar('community_code', 64),
          c.varchar('user_id', 36),
          c.varchar('team_role', 32),
          c.varchar('change', 32),
          c.varchar('actor_id', 36),
          c.varchar('actor_role', 32),
          c.timestamp('at'),
        ],
        indices: [index('team_changes', 'community_code', 'at')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'grid_boundaries',
        columns: [
          c.primaryKey('grid_boundaries'),
          c.varchar('grid_code', 64),
          c.json('geometry'),
          c.varchar('updated_by', 36),
          c.timestamp('updated_at'),
        ],
        uniques: [unique('grid_boundaries', 'grid_code')],
        foreignKeys: [fk('grid_boundaries', 'grid_code', 'units', 'code')],
      }),
    );

    await addDisputeColumns(queryRunner, dialect, [
      c.varchar('report_id', 36, { nullable: true }),
      degrees('lon'),
      degrees('lat'),
    ]);
    await replaceRoleCheck(queryRunner, NEW_ROLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQLite can only narrow the CHECK by rebuilding users, which its foreign keys refuse outside
    // runMigrations (undo runs with them on); the wider check accepts every older row, so it stays.
    if (dialectOf(queryRunner) === 'postgres') await replaceRoleCheck(queryRunner, OLD_ROLES);
    for (const column of ['report_id', 'lon', 'lat']) {
      await queryRunner.query(`ALTER TABLE "disputes" DROP COLUMN "${column}"`);
    }
    for (const table of [
      'grid_boundaries',
      'team_changes',
      'team_members',
      'community_report_events',
      'community_reports',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}

async function addDisputeColumns(
  queryRunner: QueryRunner,
  dialect: Dialect,
  columns: TableColumnOptions[],
): Promise<void> {
  if (dialect === 'postgres') {
    await queryRunner.addColumns(
      'disputes',
      columns.map((column) => new TableColumn(column)),
    );
    return;
  }
  // TypeORM rebuilds a SQLite table to add a column; ALTER TABLE ADD COLUMN does not need to.
  for (const column of columns) {
    const type =
      column.type === 'numeric'
        ? `numeric(${column.precision}, ${column.scale})`
        : `${column.type}(${column.length})`;
    await queryRunner.query(`ALTER TABLE "disputes" ADD COLUMN "${column.name}" ${type}`);
  }
}

/**
 * PostgreSQL swaps the constraint in place; SQLite cannot alter a CHECK, so TypeORM rebuilds the
 * small users table (migrations run with SQLite's foreign keys off, so the rebuild is safe).
 */
async function replaceRoleCheck(queryRunner: QueryRunner, roles: string[]): Promise<void> {
  await queryRunner.dropCheckConstraint('users', 'ck_users_role');
  await queryRunner.createCheckConstraint(
    'users',
    new TableCheck({ name: 'ck_users_role', expression: oneOf('role', roles) }),
  );
}
