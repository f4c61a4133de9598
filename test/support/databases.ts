import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { SQLITE_FILE_NAME, openDatabase } from '@tricolor/persistence';
import { adminUrl, ownerComment, templateNames } from './db-templates.cjs';

/** The drivers a database suite runs on: `describe.each(DRIVERS)(…)`. */
export const DRIVERS = ['sqlite', 'postgres'] as const;
export type Driver = (typeof DRIVERS)[number];

// A maintenance connection on the local server (trust auth); override for another server.
const ADMIN_URL = adminUrl();

export interface TestPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface TestSqliteDir {
  dataDir: string;
  drop(): Promise<void>;
}

/** A test's own database, given to PersistenceModule / openDatabase as it is. */
export interface TestDatabase {
  config: { databaseUrl?: string; dataDir: string };
  drop(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `tricolor_test_<random>`; `drop()` removes it, connections and all. */
export async function createTestPostgresDatabase(): Promise<TestPostgresDatabase> {
  const name = `tricolor_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    url: urlOf(name),
    drop: async () => {
      // FORCE (PostgreSQL 13+) terminates connections a failed test left open.
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh temporary DATA_DIR for the embedded SQLite database. */
export async function createTestSqliteDir(): Promise<TestSqliteDir> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tricolor-test-'));
  return { dataDir, drop: () => rm(dataDir, { recursive: true, force: true }) };
}

export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === 'sqlite') {
    const { dataDir, drop } = await createTestSqliteDir();
    return { config: { dataDir }, drop };
  }
  const { url, drop } = await createTestPostgresDatabase();
  // DATA_DIR is required configuration, though PostgreSQL never writes there.
  return { config: { databaseUrl: url, dataDir: tmpdir() }, drop };
}

/**
 * A test's own database with every migration applied: a copy of the run's migrated template
 * (db-templates.cjs), so a suite does not pay for migrating. Outside a jest run that set up
 * templates it is an empty database, which the application migrates when it opens it. Suites
 * that test migrating itself use createTestDatabase, which is always empty.
 */
export async function createMigratedTestDatabase(driver: Driver): Promise<TestDatabase> {
  const names = templateNames();
  if (names === null) return createTestDatabase(driver);
  if (driver === 'sqlite') {
    const template = await sqliteTemplate(names.sqliteDir);
    const { dataDir, drop } = await createTestSqliteDir();
    await cp(template, dataDir, { recursive: true });
    return { config: { dataDir }, drop };
  }
  const template = await postgresTemplate(names.postgres);
  const name = `tricolor_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    config: { databaseUrl: urlOf(name), dataDir: tmpdir() },
    drop: () =>
      withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  };
}

function urlOf(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * The run's PostgreSQL template, migrated, built by the first test that asks. Built under a
 * name of its own and renamed when done, under an advisory lock so parallel jest workers build
 * it once: a half-built template is never cloned. CREATE DATABASE … TEMPLATE needs it to have no
 * connections, so the DataSource that migrated it is closed first.
 */
async function postgresTemplate(name: string): Promise<string> {
  const exists = async (client: Client) =>
    (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  return withAdmin(async (client) => {
    if (await exists(client)) return name;
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await exists(client)) return name;
      const building = `${name}_b`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      // The owner's host and process, so a later run can drop it if this one is killed.
      await client.query(
        `COMMENT ON DATABASE ${building} IS ${client.escapeLiteral(ownerComment())}`,
      );
      const dataSource = await openDatabase({ databaseUrl: urlOf(building), dataDir: tmpdir() });
      await dataSource.destroy();
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      return name;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
}

/**
 * The run's SQLite template directory, migrated, built by the first test that asks: built
 * beside it and renamed into place, so a test never copies a half-built file. Two workers
 * building at once both migrate; the second rename fails and its copy is thrown away.
 */
async function sqliteTemplate(dir: string): Promise<string> {
  const done = () =>
    stat(path.join(dir, SQLITE_FILE_NAME)).then(
      () => true,
      () => false,
    );
  if (await done()) return dir;
  const building = await mkdtemp(`${dir}.building-`);
  try {
    // Closing checkpoints the WAL into the file and removes it: the file alone is the database.
    const dataSource = await openDatabase({ dataDir: building });
    await dataSource.destroy();
    await rename(building, dir);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    if (!(await done())) throw error;
  }
  return dir;
}
