import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { driverOf, type DatabaseDriver } from './data-source-options';

/** A statement and its positional values, ready for `EntityManager.query`. */
export type Statement = [sql: string, values: unknown[]];

const NAMED = /(?<![:\w]):([A-Za-z_]\w*)/g;

/**
 * Hand-written SQL for one entity's rows, with every value converted exactly as TypeORM converts
 * it (the driver's own prepare and hydrate, column transformers included), so rows written here
 * and rows written by the repositories are the same. The transition and timer paths use it:
 * TypeORM's query builders spent more CPU building these small statements than the database
 * spent running them.
 */
export class RowCodec<T extends ObjectLiteral> {
  private static readonly cache = new WeakMap<DataSource, Map<unknown, RowCodec<ObjectLiteral>>>();

  readonly table: string;
  readonly dialect: DatabaseDriver;
  private readonly columns: readonly ColumnMetadata[];
  private readonly byProperty: ReadonlyMap<string, ColumnMetadata>;
  private readonly selectLists = new Map<string, string>();

  private constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
  ) {
    const metadata = dataSource.getMetadata(target);
    this.table = metadata.tableName;
    this.dialect = driverOf(dataSource);
    this.columns = metadata.columns;
    this.byProperty = new Map(metadata.columns.map((c) => [c.propertyName, c]));
  }

  /** One codec per entity and DataSource, built from its metadata on first use. */
  static of<T extends ObjectLiteral>(m: EntityManager, target: EntityTarget<T>): RowCodec<T> {
    let codecs = RowCodec.cache.get(m.connection);
    if (!codecs) {
      codecs = new Map();
      RowCodec.cache.set(m.connection, codecs);
    }
    let codec = codecs.get(target);
    if (!codec) {
      codec = new RowCodec(m.connection, target);
      codecs.set(target, codec);
    }
    return codec as unknown as RowCodec<T>;
  }

  /** Every column, as `alias.column AS "column"`: what `hydrate` reads. */
  selectList(alias: string): string {
    let list = this.selectLists.get(alias);
    if (list === undefined) {
      list = this.columns
        .map((c) => `${alias}.${c.databaseName} AS "${c.databaseName}"`)
        .join(', ');
      this.selectLists.set(alias, list);
    }
    return list;
  }

  /** Every column, unqualified: for `RETURNING`. */
  returningList(): string {
    return this.columns.map((c) => `${c.databaseName} AS "${c.databaseName}"`).join(', ');
  }

  /** A value as the driver stores it in this property's column, for a hand-written condition. */
  stored<K extends keyof T & string>(property: K, value: T[K]): unknown {
    return this.persistent(this.column(property), value);
  }

  hydrate(raw: Record<string, unknown>): T {
    const entity: Record<string, unknown> = {};
    for (const c of this.columns) {
      entity[c.propertyName] = this.dataSource.driver.prepareHydratedValue(raw[c.databaseName], c);
    }
    return entity as T;
  }

  /** INSERT of whole rows (every column). */
  insert(rows: readonly T[]): Statement {
    const values: unknown[] = [];
    const tuples = rows.map(
      (row) =>
        `(${this.columns.map((c) => this.placeholder(values, this.persistent(c, row[c.propertyName]))).join(', ')})`,
    );
    const names = this.columns.map((c) => c.databaseName).join(', ');
    return [`INSERT INTO ${this.table} (${names}) VALUES ${tuples.join(', ')}`, values];
  }

  /** UPDATE of the given properties, where `where` names its parameters as `:name`. */
  update(changes: Partial<T>, where: string, params: Record<string, unknown>): Statement {
    const values: unknown[] = [];
    const set = Object.entries(changes).map(([property, value]) => {
      const column = this.column(property);
      return `${column.databaseName} = ${this.placeholder(values, this.persistent(column, value))}`;
    });
    const condition = this.bind(where, params, values);
    return [`UPDATE ${this.table} SET ${set.join(', ')} WHERE ${condition}`, values];
  }

  /** Replaces `:name` parameters with the driver's positional ones, appending their values. */
  bind(sql: string, params: Record<string, unknown>, values: unknown[]): string {
    return sql.replace(NAMED, (_match, name: string) => {
      if (!(name in params)) throw new Error(`no value for :${name}`);
      const value = params[name];
      // better-sqlite3 binds no booleans; SQLite keeps them as 0/1, as TypeORM writes them.
      const bound = typeof value === 'boolean' && this.dialect === 'sqlite' ? Number(value) : value;
      return this.placeholder(values, bound);
    });
  }

  private column(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`${this.table} has no column for ${property}`);
    return column;
  }

  private persistent(column: ColumnMetadata, value: unknown): unknown {
    return this.dataSource.driver.preparePersistentValue(value, column);
  }

  private placeholder(values: unknown[], value: unknown): string {
    values.push(value);
    return this.dialect === 'postgres' ? `$${values.length}` : '?';
  }
}

/**
 * Runs a statement in the manager's transaction: its rows, and how many rows it changed.
 *
 * PostgreSQL: as a named prepared statement, so each connection parses and plans each statement
 * shape once instead of on every call (pg keeps the names per connection; the server keeps the
 * plans per session). The transition path repeats a few dozen shapes, and planning its one
 * multi-CTE write was a good part of the server's work per transition.
 */
export async function runStatement(
  m: EntityManager,
  [sql, values]: Statement,
): Promise<{ rows: Record<string, unknown>[]; affected: number }> {
  const runner = m.queryRunner;
  if (!runner) throw new Error('runStatement runs inside a transaction');
  if (driverOf(m.connection) === 'postgres') {
    const client = (runner as unknown as { databaseConnection: PgClient }).databaseConnection;
    // As TypeORM's own query() does: its logger decides whether to print (and can count).
    m.connection.logger.logQuery(sql, values, runner);
    const result = await client.query({ name: statementName(sql), text: sql, values });
    return { rows: result.rows, affected: result.rowCount ?? 0 };
  }
  const result = await runner.query(sql, values, true);
  return {
    rows: (result.records ?? []) as Record<string, unknown>[],
    affected: result.affected ?? 0,
  };
}

interface PgClient {
  query(config: {
    name?: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: Record<string, unknown>[]; rowCount: number | null }>;
}

// Statement shapes seen so far, by text. A shape varies only with list lengths (timers, people),
// so there are few; past the cap, statements run unnamed rather than grow every session.
const statementNames = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 2000;

function statementName(sql: string): string | undefined {
  const known = statementNames.get(sql);
  if (known !== undefined || statementNames.size >= MAX_NAMED_STATEMENTS) return known;
  const name = `tc_${createHash('sha1').update(sql).digest('hex')}`;
  statementNames.set(sql, name);
  return name;
}
