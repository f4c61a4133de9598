import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import type { TestApi } from '../support/api';

/** Every table the API writes to. */
export const TABLES = [
  'units',
  'users',
  'disputes',
  'dispute_events',
  'timers',
  'notifications',
  'agreements',
  'dispute_assignments',
  'agendas',
] as const;

/**
 * One cheap query that changes whenever anything is written: the row count of every table, the
 * sum of the cases' versions (an update bumps it) and the number of notifications read.
 */
export async function fingerprint(api: TestApi): Promise<string> {
  const counts = TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`);
  const [row] = await api.app
    .get(DataSource)
    .query<Record<string, unknown>[]>(
      `SELECT ${counts.join(', ')}, ` +
        '(SELECT COALESCE(SUM(version), 0) FROM disputes) AS versions, ' +
        '(SELECT COUNT(read_at) FROM notifications) AS read_marks',
    );
  // pg answers COUNT(*) as text, better-sqlite3 as a number.
  return Object.entries(row)
    .map(([k, v]) => `${k}=${Number(v)}`)
    .join(' ');
}

/** Every row of every table, sorted, to compare before and after a batch. */
export async function snapshot(api: TestApi): Promise<Record<string, string[]>> {
  const ds = api.app.get(DataSource);
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await ds.query<unknown[]>(`SELECT * FROM ${table}`);
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

export const rowCounts = (snap: Record<string, string[]>): Record<string, number> =>
  Object.fromEntries(Object.entries(snap).map(([t, rows]) => [t, rows.length]));

/**
 * The API's one error shape (DESIGN.md §6), as JSON. Returns what is wrong, or null.
 */
export function errorShapeProblem(res: Response): string | null {
  if (!/^application\/json\b/.test(String(res.headers['content-type'] ?? ''))) {
    return `content-type is ${String(res.headers['content-type'])}, not JSON`;
  }
  const body = res.body as Record<string, unknown> | null;
  if (typeof body !== 'object' || body === null) return 'the body is not an object';
  if (body.statusCode !== res.status) return `statusCode ${String(body.statusCode)}`;
  if (typeof body.error !== 'string' || body.error === '') return 'no error text';
  if (typeof body.message !== 'string') return 'message is not a string';
  const errors = body.errors;
  if (errors === undefined) return null;
  const ok =
    Array.isArray(errors) &&
    errors.every(
      (e: unknown) =>
        typeof (e as { field?: unknown }).field === 'string' &&
        typeof (e as { message?: unknown }).message === 'string',
    );
  return ok ? null : 'errors is not a list of {field, message}';
}

/** Percent-encodes any JS string as UTF-8 (lone surrogates become U+FFFD, as a browser does). */
export function pct(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Short, printable description of a response for failure messages. */
export const describeResponse = (res: Response): string =>
  `${res.status} ${JSON.stringify(res.body ?? res.text).slice(0, 400)}`;

/**
 * Keeps the app's HTTP server listening for the whole suite: otherwise supertest starts and
 * stops it around every request, which costs more than the request. `api.close()` stops it.
 */
export async function listenOnce(api: TestApi): Promise<void> {
  const server = api.app.getHttpServer() as import('node:http').Server;
  if (server.address()) return;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
}
