import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { driverOf } from './data-source-options';
import { FifoMutex } from './fifo-mutex';

export type UnitOfWork<T> = (manager: EntityManager) => Promise<T>;

interface OpenTransaction {
  dataSource: DataSource;
  manager: EntityManager;
  open: boolean;
  /** Runs nested in this one take turns: they share its connection. */
  savepoints: FifoMutex;
}

// Shared by every runner of a DataSource, so two runners cannot interleave on one connection.
const sqliteMutexes = new WeakMap<DataSource, FifoMutex>();
const openTransaction = new AsyncLocalStorage<OpenTransaction>();

/**
 * Runs units of work in database transactions; an error inside `work` rolls back and rethrows.
 *
 * SQLite: TypeORM's better-sqlite3 driver has one connection and does not serialise concurrent
 * `transaction()` calls (they nest into whichever began first, so some fail with "cannot start a
 * transaction within a transaction" while parts of them commit). Each transaction here waits its
 * turn on an in-process FIFO mutex, so all writes must go through a TransactionRunner.
 * PostgreSQL: each transaction has its own pooled connection and no mutex.
 *
 * `run` called inside another `run` on the same DataSource joins it as a savepoint rather than
 * waiting for a mutex its caller holds.
 */
export class TransactionRunner {
  private readonly mutex: FifoMutex | undefined;

  constructor(private readonly dataSource: DataSource) {
    this.mutex = driverOf(dataSource) === 'sqlite' ? sqliteMutexFor(dataSource) : undefined;
  }

  run<T>(work: UnitOfWork<T>): Promise<T> {
    const outer = openTransaction.getStore();
    if (outer?.open && outer.dataSource === this.dataSource) {
      return outer.savepoints.runExclusive(() =>
        outer.manager.transaction((manager) => this.inside(manager, work)),
      );
    }
    const begin = () => this.dataSource.transaction((manager) => this.inside(manager, work));
    return this.mutex ? this.mutex.runExclusive(begin) : begin();
  }

  /**
   * For work whose only writes are one statement, atomic by itself (the transition path's
   * WriteBatch on PostgreSQL): runs it on one pooled connection without BEGIN and COMMIT, two
   * round trips fewer. Its reads see committed data only, so the one write must check whatever
   * the reads decided on (the case's version does). SQLite, where a batch is several statements,
   * and work nested in an open transaction, get `run`.
   */
  async runSingleWrite<T>(work: UnitOfWork<T>): Promise<T> {
    const outer = openTransaction.getStore();
    if (this.mutex || (outer?.open && outer.dataSource === this.dataSource)) return this.run(work);
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  private async inside<T>(manager: EntityManager, work: UnitOfWork<T>): Promise<T> {
    const scope: OpenTransaction = {
      dataSource: this.dataSource,
      manager,
      open: true,
      savepoints: new FifoMutex(),
    };
    try {
      return await openTransaction.run(scope, () => work(manager));
    } finally {
      // Callbacks that outlive the transaction keep this context; they must not join it.
      scope.open = false;
    }
  }
}

function sqliteMutexFor(dataSource: DataSource): FifoMutex {
  let mutex = sqliteMutexes.get(dataSource);
  if (!mutex) {
    mutex = new FifoMutex();
    sqliteMutexes.set(dataSource, mutex);
  }
  return mutex;
}
