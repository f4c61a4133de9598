import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '..', 'services.sh');

/** The fault suite's own PostgreSQL cluster and Redis (test/faults/services.sh, run.sh). */
export const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 5440);
export const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 6390);
export const PG_ADMIN_URL = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
export const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;

export type ServiceCommand =
  'up' | 'pg-start' | 'pg-stop' | 'pg-restart' | 'redis-start' | 'redis-stop' | 'redis-flushall';

/** Runs one of services.sh's commands; returns how long it took. */
export async function service(command: ServiceCommand): Promise<number> {
  const started = Date.now();
  await run('bash', [SCRIPT, command], { timeout: 60_000 });
  return Date.now() - started;
}

/** Deletes every key under a prefix on the suite's Redis (a spec's clean-up). */
export async function wipePrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
