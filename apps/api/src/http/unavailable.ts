/**
 * Recognises "a dependency is unreachable" among the errors drivers throw, so the edge answers
 * 503 (retry later) rather than 500 while PostgreSQL or Redis is down or restarting. The pool
 * reconnects by itself once the server is back, so no request needs more than a retry.
 */

/** Socket-level failures (Node system errors), on connect or mid-query. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 is connection_exception; 57P01 admin_shutdown (a stop or
 * restart), 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down),
 * 53300 too_many_connections.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_EXCEPTION_CLASS = '08';

/** Messages of pg and pg-pool that carry no code. */
const DATABASE_MESSAGES = [
  /connection terminated/i, // "Connection terminated unexpectedly", "… due to connection timeout"
  /timeout exceeded when trying to connect/i, // pg-pool
  /is not queryable/i, // "Client has encountered a connection error and is not queryable"
  /terminating connection due to administrator command/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  // TypeORM releases a query runner whose connection broke mid-transaction (pg's 'error'
  // event), so the transaction's next query or its COMMIT throws QueryRunnerAlreadyReleasedError.
  // Outside an outage it would be a bug; the filter still logs it, with its name.
  /query runner already released/i,
];

/** ioredis, when a command cannot be sent. */
const REDIS_MESSAGES = [
  /stream isn't writeable/i, // no offline queue
  /^connection is closed/i,
  /reached the max retries per request limit/i,
];

/** What the client is told: which dependency, nothing of hosts, ports or credentials. */
export const DATABASE_UNAVAILABLE = 'the database is unavailable: retry shortly';
export const REDIS_UNAVAILABLE = 'Redis is unavailable: retry shortly';

const MAX_DEPTH = 4;

/**
 * The 503 message when `error`, or an error it wraps (TypeORM's `driverError`, `cause`, an
 * AggregateError's `errors`), says a dependency cannot be reached; null for anything else.
 */
export function unavailableMessage(error: unknown, depth = 0): string | null {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return null;
  const code = property(error, 'code');
  if (typeof code === 'string' && isConnectionCode(code)) return DATABASE_UNAVAILABLE;
  const message = property(error, 'message');
  if (typeof message === 'string') {
    if (DATABASE_MESSAGES.some((m) => m.test(message))) return DATABASE_UNAVAILABLE;
    if (REDIS_MESSAGES.some((m) => m.test(message))) return REDIS_UNAVAILABLE;
  }
  const nested = [property(error, 'driverError'), property(error, 'cause')];
  const errors = property(error, 'errors'); // AggregateError: one per address tried
  if (Array.isArray(errors)) nested.push(...(errors as unknown[]));
  for (const inner of nested) {
    const found = inner === error ? null : unavailableMessage(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

function isConnectionCode(code: string): boolean {
  if (NETWORK_CODES.has(code) || SQLSTATES.has(code)) return true;
  return /^[0-9A-Z]{5}$/.test(code) && code.startsWith(CONNECTION_EXCEPTION_CLASS);
}

function property(value: object, key: string): unknown {
  return Reflect.get(value, key) as unknown;
}
