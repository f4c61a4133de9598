import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { CpuMeter, postgresCpu, selfCpu } from '../cpu';
import { PG_ADMIN_URL, createPgDatabase, createTempDir, type BenchDatabase } from '../infra';
import { closedLoop, log, sleep, summarise, type LoadOptions, type LoadResult } from '../measure';

/**
 * The floor: what the database itself needs to record a transition durably — one small case row
 * updated under its version and one small event row appended, two prepared statements in one
 * transaction, no framework, no reads. Tricolor's transitions are reported as a share of it
 * (beside "the limit", which is Tricolor's own writes as plain SQL).
 *
 * PostgreSQL: pgbench -M prepared with bench/floor.sql at 16 connections when pgbench is on the
 * PATH (a C client: the strictest floor), and always the same with `pg` named prepared
 * statements, one connection per caller, as a Node client would do it. Each runs in a database
 * of its own, so the CPU meter sees only its backends. SQLite: better-sqlite3 on a file of its
 * own at the product's synchronous level; one writer, so concurrency 1 stands for 16.
 */
export interface FloorRun {
  /** `pgbench` or `pg` (PostgreSQL), `better-sqlite3` (SQLite). */
  client: string;
  concurrency: number;
  result: LoadResult;
}

const CASES_PER_CLIENT = 512;
const CLIENTS = 16;

const PG_SCHEMA = [
  `CREATE TABLE floor_cases (id integer PRIMARY KEY, version integer NOT NULL,
     status varchar(64) NOT NULL, updated_at timestamptz NOT NULL)`,
  `CREATE TABLE floor_events (case_id integer NOT NULL REFERENCES floor_cases (id),
     seq integer NOT NULL, type varchar(64) NOT NULL, at timestamptz NOT NULL,
     PRIMARY KEY (case_id, seq))`,
  `INSERT INTO floor_cases SELECT g, 1, 'blue.mediating', now()
     FROM generate_series(1, ${CASES_PER_CLIENT * CLIENTS}) g`,
  `INSERT INTO floor_events SELECT id, 1, 'OPEN', now() FROM floor_cases`,
  'VACUUM ANALYZE floor_cases',
  'VACUUM ANALYZE floor_events',
];

async function pgFloorDatabase(tag: string): Promise<BenchDatabase> {
  const db = await createPgDatabase(tag);
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    for (const sql of PG_SCHEMA) await client.query(sql);
  } finally {
    await client.end();
  }
  return db;
}

const hasPgbench = (): boolean => spawnSync('pgbench', ['--version']).status === 0;

export async function runPgFloor(load: (c: number) => LoadOptions): Promise<FloorRun[]> {
  const runs: FloorRun[] = [];
  if (hasPgbench()) {
    log('postgres: the floor with pgbench -M prepared -c 16');
    runs.push({ client: 'pgbench', concurrency: 16, result: await pgbenchFloor(load(16)) });
  } else {
    log('postgres: pgbench is not on the PATH: the floor is measured with pg only');
  }
  log('postgres: the floor with pg named prepared statements, 16 connections');
  runs.push({ client: 'pg', concurrency: 16, result: await nodePgFloor(load(16)) });
  return runs;
}

async function nodePgFloor(options: LoadOptions): Promise<LoadResult> {
  const db = await pgFloorDatabase('floorpg');
  const clients: Client[] = [];
  try {
    for (let i = 0; i < CLIENTS; i++) {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      clients.push(client);
    }
    const versions = new Map<number, number>();
    return await closedLoop(
      options,
      async (caller, n) => {
        const client = clients[caller];
        if (!client) throw new Error(`no connection for caller ${caller}`);
        const id = caller + 1 + CLIENTS * (n % CASES_PER_CLIENT);
        const version = versions.get(id) ?? 1;
        await client.query('BEGIN');
        const updated = await client.query({
          name: 'floor_update',
          text: 'UPDATE floor_cases SET version = $1, updated_at = now() WHERE id = $2 AND version = $3',
          values: [version + 1, id, version],
        });
        if (updated.rowCount !== 1) throw new Error(`version conflict on ${id}`);
        await client.query({
          name: 'floor_insert',
          text: `INSERT INTO floor_events (case_id, seq, type, at) VALUES ($1, $2, 'EXTEND_DEADLINE', now())`,
          values: [id, version + 1],
        });
        await client.query('COMMIT');
        versions.set(id, version + 1);
      },
      new CpuMeter([selfCpu('client (bench process)'), postgresCpu(PG_ADMIN_URL, db.name)]),
    );
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await db.drop();
  }
}

