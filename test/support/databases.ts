import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/** The drivers a database suite runs on: `describe.each(DRIVERS)(…)`. */
export const DRIVERS = ['sqlite', 'postgres'] as const;
export type Driver = (typeof DRIVERS)[number];

// A maintenance connection on the local server (trust auth); override for another server.
const ADMIN_URL =
  process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

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
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
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
