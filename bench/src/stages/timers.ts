import {
  Notifier,
  OpenDisputeService,
  SendEventService,
  TIMER_QUEUE,
  TimerFiring,
  TimerQueue,
  wakeUpAt,
  wakeUpJobId,
  workerConnection,
} from '@tricolor/core';
import { DeadlineJob } from '../../../apps/worker/src/jobs/deadline.job';
import { captureQueries } from '../typeorm-tap';
import { loadConfig } from '@tricolor/config';
import { Queue, Worker } from 'bullmq';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { productEnv, startInProcess, type Target } from '../app';
import {
  PG_ADMIN_URL,
  REDIS_URL,
  createPgDatabase,
  createRedisPrefix,
  createTempDir,
} from '../infra';
import { CpuMeter, childCpu, postgresCpu, redisCpu, type CpuSpent } from '../cpu';
import { HttpClient } from '../http-client';
import {
  closedLoop,
  log,
  nowMs,
  sleep,
  summarise,
  type LoadResult,
  type Summary,
} from '../measure';
import { startChild, type ChildHandle } from '../processes';
import { profileChild, type ProfileSummary } from '../profile';
import type { Settings } from '../settings';
import { buildWorld, disputeBody, type World } from '../world';

export interface TimerFigures {
  what: string;
  due: number;
  fired: number;
  latenessMs: Summary;
  /** Some never fired within the cap: their lateness is counted as the cap's, a lower bound. */
  latenessIsLowerBound?: boolean;
  early: number;
  /** Never fired, and no wake-up left in the queue to fire them (only the reconciler could). */
  lost: number;
  /** Not fired when the stage's cap ran out (worker stopped), but still queued: late, not lost. */
  queuedAtCap: number;
  doubled: number;
  /** From the first due time to the last firing. */
  drainSeconds: number;
}

export interface TimersReport {
  windowMs: number;
  workerConcurrency: number;
  /** Timer batches the worker process runs at once (TIMER_DRAINS). */
  timerDrains: number;
  tricolor: TimerFigures;
  casesEscalated: number;
  seedSeconds: number;
  /**
   * SQL statements one batch of deadline firings issues (the worker's DeadlineJob reaction, a
   * batch of `batch` due timers fired once in-process), and per firing.
   */
  statementsPerFiring: { count: number; batch: number; perFiring: number; statements: string[] };
  /**
   * Users' HTTP transitions (EXTEND_DEADLINE on their own cases, a closed loop) in a quiet
   * minute and while the deadlines fire: the storm must not starve people (p99 ≤ 2× quiet).
   */
  users?: { concurrency: number; quiet: LoadResult; storm: LoadResult };
  /** Warnings the worker logged during the stage (failed attempts, queue errors), by message. */
  workerWarnings: { message: string; count: number }[];
  /** The worker's reconciler reports (at start and every RECONCILE_INTERVAL). */
  workerReconciles: string[];
  /** CPU from the window's start until the last deadline fired (or the cap). */
  cpu: CpuSpent;
  bullmq: TimerFigures;
  profiles: ProfileSummary[];
}

/**
 * N blue cases whose mediation deadlines all fall due inside one window a little after set-up.
 * One case is opened through OpenDisputeService; N copies of it (its snapshot, its OPEN event, its
 * timer rows) are written with SQL, each deadline row due at T0 + i·window/N and its reminder
 * row already fired (as it would have been, long before), and the deadlines' wake-ups are queued
 * through the product's TimerQueue, as an opening queues them. Then the compiled timer worker
 * starts as its own process and fires them. The database is read back afterwards: lateness_ms of
 * each deadline row, fired or still scheduled, DEADLINE_EXPIRED events per case.
 */
