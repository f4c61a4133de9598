import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SQLITE_FILE_NAME, type DatabaseConfig } from './data-source-options';

const run = promisify(execFile);

export interface BackupResult {
  driver: 'sqlite' | 'postgres';
  file: string;
}

/** Where a backup goes when no file is named: `DATA_DIR/backups/tricolor-<UTC time>.<ext>`. */
export function defaultBackupFile(config: DatabaseConfig, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const ext = config.databaseUrl ? 'dump' : 'sqlite';
  return path.join(config.dataDir, 'backups', `tricolor-${stamp}.${ext}`);
}

/**
 * A consistent copy of a live database. PostgreSQL: `pg_dump --format=custom` (one snapshot,
 * compressed, restorable table by table). SQLite: the online backup API, page by page under
 * SQLite's own locking — never a file copy, which could catch a WAL database half-written.
 */
export async function backupDatabase(config: DatabaseConfig, file?: string): Promise<BackupResult> {
  const target = file ?? defaultBackupFile(config);
  mkdirSync(path.dirname(target), { recursive: true });
  if (config.databaseUrl) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, config.databaseUrl]);
    return { driver: 'postgres', file: target };
  }
  const source = new Database(sqlitePath(config), { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  return { driver: 'sqlite', file: target };
}

/**
 * Replaces the database's content with a backup. Stop the API and the workers first; start
 * them afterwards: the workers reconcile the timer queue with the restored rows on start.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new Error(`no backup at ${file}`);
  if (config.databaseUrl) {
    // --clean drops what the dump will recreate; one transaction: all of it or none.
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      file,
    ]);
    return;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // The backup API in reverse: the target's pages (and WAL) are rewritten under its lock.
    await source.backup(sqlitePath(config));
  } finally {
    source.close();
  }
}

const sqlitePath = (config: DatabaseConfig) => path.join(config.dataDir, SQLITE_FILE_NAME);
