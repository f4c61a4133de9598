import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '@tricolor/persistence';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { USERS, disputeBody, type Username } from '../../support/world';
import { startWorkerProcess, type WorkerProcess } from '../../support/worker-process';
import { startApiProcess, type ApiProcess } from './api-process';
import { Http, type Answer } from './http';
import { Ledger } from './ledger';
import { PG_ADMIN_URL, REDIS_URL, wipePrefix } from './services';

/** Where each spec's API and worker output is written when it ends. */
export const LOG_DIR = process.env.FAULTS_LOG_DIR ?? path.join(tmpdir(), 'tricolor-faults-logs');

/** The users the fault specs act as (a subset of test/support/world.ts's district). */
const ACTORS = ['gw1', 'officer1', 'lawyer1', 'super1'] as const satisfies readonly Username[];
export type Actor = (typeof ACTORS)[number];

export interface CaseBody {
  id: string;
  status: string;
  tier: string;
  version: number;
  overdue: boolean;
  parties: { id: string }[];
  deadlines: { kind: string; dueAt: string }[];
}

/**
 * Short timers: a blue case reminds at 1.6 s, escalates to yellow at 2 s, and its acceptance
 * deadline flags it overdue 3 s later; then it has no timer left. Reconcile every second, and a
 * killed worker's jobs are taken over after 2 s.
 */
export const FAULT_DURATIONS: Record<string, string> = {
  DEADLINE_BLUE_MEDIATION: 'PT2S',
  DEADLINE_YELLOW_ACCEPTANCE: 'PT3S',
  RECONCILE_INTERVAL: 'PT1S',
  WORKER_LOCK_DURATION: 'PT2S',
};

export interface FaultEnv {
  name: string;
  databaseUrl: string;
  /** The spec's own connection, for the invariant checks. */
  ds: DataSource;
  redisPrefix: string;
  api: ApiProcess;
  http: Http;
  token: Record<Actor | 'admin', string>;
  userId: Record<Actor, string>;
  /** Every transition the API acknowledged with 200/201. */
  ledger: Ledger;
  workers: WorkerProcess[];
  startWorker(): WorkerProcess;
  open(overrides?: object): Promise<Answer<CaseBody>>;
  send(
    user: Actor,
    id: string,
    event: object,
    headers?: Record<string, string>,
  ): Promise<Answer<CaseBody>>;
  close(): Promise<void>;
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database on the suite's cluster and a fresh Redis key prefix, the compiled API on
 * them as its own process (RUN_WORKER=false), and a few users created over HTTP.
 */
export async function startFaultEnv(env: Record<string, string> = {}): Promise<FaultEnv> {
  const setupStarted = Date.now();
  const name = `tricolor_faults_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const databaseUrl = `${PG_ADMIN_URL.replace(/\/postgres$/, '')}/${name}`;
  const redisPrefix = `tricolor-faults-${randomBytes(4).toString('hex')}`;
  const common = {
    DATABASE_URL: databaseUrl,
    DATA_DIR: tmpdir(),
    REDIS_URL,
    REDIS_PREFIX: redisPrefix,
    ...FAULT_DURATIONS,
    // The load drives many writes from a few users: rate limits out of the way.
    THROTTLE_LOGIN_ACCOUNT_LIMIT: '1000000',
    THROTTLE_LOGIN_IP_LIMIT: '1000000',
    THROTTLE_WRITE_LIMIT: '1000000',
    THROTTLE_CASE_EVENT_LIMIT: '1000000',
    ...env,
  };
  const created = Date.now();
  const api = await startApiProcess({
    ...common,
    RUN_WORKER: 'false',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'admin-password',
    JWT_SECRET: 'faults-secret-faults-secret-faults-secret',
  });
  const apiUp = Date.now();
  const ds = await openDatabase({ databaseUrl, dataDir: tmpdir(), poolSize: 4, migrate: false });
  const http = new Http(api.url);
  const login = async (username: string, password: string) => {
    const res = await http.request<{ accessToken: string }>('POST', '/auth/login', {
      body: { username, password },
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return res.body.accessToken;
  };
  const admin = await login('admin', 'admin-password');
  const create = async (path: string, body: object) => {
    const res = await http.request<{ id: string }>('POST', path, { token: admin, body });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  await create('/admin/units', { code: 'S1', name: 'Street one', kind: 'street' });
  await create('/admin/units', {
    code: 'C1',
    name: 'Community one',
    kind: 'community',
    parentCode: 'S1',
  });
  await create('/admin/units', { code: 'G1', name: 'Grid one', kind: 'grid', parentCode: 'C1' });
  const token = { admin } as Record<Actor | 'admin', string>;
  const userId = {} as Record<Actor, string>;
  // Password hashing is the slow part: in parallel.
  await Promise.all(
    ACTORS.map(async (username) => {
      const user = await create('/admin/users', {
        username,
        password: 'password-123',
        displayName: username,
        ...USERS[username],
      });
      userId[username] = user.id;
      token[username] = await login(username, 'password-123');
    }),
  );
  console.log(
    `[faults] setup: database ${created - setupStarted} ms, API ${apiUp - created} ms, users ${Date.now() - apiUp} ms`,
  );
  const ledger = new Ledger();
  const workers: WorkerProcess[] = [];
  const workerEnv = { ...common, WORKER_CONCURRENCY: '8', DB_POOL_SIZE: '4' };
  return {
    name,
    databaseUrl,
    ds,
    redisPrefix,
    api,
    http,
    token,
    userId,
    ledger,
    workers,
    startWorker() {
      const worker = startWorkerProcess(workerEnv);
      workers.push(worker);
      return worker;
    },
    async open(overrides = {}) {
      const res = await http.request<CaseBody>('POST', '/disputes', {
        token: token.gw1,
        body: disputeBody(overrides),
      });
      if (res.status === 201) ledger.acknowledge(res.body.id, res.body.version, 'OPEN');
      return res;
    },
    async send(user, id, event, headers) {
      const res = await http.request<CaseBody>('POST', `/disputes/${id}/events`, {
        token: token[user],
        body: event,
        headers,
      });
      if (res.status === 200) {
        ledger.acknowledge(id, res.body.version, (event as { type: string }).type);
      }
      return res;
    },
    async close() {
      const closing = Date.now();
      await Promise.all(workers.map((w) => w.kill()));
      await api.stop();
      // The processes' output, for whoever reads a failure.
      mkdirSync(LOG_DIR, { recursive: true });
      writeFileSync(path.join(LOG_DIR, `${name}-api.log`), api.output.toString());
      workers.forEach((w, i) =>
        writeFileSync(path.join(LOG_DIR, `${name}-worker-${i + 1}.log`), w.output()),
      );
      workers.splice(0);
      await ds.destroy().catch(() => undefined);
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await wipePrefix(redisPrefix);
      console.log(`[faults] teardown: ${Date.now() - closing} ms`);
    },
  };
}