export async function runTimers(s: Settings): Promise<TimersReport> {
  const db = await createPgDatabase('timers');
  const dir = await createTempDir('timers');
  const redis = createRedisPrefix('timers');
  const target: Target = { databaseUrl: db.url, dataDir: dir.dir, redisPrefix: redis.prefix };
  const profiles: ProfileSummary[] = [];
  const inProcess = await startInProcess(target);
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const workerEnv = productEnv(target, s.timerDrains ? { TIMER_DRAINS: s.timerDrains } : {});
  const { workerConcurrency, timerDrains } = loadConfig(workerEnv);
  let worker: ChildHandle | undefined;
  let api: ChildHandle | undefined;
  const http = { client: undefined as HttpClient | undefined };
  try {
    // Users first: an API process (no worker in it) and their own cases, and a quiet run.
    api = await startChild('api', productEnv(target, { RUN_WORKER: 'false' }));
    const client = new HttpClient(api.port ?? 0);
    http.client = client;
    const world = await buildWorld(client);
    const userCases = await Promise.all(
      Array.from({ length: 4 * USER_CONCURRENCY }, (_, i) =>
        client.expect<{ id: string }>(201, 'POST', '/disputes', {
          token: world.token.gw1,
          body: disputeBody(i),
        }),
      ),
    );
    const users = userLoad(
      client,
      world,
      userCases.map((c) => c.id),
    );
    log(`timers: users' HTTP transitions, quiet (concurrency ${USER_CONCURRENCY})`);
    const quiet = await users.run(s.quick ? 3_000 : 5_000);

    const actor = await inProcess.actor(world.user.gw1);
    const template = await inProcess.get(OpenDisputeService).open(actor, disputeBody(0));
    // One batch through the worker's own reaction in this process, to count its statements.
    const probeCases = await cloneCases(
      pg,
      template.id,
      PROBE_BATCH,
      Date.now() - 1_000,
      0,
      'probe',
    );
    const deadlineJob = new DeadlineJob(inProcess.get(SendEventService), inProcess.get(Notifier));
    const firing = inProcess.get(TimerFiring);
    const statements = await captureQueries(inProcess.dataSource, () =>
      firing.fireDue(() => deadlineJob.react, { limit: PROBE_BATCH }),
    );
    const probed = await pg.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM timers WHERE dispute_id = ANY($1) AND kind = 'deadline'
       AND state_path = 'blue.mediating' AND status = 'fired'`,
      [probeCases],
    );
    const batch = probed.rows[0]?.n ?? 0;
    const statementsPerFiring = {
      count: statements.length,
      batch,
      perFiring: batch > 0 ? statements.length / batch : Number.NaN,
      statements: statements.map((x) => x.sql.replace(/\s+/g, ' ').slice(0, 140)),
    };
    // The worker first (its start is slow on a loaded machine), then the storm, then the window.
    worker = await startChild('worker', workerEnv);
    const N = s.timerCount;
    const W = s.timerWindowMs;
    log(`timers: ${N} cases from a real one, their deadlines due in one ${W / 1000} s window`);
    const t = performance.now();
    // The window opens once the cases, their wake-ups and the worker are all in place.
    const t0 = Math.ceil(nowMs() + 20_000);
    const ids = await cloneCases(pg, template.id, N, t0, W);
    const queue = inProcess.get(TimerQueue);
    for (let k = 0; k < N; k += 1000) {
      await queue.schedule(
        ids.slice(k, k + 1000).map((id, j) => ({
          id: `${id}-t1`,
          kind: 'deadline' as const,
          dueAt: new Date(t0 + Math.floor((W * (k + j)) / N)),
        })),
      );
    }
    const seedSeconds = (performance.now() - t) / 1000;
    await inProcess.close();
    if (nowMs() > t0 - 2_000) {
      log(
        `timers: set-up took too long: the window opened ${((nowMs() - t0) / 1000).toFixed(1)} s ago`,
      );
    }
    // Users keep working through the window and the drain after it.
    await sleep(Math.max(0, t0 - nowMs() - 1_200));
    const storm = users.run(W + 2_000, 1_000);
    const meter = new CpuMeter([
      childCpu('timer worker', worker.pid),
      postgresCpu(PG_ADMIN_URL, db.name),
      redisCpu(),
    ]);
    await meter.begin();

    const pending = async () =>
      (
        await pg.query<{ n: number }>(
          `SELECT COUNT(*)::int AS n FROM timers WHERE dispute_id = ANY($1)
           AND kind = 'deadline' AND state_path = 'blue.mediating' AND status = 'scheduled'`,
          [ids],
        )
      ).rows[0]?.n ?? 0;
    const capAt = t0 + W + 30_000;
    const drain = async () => {
      // Past the window, wait for every deadline to fire, or for the cap.
      await sleep(Math.max(0, t0 + W - nowMs()));
      while (nowMs() < capAt && (await pending()) > 0) await sleep(250);
    };
    const running = worker;
    if (s.profile) await profileChild(running, 'timers-worker', drain, profiles);
    else await drain();
    const cpu = await meter.end();
    const endedAt = nowMs();
    const stormUsers = await storm;
    // A little longer, so that a second firing of any of them would be seen; then stop the
    // worker (it finishes the jobs in hand), so that rows and queue are read standing still.
    await sleep(2_000);
    await running.stop();
    const workerOutput = running.output();

    const rows = await pg.query<{
      id: string;
      status: string;
      lateness_ms: number | null;
      due_ms: number;
      fired_ms: number | null;
    }>(
      `SELECT id, status, lateness_ms::float8 AS lateness_ms,
              EXTRACT(EPOCH FROM due_at)::float8 * 1000 AS due_ms,
              EXTRACT(EPOCH FROM fired_at)::float8 * 1000 AS fired_ms
       FROM timers WHERE dispute_id = ANY($1) AND kind = 'deadline' AND state_path = 'blue.mediating'`,
      [ids],
    );
    const events = await pg.query<{ dispute_id: string; n: number; early: number }>(
      `SELECT e.dispute_id, COUNT(*)::int AS n,
              SUM(CASE WHEN e.at < t.due_at THEN 1 ELSE 0 END)::int AS early
       FROM dispute_events e
       JOIN timers t ON t.dispute_id = e.dispute_id AND t.kind = 'deadline' AND t.state_path = 'blue.mediating'
       WHERE e.type = 'DEADLINE_EXPIRED' AND e.dispute_id = ANY($1)
       GROUP BY e.dispute_id`,
      [ids],
    );
    const escalated = await pg.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM disputes WHERE id = ANY($1) AND tier = 'yellow'`,
      [ids],
    );
    const fired = rows.rows.filter((r) => r.status === 'fired');
    // Rows still scheduled: is their BullMQ job still there to fire them?
    const unfired = rows.rows.filter((r) => r.status === 'scheduled');
    const probe = new Queue(TIMER_QUEUE, {
      connection: { url: REDIS_URL, maxRetriesPerRequest: 1 },
      prefix: redis.prefix,
    });
    let queuedAtCap = 0;
    const lostIds: string[] = [];
    try {
      // Its wake-up is the job of its due instant (or, queued before batching, its own).
      for (const r of unfired) {
        const wakeUp = wakeUpJobId(wakeUpAt(Number(r.due_ms)));
        if ((await probe.getJob(wakeUp)) ?? (await probe.getJob(r.id))) queuedAtCap += 1;
        else lostIds.push(r.id);
      }
    } finally {
      await probe.close();
    }
    // A deadline not fired by the cap is at least (cap - due) late: counted as that, a lower bound.
    const lateness = [
      ...fired.map((r) => Number(r.lateness_ms)),
      ...unfired.map((r) => endedAt - Number(r.due_ms)),
    ];
    const lastFired = Math.max(...fired.map((r) => Number(r.fired_ms)));
    const tricolor: TimerFigures = {
      what: `Tricolor deadlines (worker process, concurrency ${workerConcurrency}, ${timerDrains} drain${timerDrains === 1 ? '' : 's'})`,
      due: N,
      fired: fired.length,
      latenessMs: summarise(lateness),
      latenessIsLowerBound: unfired.length > 0,
      early:
        fired.filter((r) => Number(r.fired_ms) < Number(r.due_ms)).length +
        events.rows.reduce((n, e) => n + Number(e.early), 0),
      lost: unfired.length - queuedAtCap + (N - rows.rows.length),
      queuedAtCap,
      doubled: events.rows.filter((e) => Number(e.n) > 1).length,
      drainSeconds: fired.length > 0 ? (lastFired - t0) / 1000 : Number.NaN,
    };
    if (process.env.BENCH_DEBUG) {
      const detail = await pg.query(
        `SELECT t.id, t.status, t.due_at, d.status AS case_status, d.version,
                (SELECT COUNT(*) FROM dispute_events e WHERE e.dispute_id = t.dispute_id) AS events
         FROM timers t JOIN disputes d ON d.id = t.dispute_id WHERE t.id = ANY($1) ORDER BY t.due_at LIMIT 5`,
        [lostIds],
      );
      writeFileSync(
        path.join(tmpdir(), `tricolor-bench-debug-timers-${process.pid}.log`),
        `${JSON.stringify(detail.rows, null, 2)}\n\n${workerOutput}`,
      );
    }
    // What the worker complained about (failed attempts are retried, then dropped from the queue).
    const warnings = new Map<string, number>();
    for (const line of workerOutput.split('\n')) {
      // eslint-disable-next-line no-control-regex
      const clean = line.replace(/\u001b\[[0-9;]*m/g, '');
      if (!/WARN|ERROR/.test(clean)) continue;
      const message = clean
        .replace(/^.*?(WARN|ERROR)\s+/, '$1 ')
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-t\d+)?/g, '<id>')
        .slice(0, 200);
      warnings.set(message, (warnings.get(message) ?? 0) + 1);
    }
    // eslint-disable-next-line no-control-regex
    const plain = workerOutput.replace(/\u001b\[[0-9;]*m/g, '');
    const workerReconciles = [...plain.matchAll(/reconciled: [^\n]*/g)].map((m) => m[0]);
    const workerWarnings = [...warnings.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([message, count]) => ({ message, count }));
    log(`timers: Tricolor p99 lateness ${tricolor.latenessMs.p99} ms; now the BullMQ baseline`);
    const bullmq = await bullmqBaseline(s, workerConcurrency, redis.prefix);
    return {
      windowMs: W,
      workerConcurrency,
      timerDrains,
      tricolor,
      casesEscalated: escalated.rows[0]?.n ?? 0,
      seedSeconds,
      statementsPerFiring,
      users: { concurrency: USER_CONCURRENCY, quiet, storm: stormUsers },
      workerWarnings,
      workerReconciles,
      cpu,
      bullmq,
      profiles,
    };
  } finally {
    await worker?.stop();
    http.client?.close();
    await api?.stop();
    await pg.end();
    await inProcess.close();
    await db.drop();
    await dir.drop();
    await redis.wipe();
  }
}

