import { QueryFailedError } from 'typeorm';

const PG_UNIQUE_VIOLATION = '23505';
const SQLITE_UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY']);

/** Whether `error` is a unique or primary-key violation, on PostgreSQL or SQLite. */
export function isUniqueViolation(error: unknown): boolean {
  // TypeORM wraps the driver's error; the code sits on both the wrapper and driverError.
  const cause: unknown = error instanceof QueryFailedError ? error.driverError : error;
  const code = codeOf(cause) ?? codeOf(error);
  return code === PG_UNIQUE_VIOLATION || (code !== undefined && SQLITE_UNIQUE_CODES.has(code));
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
