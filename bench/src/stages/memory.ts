import { OpenDisputeService, TimerQueue, TimerReconciler, type JobName } from '@tricolor/core';
import { Client } from 'pg';
import { productEnv, startInProcess, type Target } from '../app';
import { HttpClient } from '../http-client';
import { createPgDatabase, createRedisPrefix, createTempDir } from '../infra';
import { processCpuMs } from '../cpu';
import { closedLoop, log, nowMs, sleep } from '../measure';
import { startChild, type ChildHandle } from '../processes';
import type { Settings } from '../settings';
import { buildWorldInProcess, disputeBody, login } from '../world';
import { ADMIN_PASSWORD, USER_PASSWORD } from '../app';

export interface MemorySample {
  /** Seconds since the worker started. */
  t: number;
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
}

export interface ProcessMemory {
  process: string;
  /** The sample (every 250 ms) with the highest resident set, and when it was taken. */
  atPeak: MemorySample | null;
  /** Lines the process logged about reconciling, for placing the peak. */
  notes: string[];
  /** One sample a second: seconds since the worker started, RSS and V8 heap used (MB). */
  timeline: [number, number, number][];
  /** Resident set right after start (the worker's start includes its first reconcile). */
  startMb: number;
  /** CPU used from its start to the end of the stage, as a share of one core. */
  busyPct: number;
  /** VmHWM: the highest resident set the process reached. */
  peakMb: number;
  endMb: number;
}

export interface MemoryReport {
  openCases: number;
  scheduledTimers: number;
  queuedJobs: number;
  dueDuringLoad: number;
  firedDuringLoad: number;
  requests: number;
  requestErrors: number;
  loadSeconds: number;
  processes: ProcessMemory[];
  /** One TimerReconciler.reconcile() pass over these jobs, timed in the benchmark process. */
  reconcile: { seconds: number; heapGrowthMb: number; intervalSeconds: number };
}

const MB = 1024 * 1024;

/**
 * N open blue cases, each with its deadline and reminder rows (scheduled, due in the next days)
 * and their BullMQ jobs, as the API leaves them after opening N cases. Then the API process
 * (RUN_WORKER=false) and the worker process run side by side under a mixed load: lists, /stats,
 * reads, transitions and openings through HTTP, while the worker reconciles (at start) and fires
 * a batch of deadlines that fall due during the load. Peak RSS is VmHWM from /proc.
 */
