import { wipeRedisPrefix as wipeTestPrefix } from '../../test/support/redis';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';

/**
 * The services a benchmark uses, each of its own: a PostgreSQL database created and dropped like
 * test/support/databases.ts does, a Redis key prefix wiped at the end, and a temporary SQLite
 * directory. Everything is on loopback; every resource registers its own clean-up.
 */
export const PG_ADMIN_URL =
  process.env.BENCH_POSTGRES_ADMIN_URL ??
  process.env.TEST_POSTGRES_ADMIN_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL =
  process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function assertLoopback(what: string, url: string): void {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`${what} must be on loopback, not ${host}`);
}
assertLoopback('PostgreSQL', PG_ADMIN_URL);
assertLoopback('Redis', REDIS_URL);

type Cleanup = () => Promise<unknown>;
const cleanups: { name: string; run: Cleanup }[] = [];

/** Registers a clean-up; returns a function that runs it now (once) and unregisters it. */
export function onCleanup(name: string, run: Cleanup): () => Promise<void> {
  const entry = { name, run };
  cleanups.push(entry);
  return async () => {
    const at = cleanups.indexOf(entry);
    if (at < 0) return;
    cleanups.splice(at, 1);
    await run();
  };
}

/** Runs every pending clean-up, newest first; failures are reported, not thrown. */
export async function cleanupAll(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop();
    if (!entry) break;
    try {
      await entry.run();
    } catch (error) {
      console.error(`clean-up of ${entry.name} failed: ${(error as Error).message}`);
    }
  }
}

export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** An empty database `tricolor_bench_<tag>_<random>`, dropped (connections and all) at the end. */
export async function createPgDatabase(tag: string): Promise<BenchDatabase> {
  const name = `tricolor_bench_${tag}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  // BENCH_KEEP_DB=1: the databases stay for inspection (EXPLAIN, a query tried by hand).
  if (process.env.BENCH_KEEP_DB) {
    console.error(`bench: keeping database ${name}`);
    return { name, url: url.toString(), drop: () => Promise.resolve() };
  }
  const drop = onCleanup(`database ${name}`, () =>
    withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  );
  return { name, url: url.toString(), drop };
}

export interface BenchDir {
  dir: string;
  drop(): Promise<void>;
}

export async function createTempDir(tag: string): Promise<BenchDir> {
  const dir = await mkdtemp(path.join(tmpdir(), `tricolor-bench-${tag}-`));
  const drop = onCleanup(`directory ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return { dir, drop };
}

export interface RedisPrefix {
  prefix: string;
  wipe(): Promise<void>;
}

/** A Redis key prefix of the benchmark's own; every key under it is deleted at the end. */
export function createRedisPrefix(tag: string): RedisPrefix {
  const prefix = `tricolor-bench-${tag}-${randomBytes(4).toString('hex')}`;
  const wipe = onCleanup(`redis prefix ${prefix}`, () => wipeRedisPrefix(prefix));
  return { prefix, wipe };
}

export const wipeRedisPrefix = (prefix: string): Promise<number> =>
  wipeTestPrefix(prefix, REDIS_URL);

export async function redisVersion(): Promise<string> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    redis.disconnect();
  }
}

export async function postgresVersion(): Promise<string> {
  return withAdmin(async (client) => {
    const res = await client.query<{ server_version: string }>('SHOW server_version');
    return res.rows[0]?.server_version ?? 'unknown';
  });
}
