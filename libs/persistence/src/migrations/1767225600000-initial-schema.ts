import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { columnsFor, dialectOf, oneOf } from './schema-kit';

const TIERS = ['blue', 'yellow', 'red'];
const ROLES = [
  'grid_worker',
  'community_police',
  'judicial_officer',
  'lawyer',
  'panel_member',
  'supervisor',
  'admin',
];
const INSTITUTIONS = ['police_station', 'judicial_office', 'law_firm', 'court'];

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

/** The tables of the first release; see the entities for what each column means. */
export class InitialSchema1767225600000 implements MigrationInterface {
  readonly name = 'InitialSchema1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const c = columnsFor(dialectOf(queryRunner));

    await queryRunner.createTable(
      new Table({
        name: 'units',
        columns: [
          c.primaryKey('units'),
          c.varchar('code', 64),
          c.varchar('name', 200),
          c.varchar('kind', 32),
          c.varchar('parent_code', 64, { nullable: true }),
          c.varchar('street_code', 64),
          c.varchar('community_code', 64, { nullable: true }),
          c.timestamp('created_at'),
        ],
        uniques: [unique('units', 'code')],
        checks: [
          { name: 'ck_units_kind', expression: oneOf('kind', ['street', 'community', 'grid']) },
        ],
        foreignKeys: [fk('units', 'parent_code', 'units', 'code')],
        indices: [
          index('units', 'parent_code'),
          index('units', 'street_code'),
          index('units', 'community_code'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          c.primaryKey('users'),
          c.varchar('username', 64),
          c.varchar('password_hash', 200),
          c.varchar('display_name', 200),
          c.varchar('role', 32),
          c.varchar('unit_code', 64, { nullable: true }),
          c.varchar('institution', 32, { nullable: true }),
          c.boolean('active'),
          c.timestamp('created_at'),
        ],
        uniques: [unique('users', 'username')],
        checks: [
          { name: 'ck_users_role', expression: oneOf('role', ROLES) },
          { name: 'ck_users_institution', expression: oneOf('institution', INSTITUTIONS, true) },
        ],
        foreignKeys: [fk('users', 'unit_code', 'units', 'code')],
        indices: [index('users', 'unit_code')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'disputes',
        columns: [
          c.primaryKey('disputes'),
          c.varchar('reference', 32),
          c.text('title'),
          c.text('description'),
          c.varchar('category', 64),
          c.varchar('grid_code', 64),
          c.varchar('community_code', 64),
          c.varchar('street_code', 64),
          c.varchar('tier', 32),
          c.varchar('highest_tier', 32),
          c.varchar('status', 32),
          c.varchar('outcome', 32, { nullable: true }),
          c.boolean('overdue'),
          c.json('parties'),
          c.amount('amount'),
          c.json('risk_assessment'),
          c.json('snapshot'),
          c.varchar('machine_id', 64),
          c.integer('machine_version'),
          c.integer('version'),
          c.varchar('linked_case_id', 36, { nullable: true }),
          c.varchar('opened_by', 36),
          c.timestamp('next_deadline_at', { nullable: true }),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
          c.timestamp('closed_at', { nullable: true }),
        ],
        uniques: [unique('disputes', 'reference')],
        checks: [
          { name: 'ck_disputes_tier', expression: oneOf('tier', TIERS) },
          { name: 'ck_disputes_highest_tier', expression: oneOf('highest_tier', TIERS) },
        ],
        foreignKeys: [
          fk('disputes', 'grid_code', 'units', 'code'),
          fk('disputes', 'opened_by', 'users'),
          fk('disputes', 'linked_case_id', 'disputes'),
        ],
        indices: [
          index('disputes', 'street_code', 'status'),
          index('disputes', 'community_code'),
          index('disputes', 'grid_code'),
          index('disputes', 'tier'),
          index('disputes', 'status'),
          index('disputes', 'overdue'),
          index('disputes', 'created_at'),
          index('disputes', 'next_deadline_at'),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'dispute_events',
        columns: [
          c.primaryKey('dispute_events'),
          c.varchar('dispute_id', 36),
          c.integer('seq'),
          c.varchar('type', 64),
          c.varchar('actor_id', 36),
          c.varchar('actor_role', 32),
          c.json('payload'),
          c.varchar('from_status', 32, { nullable: true }),
          c.varchar('to_status', 32),
          c.varchar('from_tier', 32, { nullable: true }),
          c.varchar('to_tier', 32),
          c.timestamp('at'),
          c.integer('machine_version'),
          c.varchar('idempotency_key', 200, { nullable: true }),
          c.varchar('prev_hash', 64),
          c.varchar('hash', 64),
          c.json('response', { nullable: true }),
        ],
        uniques: [
          unique('dispute_events', 'dispute_id', 'seq'),
          unique('dispute_events', 'dispute_id', 'idempotency_key'),
        ],
        checks: [{ name: 'ck_dispute_events_seq', expression: 'seq >= 1' }],
        foreignKeys: [fk('dispute_events', 'dispute_id', 'disputes')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agreements',
        columns: [
          c.primaryKey('agreements'),
          c.varchar('dispute_id', 36),
          c.varchar('tier', 32),
          c.text('terms'),
          c.timestamp('performance_due_at', { nullable: true }),
          c.json('signed_by_party_ids'),
          c.timestamp('reached_at'),
          c.varchar('reached_by', 36),
          c.varchar('confirmation_status', 32, { nullable: true }),
          c.varchar('performance', 32, { nullable: true }),
        ],
        checks: [
          { name: 'ck_agreements_tier', expression: oneOf('tier', TIERS) },
          {
            name: 'ck_agreements_confirmation_status',
            expression: oneOf('confirmation_status', ['pending', 'confirmed', 'refused'], true),
          },
          {
            name: 'ck_agreements_performance',
            expression: oneOf('performance', ['full', 'partial', 'none'], true),
          },
        ],
        foreignKeys: [fk('agreements', 'dispute_id', 'disputes')],
        indices: [index('agreements', 'dispute_id')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'timers',
        columns: [
          c.primaryKey('timers', 200),
          c.varchar('dispute_id', 36),
          c.varchar('kind', 32),
          c.varchar('fires', 32, { nullable: true }),
          c.timestamp('due_at'),
          c.varchar('status', 32),
          c.text('state_path'),
          c.timestamp('created_at'),
          c.timestamp('fired_at', { nullable: true }),
          c.bigint('lateness_ms', { nullable: true }),
          c.text('cancel_reason', { nullable: true }),
        ],
        checks: [
          {
            name: 'ck_timers_status',
            expression: oneOf('status', ['scheduled', 'fired', 'cancelled']),
          },
          // The id doubles as the queue job id, where ':' is reserved.
          { name: 'ck_timers_id', expression: `id NOT LIKE '%:%'` },
        ],
        foreignKeys: [fk('timers', 'dispute_id', 'disputes')],
        indices: [index('timers', 'status', 'due_at'), index('timers', 'dispute_id')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          c.primaryKey('notifications'),
          c.varchar('user_id', 36),
          c.varchar('dispute_id', 36, { nullable: true }),
          c.varchar('kind', 64),
          c.text('message'),
          c.timestamp('created_at'),
          c.timestamp('read_at', { nullable: true }),
        ],
        foreignKeys: [
          fk('notifications', 'user_id', 'users'),
          fk('notifications', 'dispute_id', 'disputes'),
        ],
        indices: [index('notifications', 'user_id', 'read_at')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'agendas',
        columns: [
          c.primaryKey('agendas'),
          c.varchar('unit_code', 64),
          c.timestamp('generated_at'),
          c.json('content'),
        ],
        foreignKeys: [fk('agendas', 'unit_code', 'units', 'code')],
        indices: [index('agendas', 'unit_code', 'generated_at')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Children first, so no foreign key is left pointing at a dropped table.
    for (const table of [
      'agendas',
      'notifications',
      'timers',
      'agreements',
      'dispute_events',
      'disputes',
      'users',
      'units',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