/** Users working while the deadlines fire: a few at once, as an office would. */
const USER_CONCURRENCY = 4;
/** Deadlines fired in-process once, to count a batch's statements. */
const PROBE_BATCH = 200;

/** EXTEND_DEADLINE on the users' own cases through HTTP, each caller on its own slice. */
function userLoad(client: HttpClient, world: World, ids: readonly string[]) {
  // EXTEND_DEADLINE_MAX is 30 days: 20 days out, a minute later each time.
  const base = Date.now() + 20 * 86_400_000;
  const extensions = new Map<string, number>();
  const until = (id: string) => {
    const k = (extensions.get(id) ?? 0) + 1;
    extensions.set(id, k);
    return new Date(base + k * 60_000).toISOString();
  };
  const run = (durationMs: number, warmupMs = 1_000) =>
    closedLoop(
      { concurrency: USER_CONCURRENCY, durationMs, warmupMs, maxOps: 1_000_000 },
      async (caller, n) => {
        const slice = ids.filter((_id, i) => i % USER_CONCURRENCY === caller);
        const id = slice[n % slice.length];
        await client.expect(200, 'POST', `/disputes/${id}/events`, {
          token: world.token.gw1,
          body: {
            type: 'EXTEND_DEADLINE',
            until: until(id),
            reason: 'the parties asked for more time',
            consentingPartyIds: ['p1', 'p2'],
          },
        });
      },
    );
  return { run };
}