export async function runMemory(s: Settings): Promise<MemoryReport> {
  const db = await createPgDatabase('mem');
  const dir = await createTempDir('mem');
  const redis = createRedisPrefix('mem');
  const target: Target = { databaseUrl: db.url, dataDir: dir.dir, redisPrefix: redis.prefix };
  const inProcess = await startInProcess(target);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const children: ChildHandle[] = [];
  try {
    const users = await buildWorldInProcess(inProcess);
    const gw = await inProcess.actor(users.gw1);
    const template = await inProcess.get(OpenDisputeService).open(gw, disputeBody(0));
    const N = s.memoryCases;
    const dueDuringLoad = Math.min(500, Math.floor(N / 50));
    log(`memory: seeding ${N.toLocaleString('en')} open cases with their timers`);
    // Cases 1..dueDuringLoad fall due 10-20 s from now; the rest in one to three days.
    const loadStartsBy = nowMs() + 60_000;
    await pg.query(`SET session_replication_role = replica`);
    await pg.query(
      `CREATE UNLOGGED TABLE bench_mem AS
       SELECT i, md5('mem-' || i)::uuid::text AS id,
              now() - make_interval(secs => abs(hashint8extended(i, 1)) % 86400) AS created,
              CASE WHEN i <= $2 THEN to_timestamp($3 / 1000.0) + make_interval(secs => 10 + (i % 10))
                   ELSE now() + make_interval(secs => 86400 + abs(hashint8extended(i, 2)) % 172800) END AS due
       FROM generate_series(1, $1::int) i`,
      [N, dueDuringLoad, loadStartsBy],
    );
    await pg.query(
      `INSERT INTO disputes (id, reference, title, description, category, grid_code, community_code,
         street_code, tier, highest_tier, status, outcome, overdue, parties, amount, risk_assessment,
         snapshot, machine_id, machine_version, version, linked_case_id, opened_by, next_deadline_at,
         created_at, updated_at, closed_at, opened_tier, tier_since, blue_ms, yellow_ms, red_ms)
       SELECT m.id, 'TM-' || upper(lpad(to_hex(m.i), 10, '0')), d.title || ' #' || m.i, d.description,
         d.category, d.grid_code, d.community_code, d.street_code, d.tier, d.highest_tier, d.status,
         NULL, false, d.parties, d.amount, d.risk_assessment, d.snapshot, d.machine_id,
         d.machine_version, 1, NULL, d.opened_by, m.due, m.created, m.created, NULL,
         d.opened_tier, m.created, d.blue_ms, d.yellow_ms, d.red_ms
       FROM bench_mem m, disputes d WHERE d.id = $1`,
      [template.id],
    );
    await pg.query(
      `INSERT INTO dispute_events (id, dispute_id, seq, type, actor_id, actor_role, payload, from_status,
         to_status, from_tier, to_tier, at, machine_version, idempotency_key, prev_hash, hash, response)
       SELECT md5(m.id || '-1')::uuid::text, m.id, 1, e.type, e.actor_id, e.actor_role, e.payload,
         NULL, e.to_status, NULL, e.to_tier, m.created, e.machine_version, NULL, e.prev_hash,
         md5(m.id) || md5(m.id || 'h'), NULL
       FROM bench_mem m, dispute_events e WHERE e.dispute_id = $1 AND e.seq = 1`,
      [template.id],
    );
    // The workflow's ids for the template's deadline and reminder (t1, t2).
    await pg.query(
      `INSERT INTO timers (id, dispute_id, kind, fires, due_at, status, state_path, created_at,
         fired_at, lateness_ms, cancel_reason)
       SELECT m.id || '-' || t.tid, m.id, t.kind, t.fires,
              CASE t.kind WHEN 'deadline' THEN m.due ELSE m.due - interval '8 hours' END,
              'scheduled', t.state_path, m.created, NULL, NULL, NULL
       FROM bench_mem m,
            (SELECT substr(id, length($1) + 2) AS tid, kind, fires, state_path FROM timers
             WHERE dispute_id = $1) t
       WHERE t.kind = 'deadline' OR m.i > $2`,
      [template.id, dueDuringLoad],
    );
    await pg.query('DROP TABLE bench_mem');
    await pg.query(`SET session_replication_role = DEFAULT`);
    await pg.query('VACUUM (ANALYZE) disputes, dispute_events, timers');

    // Their wake-up calls, through the product's queue (TimerQueue.schedule is what openings use).
    const queue = inProcess.get(TimerQueue);
    let queued = 0;
    for (let offset = 0; ; offset += 5000) {
      const rows = await pg.query<{ id: string; kind: string; due_at: Date }>(
        `SELECT id, kind, due_at FROM timers WHERE status = 'scheduled' ORDER BY id LIMIT 5000 OFFSET $1`,
        [offset],
      );
      // Five batches at a time, as five API requests opening cases at once would.
      const batches = [];
      for (let k = 0; k < rows.rows.length; k += 1000) batches.push(rows.rows.slice(k, k + 1000));
      await Promise.all(
        batches.map((batch) =>
          queue.schedule(
            batch.map((r) => ({ id: r.id, kind: r.kind as JobName, dueAt: r.due_at })),
          ),
        ),
      );
      queued += rows.rows.length;
      if (rows.rows.length < 5000) break;
    }
    const scheduled = await pg.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM timers WHERE status = 'scheduled'`,
    );
    const openCases = await pg.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM disputes WHERE status <> 'closed'`,
    );
    // One pass of the reconciler the worker runs at start and every RECONCILE_INTERVAL, timed here.
    const reconcileStart = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    await inProcess.get(TimerReconciler).reconcile(2 * inProcess.config.reconcileIntervalMs);
    const reconcile = {
      seconds: (performance.now() - reconcileStart) / 1000,
      heapGrowthMb: (process.memoryUsage().heapUsed - heapBefore) / MB,
      intervalSeconds: inProcess.config.reconcileIntervalMs / 1000,
    };
    await inProcess.close();
    log(
      `memory: ${openCases.rows[0]?.n ?? 0} open cases, ${queued} jobs queued; starting API and worker`,
    );

    // ---- the two processes, as deployed separately
    const worker = await startChild('worker', productEnv(target));
    const workerStarted = performance.now();
    const workerCpuAtStart = processCpuMs(worker.pid);
    children.push(worker);
    const samples = new Map<ChildHandle, MemorySample[]>();
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        for (const c of children) {
          try {
            const u = await c.usage();
            const list = samples.get(c) ?? [];
            list.push({
              t: (performance.now() - workerStarted) / 1000,
              rssMb: u.rssBytes / MB,
              heapUsedMb: u.heapUsedBytes / MB,
              heapTotalMb: u.heapTotalBytes / MB,
              externalMb: u.externalBytes / MB,
            });
            samples.set(c, list);
          } catch {
            // a busy child may miss one sample
          }
        }
        await sleep(250);
      }
    })();
    const api = await startChild('api', productEnv(target, { RUN_WORKER: 'false' }));
    const apiStarted = performance.now();
    const apiCpuAtStart = processCpuMs(api.pid);
    children.push(api);
    await sleep(1_000);
    const startRss = new Map<ChildHandle, number>();
    for (const c of children) startRss.set(c, await c.rssBytes());

    const http = new HttpClient(api.port ?? 0, 8);
    const loadSeconds = s.memoryLoadSeconds;
    try {
      const admin = await login(http, 'admin', ADMIN_PASSWORD);
      const gwToken = await login(http, 'gw1', USER_PASSWORD);
      const superToken = await login(http, 'super1', USER_PASSWORD);
      const caseIds = (
        await pg.query<{ id: string }>(
          `SELECT id FROM disputes WHERE status = 'blue.mediating' ORDER BY id LIMIT 2000 OFFSET $1`,
          [dueDuringLoad],
        )
      ).rows.map((r) => r.id);
      await sleep(Math.max(0, loadStartsBy - nowMs()));
      const until = new Map<string, number>();
      const result = await closedLoop(
        { concurrency: 8, durationMs: loadSeconds * 1000, warmupMs: 0, maxOps: 1_000_000 },
        async (caller, n) => {
          const id = caseIds[(caller * 7919 + n * 31) % caseIds.length] ?? '';
          switch (n % 10) {
            case 0:
              // One request in forty is /stats over every case (the rest are cheap reads).
              if (n % 40 === 0) await http.expect(200, 'GET', '/stats', { token: admin });
              else
                await http.expect(200, 'GET', '/disputes?status=blue.mediating', { token: admin });
              return;
            case 1:
            case 2:
              await http.expect(200, 'GET', `/disputes?page=${1 + (n % 50)}&pageSize=50`, {
                token: superToken,
              });
              return;
            case 3:
              await http.expect(200, 'GET', '/disputes?overdue=false&tier=blue', {
                token: gwToken,
              });
              return;
            case 4:
            case 5:
              await http.expect(200, 'GET', `/disputes/${id}`, { token: gwToken });
              return;
            case 6:
              await http.expect(200, 'GET', `/disputes/${id}/events`, { token: gwToken });
              return;
            case 7: {
              const k = (until.get(id) ?? 0) + 1;
              until.set(id, k);
              await http.expect(200, 'POST', `/disputes/${id}/events`, {
                token: gwToken,
                body: {
                  type: 'EXTEND_DEADLINE',
                  until: new Date(Date.now() + 10 * 86_400_000 + k * 60_000).toISOString(),
                  reason: 'more time',
                  consentingPartyIds: ['p1', 'p2'],
                },
              });
              return;
            }
            case 8:
              await http.expect(201, 'POST', '/disputes', { token: gwToken, body: disputeBody(n) });
              return;
            default:
              await http.expect(200, 'GET', '/me/notifications', { token: superToken });
          }
        },
      );
      // Let the worker finish what fell due.
      const fired = async () =>
        (
          await pg.query<{ n: number }>(
            `SELECT COUNT(*)::int AS n FROM timers WHERE status = 'fired' AND kind = 'deadline'`,
          )
        ).rows[0]?.n ?? 0;
      const waitUntil = nowMs() + 20_000;
      while (nowMs() < waitUntil && (await fired()) < dueDuringLoad) await sleep(250);
      const firedDuringLoad = await fired();
      sampling = false;
      await sampler;
      const processes: ProcessMemory[] = [];
      for (const c of children) {
        const atPeak = (samples.get(c) ?? []).reduce<MemorySample | null>(
          (best, x) => (best === null || x.rssMb > best.rssMb ? x : best),
          null,
        );
        const timeline: [number, number, number][] = [];
        for (const x of samples.get(c) ?? []) {
          const last = timeline[timeline.length - 1];
          if (!last || x.t - last[0] >= 1) {
            timeline.push([Math.round(x.t), Math.round(x.rssMb), Math.round(x.heapUsedMb)]);
          }
        }
        processes.push({
          timeline,
          atPeak,
          notes: c
            .output()
            .split('\n')
            .filter((line) => /reconcil|started|listening/i.test(line))
            // eslint-disable-next-line no-control-regex
            .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim())
            .slice(0, 10),
          process: c === api ? 'API (RUN_WORKER=false)' : 'timer worker',
          startMb: (startRss.get(c) ?? 0) / MB,
          peakMb: (await c.peakRssBytes()) / MB,
          endMb: (await c.rssBytes()) / MB,
          // Share of one core from the worker's start to now (the API's from its own start).
          busyPct:
            (100 * (processCpuMs(c.pid) - (c === worker ? workerCpuAtStart : apiCpuAtStart))) /
            (performance.now() - (c === worker ? workerStarted : apiStarted)),
        });
      }
      return {
        openCases: openCases.rows[0]?.n ?? 0,
        scheduledTimers: scheduled.rows[0]?.n ?? 0,
        queuedJobs: queued,
        dueDuringLoad,
        firedDuringLoad,
        requests: result.ops,
        requestErrors: result.errors,
        loadSeconds,
        processes,
        reconcile,
      };
    } finally {
      http.close();
    }
  } finally {
    for (const c of children) await c.stop();
    await pg.end();
    await inProcess.close();
    await db.drop();
    await dir.drop();
    await redis.wipe();
  }
}