/**
 * pgbench runs warm-up + measured time + a margin; the CPU meter reads the backends at the
 * window's edges while pgbench is still connected, and the per-transaction log gives the
 * transactions (and latencies) that ended inside the window.
 */
async function pgbenchFloor(options: LoadOptions): Promise<LoadResult> {
  const db = await pgFloorDatabase('floorbench');
  const url = new URL(db.url);
  const logs = await createTempDir('pgbench');
  const dir = logs.dir;
  const seconds = Math.ceil((options.warmupMs + options.durationMs) / 1000) + 2;
  const child = spawn(
    'pgbench',
    [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(options.concurrency),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-D',
      `cases_per_client=${CASES_PER_CLIENT}`,
      '-D',
      `clients=${CLIENTS}`,
      '-f',
      path.resolve(process.cwd(), 'bench/floor.sql'),
      '-l',
      `--log-prefix=${path.join(dir, 'tx')}`,
      '-h',
      url.hostname,
      '-p',
      url.port || '5432',
      '-U',
      decodeURIComponent(url.username) || 'postgres',
      db.name,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    const meter = new CpuMeter([postgresCpu(PG_ADMIN_URL, db.name)]);
    await sleep(options.warmupMs);
    await meter.begin();
    const from = Date.now();
    await sleep(options.durationMs);
    const cpu = await meter.end();
    const to = Date.now();
    const code = await exited;
    if (code !== 0) throw new Error(`pgbench exited with ${code}: ${output.slice(-500)}`);
    // Per-transaction log: client, transaction, latency (µs), script, end time (s, µs).
    const latencies: number[] = [];
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        const f = line.split(' ');
        if (f.length < 6) continue;
        const end = Number(f[4]) * 1000 + Number(f[5]) / 1000;
        if (end >= from && end < to) latencies.push(Number(f[2]) / 1000);
      }
    }
    const windowSeconds = (to - from) / 1000;
    return {
      concurrency: options.concurrency,
      eventLoopDelayMs: { p99: Number.NaN, max: Number.NaN },
      cpu,
      ops: latencies.length,
      errors: 0,
      firstError: null,
      seconds: windowSeconds,
      perSecond: latencies.length / windowSeconds,
      latencyMs: summarise(latencies),
    };
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    await logs.drop();
    await db.drop();
  }
}

/** The SQLite floor on a file of its own, at the synchronous level the product runs at. */
export async function runSqliteFloor(
  dataDir: string,
  synchronous: string,
  load: (c: number) => LoadOptions,
): Promise<FloorRun[]> {
  log(`sqlite: the floor with better-sqlite3, synchronous=${synchronous}`);
  const db = new Database(path.join(dataDir, 'floor.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec(`CREATE TABLE floor_cases (id INTEGER PRIMARY KEY, version INTEGER NOT NULL,
               status VARCHAR(64) NOT NULL, updated_at DATETIME NOT NULL);
             CREATE TABLE floor_events (case_id INTEGER NOT NULL REFERENCES floor_cases (id),
               seq INTEGER NOT NULL, type VARCHAR(64) NOT NULL, at DATETIME NOT NULL,
               PRIMARY KEY (case_id, seq)) WITHOUT ROWID;`);
    const cases = CASES_PER_CLIENT * CLIENTS;
    db.transaction(() => {
      const c = db.prepare(`INSERT INTO floor_cases VALUES (?, 1, 'blue.mediating', ?)`);
      const e = db.prepare(`INSERT INTO floor_events VALUES (?, 1, 'OPEN', ?)`);
      const at = new Date().toISOString();
      for (let id = 1; id <= cases; id++) {
        c.run(id, at);
        e.run(id, at);
      }
    })();
    const update = db.prepare(
      'UPDATE floor_cases SET version = ?, updated_at = ? WHERE id = ? AND version = ?',
    );
    const insert = db.prepare(
      `INSERT INTO floor_events (case_id, seq, type, at) VALUES (?, ?, 'EXTEND_DEADLINE', ?)`,
    );
    const versions = new Map<number, number>();
    const record = db.transaction((id: number) => {
      const version = versions.get(id) ?? 1;
      const at = new Date().toISOString().replace('T', ' ').replace('Z', '');
      if (update.run(version + 1, at, id, version).changes !== 1) {
        throw new Error(`version conflict on ${id}`);
      }
      insert.run(id, version + 1, at);
      versions.set(id, version + 1);
    });
    const result = await closedLoop(
      load(1),
      (_caller, n) => {
        record(1 + (n % cases));
        return Promise.resolve();
      },
      new CpuMeter([selfCpu('client (bench process)')]),
    );
    return [{ client: 'better-sqlite3', concurrency: 1, result }];
  } finally {
    db.close();
  }
}
