import { Worker } from 'node:worker_threads';
import { WorkerChannel } from './worker-channel';

/**
 * The worker's code, run with `eval` so that it works alike from the compiled API and from
 * TypeScript sources (the e2e suites): it opens its own read-only better-sqlite3 connection to
 * the database file (WAL lets it read beside the API's writer, each statement on the latest
 * committed snapshot) and answers `{ id, sql, params }` with the statement's rows.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, {
  readonly: true,
  fileMustExist: true,
  timeout: workerData.timeoutMs,
});
const statements = new Map();
parentPort.on('message', ({ id, sql, params }) => {
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
      if (statements.size > 200) statements.delete(statements.keys().next().value);
    }
    if (!stmt.reader) throw new Error('only reads run on the read thread');
    parentPort.postMessage({ id, rows: stmt.all(...params) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message), code: error && error.code });
  }
});
`;

type Row = Record<string, unknown>;

interface Reply {
  id: number;
  rows?: Row[];
  error?: string;
  code?: string;
}

/** An error of the read thread's SQLite, with its code (SQLITE_BUSY, …). */
export class SqliteReadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'SqliteReadError';
  }
}

/**
 * Read-only SQL on a worker thread with its own connection to the SQLite file (issue 9,
 * finding 6). better-sqlite3 runs a statement to its end on the calling thread: a scan of a
 * street's 30,000 cases held the API's thread, and every other user's request, for hundreds of
 * milliseconds. Here such a statement holds only this thread; statements queue on it in order.
 */
export class SqliteReadThread {
  private readonly channel: WorkerChannel<Reply>;

  constructor(file: string, timeoutMs: number) {
    this.channel = new WorkerChannel<Reply>(
      'the SQLite read thread',
      () =>
        new Worker(WORKER_SOURCE, {
          eval: true,
          workerData: { driver: require.resolve('better-sqlite3'), file, timeoutMs },
        }),
    );
  }

  /** The rows of one read-only statement (SELECT, WITH … SELECT). */
  async all(sql: string, params: readonly unknown[]): Promise<Row[]> {
    const reply = await this.channel.request({ sql, params });
    if (reply.error !== undefined) throw new SqliteReadError(reply.error, reply.code);
    return (reply.rows ?? []).map(asBuffers);
  }

  close(): Promise<void> {
    return this.channel.close();
  }
}

// A BLOB arrives as a Uint8Array (structured clone drops Buffer's prototype): as a Buffer again,
// as better-sqlite3 gives it on the API's own connection.
function asBuffers(row: Row): Row {
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
      row[key] = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  }
  return row;
}
