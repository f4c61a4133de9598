import { Column, type ValueTransformer } from 'typeorm';

/** Lengths of the bounded text columns, for request validation to match (PostgreSQL enforces them). */
export const LENGTHS = {
  id: 36,
  code: 64,
  name: 200,
  short: 32,
  reference: 32,
  hash: 64,
  key: 200,
} as const;

// pg returns numeric and int8 as strings; better-sqlite3 returns numbers. Both become numbers.
export const numberTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * A point in time, read back as a JS Date on both drivers. `Date` is the one column type both
 * drivers accept, and TypeORM maps it per DataSource (so one entity class serves both drivers in
 * one process): SQLite `datetime`, kept as UTC `YYYY-MM-DD HH:MM:SS.SSS` text; on PostgreSQL the
 * migrations create `timestamptz` and TricolorDataSource says so in the metadata. pg sends a Date
 * with its offset and parses timestamptz into a Date: no server time zone is involved.
 */
export const TimestampColumn = (name: string, options: { nullable?: boolean } = {}) =>
  Column({ name, type: Date, nullable: options.nullable ?? false });

export const VarcharColumn = (name: string, length: number, options: { nullable?: boolean } = {}) =>
  Column({ name, type: 'varchar', length, nullable: options.nullable ?? false });

export const TextColumn = (name: string, options: { nullable?: boolean } = {}) =>
  Column({ name, type: 'text', nullable: options.nullable ?? false });

/** JSON kept as text (`simple-json`) so both drivers store and return it the same way. */
export const JsonColumn = (
  name: string,
  options: { nullable?: boolean; transformer?: ValueTransformer } = {},
) =>
  Column({
    name,
    type: 'simple-json',
    nullable: options.nullable ?? false,
    ...(options.transformer ? { transformer: options.transformer } : {}),
  });

// No column has a database default: every value is set in code (and the clock is the app's, which
// tests control). A default would also make TypeORM re-select rows after each insert on SQLite,
// matching them back to the inserted objects by position, not by key.
export const BooleanColumn = (name: string) => Column({ name, type: 'boolean' });

export const IntegerColumn = (name: string, options: { nullable?: boolean } = {}) =>
  Column({ name, type: 'integer', nullable: options.nullable ?? false });

/** Money: exact numeric(14,2) in the database, a JS number in code. */
export const AmountColumn = (name: string) =>
  Column({
    name,
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numberTransformer,
  });

/** A longitude or latitude in degrees: exact numeric(10,7) (about 1 cm), a JS number in code. */
export const DegreesColumn = (name: string) =>
  Column({
    name,
    type: 'numeric',
    precision: 10,
    scale: 7,
    nullable: true,
    transformer: numberTransformer,
  });