/**
 * N copies of a real blue case (snapshot, parties, OPEN event), each with its mediation deadline
 * row (the workflow's timer t1) due at t0 + i·window/N, and its reminder row (t2) already fired,
 * as it would have been long before. Returns the new case ids, in due order.
 */
async function cloneCases(
  pg: Client,
  templateId: string,
  n: number,
  t0: number,
  windowMs: number,
  tag = 'timer-case',
): Promise<string[]> {
  await pg.query('BEGIN');
  try {
    await pg.query(`SET LOCAL session_replication_role = replica`);
    await pg.query(
      `CREATE TEMP TABLE bench_timer_cases ON COMMIT DROP AS
       SELECT i, md5($4 || '-' || i)::uuid::text AS id,
              to_timestamp(($2 + floor(($3::float8 * (i - 1)) / $1)) / 1000.0) AS due
       FROM generate_series(1, $1::int) i`,
      [n, t0, windowMs, tag],
    );
    await pg.query(
      `INSERT INTO disputes (id, reference, title, description, category, grid_code, community_code,
         street_code, tier, highest_tier, status, outcome, overdue, parties, amount, risk_assessment,
         snapshot, machine_id, machine_version, version, linked_case_id, opened_by, next_deadline_at,
         created_at, updated_at, closed_at, opened_tier, tier_since, blue_ms, yellow_ms, red_ms)
       SELECT c.id, 'TT-' || upper(substr(md5(c.id), 1, 10)), d.title, d.description, d.category,
         d.grid_code, d.community_code, d.street_code, d.tier, d.highest_tier, d.status, NULL, false,
         d.parties, d.amount, d.risk_assessment, d.snapshot, d.machine_id, d.machine_version, 1, NULL,
         d.opened_by, c.due, c.due - interval '3 days', c.due - interval '3 days', NULL,
         d.opened_tier, c.due - interval '3 days', d.blue_ms, d.yellow_ms, d.red_ms
       FROM bench_timer_cases c, disputes d WHERE d.id = $1`,
      [templateId],
    );
    await pg.query(
      `INSERT INTO dispute_events (id, dispute_id, seq, type, actor_id, actor_role, payload, from_status,
         to_status, from_tier, to_tier, at, machine_version, idempotency_key, prev_hash, hash, response)
       SELECT md5(c.id || '-1')::uuid::text, c.id, 1, e.type, e.actor_id, e.actor_role, e.payload, NULL,
         e.to_status, NULL, e.to_tier, c.due - interval '3 days', e.machine_version, NULL, e.prev_hash,
         md5(c.id) || md5(c.id || 'h'), NULL
       FROM bench_timer_cases c, dispute_events e WHERE e.dispute_id = $1 AND e.seq = 1`,
      [templateId],
    );
    await pg.query(
      `INSERT INTO timers (id, dispute_id, kind, fires, due_at, status, state_path, created_at,
         fired_at, lateness_ms, cancel_reason)
       SELECT c.id || '-' || substr(t.id, length($1) + 2), c.id, t.kind, t.fires,
              CASE t.kind WHEN 'deadline' THEN c.due ELSE c.due - interval '14 hours' END,
              CASE t.kind WHEN 'deadline' THEN 'scheduled' ELSE 'fired' END,
              t.state_path, c.due - interval '3 days',
              CASE t.kind WHEN 'deadline' THEN NULL ELSE c.due - interval '14 hours' END,
              CASE t.kind WHEN 'deadline' THEN NULL ELSE 12 END, NULL
       FROM bench_timer_cases c, timers t WHERE t.dispute_id = $1`,
      [templateId],
    );
    const ids = await pg.query<{ id: string }>('SELECT id FROM bench_timer_cases ORDER BY i');
    await pg.query('COMMIT');
    await pg.query('ANALYZE disputes, dispute_events, timers');
    return ids.rows.map((r) => r.id);
  } catch (error) {
    await pg.query('ROLLBACK');
    throw error;
  }
}

