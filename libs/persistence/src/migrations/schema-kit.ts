import type { QueryRunner, TableColumnOptions } from 'typeorm';

// Migrations are frozen history: they use this kit, never entity metadata or domain constants,
// so a later change to either cannot change what an old migration creates.

export type Dialect = 'postgres' | 'sqlite';

export const dialectOf = (queryRunner: QueryRunner): Dialect =>
  queryRunner.connection.driver.options.type === 'postgres' ? 'postgres' : 'sqlite';

type Nullable = { nullable?: boolean };

/** Column definitions in each dialect's own types. */
export function columnsFor(dialect: Dialect) {
  const column = (
    name: string,
    type: string,
    { nullable = false }: Nullable,
    extra: Partial<TableColumnOptions> = {},
  ): TableColumnOptions => ({ name, type, isNullable: nullable, ...extra });

  return {
    primaryKey: (table: string, length = 36): TableColumnOptions =>
      column(
        'id',
        'varchar',
        {},
        {
          length: String(length),
          isPrimary: true,
          primaryKeyConstraintName: `pk_${table}`,
        },
      ),
    varchar: (name: string, length: number, options: Nullable = {}) =>
      column(name, 'varchar', options, { length: String(length) }),
    text: (name: string, options: Nullable = {}) => column(name, 'text', options),
    // simple-json: JSON text on both drivers.
    json: (name: string, options: Nullable = {}) => column(name, 'text', options),
    integer: (name: string, options: Nullable = {}) => column(name, 'integer', options),
    bigint: (name: string, options: Nullable = {}) => column(name, 'bigint', options),
    amount: (name: string) =>
      column(name, 'numeric', { nullable: true }, { precision: 14, scale: 2 }),
    boolean: (name: string) => column(name, 'boolean', {}),
    // timestamptz keeps the instant whatever the server's time zone; SQLite keeps UTC text.
    timestamp: (name: string, options: Nullable = {}) =>
      column(name, dialect === 'postgres' ? 'timestamptz' : 'datetime', options),
  };
}

const quoted = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** `column IN (…)`, or also NULL when the column is nullable. */
export const oneOf = (column: string, values: readonly string[], nullable = false): string =>
  `${nullable ? `${column} IS NULL OR ` : ''}${column} IN (${quoted(values)})`;
