// @ts-check
/**
 * Migrated template databases for one test run (see databases.ts, createMigratedTestDatabase).
 *
 * Migrating a fresh database is most of what a database suite costs to start, and ~110 suites
 * each did it. A run instead migrates one PostgreSQL template and one SQLite file, the first time
 * a test asks for them, and each test gets a copy (CREATE DATABASE … TEMPLATE, a file copy).
 *
 * This file is plain CommonJS because jest's globalSetup/globalTeardown and the Stryker plugin
 * (scripts/stryker-test-databases.mjs) load it without a transform; databases.ts builds the
 * templates (it needs the TypeScript migrations) with the names chosen here.
 *
 * - A run is named by the process that owns it (jest's main process, or Stryker's), in
 *   TRICOLOR_TEST_TEMPLATE_RUN; its templates are dropped when it ends (endRun). Without that
 *   variable there are no templates: each test migrates its own database, as before.
 * - A template's name carries a hash of the migration files, so one built before a migration
 *   changed is never used; and the run's id, so two runs side by side (CI's jest and a Stryker
 *   run) never drop each other's template.
 * - A run killed before its teardown leaves its templates behind: the next run drops those whose
 *   owning process is gone (reapDeadRuns; the PostgreSQL template's comment names its host and
 *   process).
 */
const { createHash } = require('node:crypto');
const { readFileSync, readdirSync } = require('node:fs');
const { readdir, rm } = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

const RUN_ENV = 'TRICOLOR_TEST_TEMPLATE_RUN';
const PG_PREFIX = 'tricolor_tpl_';
const SQLITE_PREFIX = 'tricolor-tpl-';
const MIGRATIONS_DIR = path.join(__dirname, '../../libs/persistence/src/migrations');

const adminUrl = () =>
  process.env.TEST_POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** @template T @param {(client: Client) => Promise<T>} work @returns {Promise<T>} */
async function withAdmin(work) {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** 12 hex digits of SHA-256 over the migration files' names and contents. */
function migrationsHash() {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort()) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * The current run's template names, or null outside a run.
 * @returns {{ run: string; postgres: string; sqliteDir: string } | null}
 */
function templateNames() {
  const run = process.env[RUN_ENV];
  if (!run) return null;
  if (!/^\d+$/.test(run)) throw new Error(`${RUN_ENV} must be a process id, not ${run}`);
  const hash = migrationsHash();
  return {
    run,
    postgres: `${PG_PREFIX}${hash}_${run}`,
    sqliteDir: path.join(os.tmpdir(), `${SQLITE_PREFIX}${hash}-${run}`),
  };
}

/**
 * The run a temporary directory belongs to, if it is a SQLite template (`<prefix><hash>-<run>`)
 * or one being built beside it (`….building-<random>`).
 * @param {string} entry
 */
function sqliteRunOf(entry) {
  const match = /^tricolor-tpl-[0-9a-f]+-(\d+)(\.building-.*)?$/.exec(entry);
  return match ? match[1] : null;
}

/** What the PostgreSQL template's comment says: who owns it. */
function ownerComment() {
  return JSON.stringify({ host: os.hostname(), pid: Number(process.env[RUN_ENV]) });
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {Client} client @param {string} name */
async function dropPg(client, name) {
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** PostgreSQL templates and SQLite template directories of runs whose process is gone. */
async function reapDeadRuns() {
  await withAdmin(async (client) => {
    const { rows } = await client.query(
      `SELECT datname, shobj_description(oid, 'pg_database') AS owner FROM pg_database
        WHERE datname LIKE $1`,
      [`${PG_PREFIX}%`],
    );
    for (const { datname, owner } of rows) {
      /** @type {{ host?: string; pid?: number }} */
      let who = {};
      try {
        who = JSON.parse(owner ?? '{}');
      } catch {
        continue;
      }
      // Only this machine's processes can be checked.
      if (who.host === os.hostname() && who.pid && !alive(who.pid)) await dropPg(client, datname);
    }
  });
  for (const entry of await readdir(os.tmpdir())) {
    const run = sqliteRunOf(entry);
    if (run !== null && !alive(Number(run))) {
      await rm(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    }
  }
}

/**
 * Starts a run owned by this process (unless one is set already: Stryker sets its own before
 * its jest runs start), after dropping what dead runs left. Returns whether this call started it.
 */
async function beginRun() {
  if (process.env[RUN_ENV]) return false;
  process.env[RUN_ENV] = String(process.pid);
  try {
    await reapDeadRuns();
  } catch (error) {
    // A run that never asks for a template (the fault suite's own PostgreSQL) need not reach it.
    console.warn(`test templates: could not look for leftovers: ${String(error)}`);
  }
  return true;
}

/** Drops this run's templates, both drivers, whatever the migration hash (half-built ones too). */
async function endRun() {
  const run = process.env[RUN_ENV];
  if (!run) return;
  const ours = new RegExp(`^${PG_PREFIX}[0-9a-f]+_${run}(_b)?$`);
  try {
    await withAdmin(async (client) => {
      const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `${PG_PREFIX}%`,
      ]);
      for (const { datname } of rows) if (ours.test(datname)) await dropPg(client, datname);
    });
  } catch (error) {
    console.warn(
      `test templates: could not drop this run's PostgreSQL templates: ${String(error)}`,
    );
  }
  for (const entry of await readdir(os.tmpdir())) {
    if (sqliteRunOf(entry) === run) {
      await rm(path.join(os.tmpdir(), entry), { recursive: true, force: true });
    }
  }
}

module.exports = {
  RUN_ENV,
  adminUrl,
  withAdmin,
  migrationsHash,
  templateNames,
  ownerComment,
  beginRun,
  endRun,
  reapDeadRuns,
};