/**
 * The same shape of load on BullMQ alone: N delayed jobs due inside one window, a worker with the
 * product's connection options and concurrency, a processor that only records when it ran.
 */
async function bullmqBaseline(
  s: Settings,
  concurrency: number,
  prefix: string,
): Promise<TimerFigures> {
  const N = s.timerCount;
  const W = s.timerWindowMs;
  const name = 'bench-baseline';
  const connection = { url: REDIS_URL };
  const queue = new Queue<{ due: number }>(name, {
    connection: { ...connection, maxRetriesPerRequest: 1 },
    prefix,
  });
  const seen = new Map<string, number>();
  const lateness: number[] = [];
  let early = 0;
  let lastAt = 0;
  const worker = new Worker<{ due: number }>(
    name,
    (job) => {
      const at = nowMs();
      const late = at - job.data.due;
      lastAt = Math.max(lastAt, at);
      if (late < 0) early += 1;
      seen.set(job.id ?? '', (seen.get(job.id ?? '') ?? 0) + 1);
      lateness.push(late);
      return Promise.resolve();
    },
    {
      connection: workerConnection(loadConfig({ REDIS_URL })),
      prefix,
      concurrency,
      lockDuration: 30_000,
      stalledInterval: 15_000,
    },
  );
  try {
    await worker.waitUntilReady();
    const t0 = Math.ceil(nowMs() + 8_000);
    for (let start = 0; start < N; start += 1000) {
      const now = nowMs();
      await queue.addBulk(
        Array.from({ length: Math.min(1000, N - start) }, (_, k) => {
          const i = start + k;
          const due = t0 + Math.floor((W * i) / N);
          return {
            name: 'deadline',
            data: { due },
            opts: {
              jobId: `job-${i}`,
              delay: Math.max(0, due - now),
              removeOnComplete: true,
              removeOnFail: true,
              attempts: 5,
              backoff: { type: 'exponential', delay: 1000 },
            },
          };
        }),
      );
    }
    const capAt = t0 + W + (s.quick ? 30_000 : 60_000);
    await sleep(Math.max(0, t0 + W - nowMs()));
    while (nowMs() < capAt && seen.size < N) await sleep(100);
    await sleep(2_000);
    return {
      what: `plain BullMQ delayed jobs (concurrency ${concurrency}, no-op processor)`,
      due: N,
      fired: seen.size,
      latenessMs: summarise(lateness),
      early,
      lost: N - seen.size,
      queuedAtCap: 0,
      doubled: [...seen.values()].filter((n) => n > 1).length,
      drainSeconds: (lastAt - t0) / 1000,
    };
  } finally {
    await worker.close();
    await queue.close();
  }
}
