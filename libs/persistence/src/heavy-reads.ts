import { QueryFailedError, type DataSource, type EntityManager, type ObjectLiteral } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';
import { BetterSqlite3QueryRunner } from 'typeorm/driver/better-sqlite3/BetterSqlite3QueryRunner';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import { driverOf } from './data-source-options';
import { SqliteReadThread } from './sqlite-read-thread';
import type { TransactionRunner, UnitOfWork } from './transaction-runner';

type Row = Record<string, unknown>;

// One read thread per SQLite database a process has open.
const threads = new WeakMap<DataSource, SqliteReadThread>();

/**
 * Where heavy read-only work runs (a text search, /stats, the map, the monthly report, the
 * agenda's sources, an audit trail's replay): work that reads many rows and writes none.
 *
 * SQLite: on a worker thread with its own read-only connection (SqliteReadThread), outside the
 * TransactionRunner's mutex, so that neither the API's thread nor the one connection every
 * other request takes its turn on is held while it reads. Each statement reads the latest
 * committed snapshot (never another request's uncommitted writes); a unit of work of several
 * statements is not one snapshot, which the callers accept (each of their figures is one
 * statement, or they page on a keyset). PostgreSQL: a transaction from the TransactionRunner,
 * as any read (its statements wait on the database, not on the API's thread).
 */
export class HeavyReads {
  private readonly thread: SqliteReadThread | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {
    this.thread = driverOf(dataSource) === 'sqlite' ? threadFor(dataSource) : undefined;
  }

  /**
   * Runs read-only `work` (see the class). On PostgreSQL in a transaction without parallel
   * workers: a parallel plan turns one query into up to three busy backends, so one user's
   * heavy query (HEAVY_QUERY_CONCURRENCY: 1) took every core of a small server from everyone
   * else, the API's own process included.
   */
  run<T>(work: UnitOfWork<T>): Promise<T> {
    if (this.thread) return work(this.offThread(this.thread));
    return this.tx.run(async (m) => {
      await m.query('SET LOCAL max_parallel_workers_per_gather = 0');
      return work(m);
    });
  }

  /**
   * For read-only work that pages through rows outside any transaction: on SQLite the read
   * thread's manager, on PostgreSQL the DataSource's own (each statement on a pooled connection).
   */
  manager(): EntityManager {
    return this.thread ? this.offThread(this.thread) : this.dataSource.manager;
  }

  /** Ends the read thread (the application stops). */
  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    if (!this.thread) return;
    threads.delete(this.dataSource);
    await this.thread.close();
  }

  private offThread(thread: SqliteReadThread): EntityManager {
    const runner = new OffThreadQueryRunner(this.dataSource.driver as BetterSqlite3Driver, thread);
    return this.dataSource.createEntityManager(runner);
  }
}

function threadFor(dataSource: DataSource): SqliteReadThread {
  let thread = threads.get(dataSource);
  if (!thread) {
    const options = dataSource.options as { database: string; timeout?: number };
    thread = new SqliteReadThread(options.database, options.timeout ?? 5000);
    threads.set(dataSource, thread);
  }
  return thread;
}

/**
 * TypeORM's better-sqlite3 query runner with its statements sent to the read thread: query
 * builders, `find` and `query` work unchanged on an EntityManager made with it.
 */
class OffThreadQueryRunner extends BetterSqlite3QueryRunner {
  constructor(
    driver: BetterSqlite3Driver,
    private readonly thread: SqliteReadThread,
  ) {
    super(driver);
  }

  // TypeORM's signature: the rows, or a QueryResult when useStructuredResult.
  override query(
    sql: string,
    parameters: unknown[] | ObjectLiteral | undefined,
    useStructuredResult: true,
  ): Promise<QueryResult>;
  override query(sql: string, parameters?: unknown[] | ObjectLiteral): Promise<Row[]>;
  override async query(
    sql: string,
    parameters: unknown[] | ObjectLiteral = [],
    useStructuredResult = false,
  ): Promise<Row[] | QueryResult> {
    if (!Array.isArray(parameters)) throw new Error('the read thread takes positional parameters');
    // better-sqlite3 binds no booleans (as TypeORM's own runner converts them).
    const values = parameters.map((p: unknown) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    let rows: Row[];
    try {
      rows = await this.thread.all(sql, values);
    } catch (error) {
      throw new QueryFailedError(sql, values, error as Error);
    }
    if (!useStructuredResult) return rows;
    const result = new QueryResult();
    result.raw = rows;
    result.records = rows;
    return result;
  }
}
