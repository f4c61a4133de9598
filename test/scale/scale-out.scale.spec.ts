import { verifyAllChains } from '@tricolor/core';
import { DisputeEventEntity, TimerEntity, createDataSource } from '@tricolor/persistence';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import type { TestApi } from '../support/api';
import { createTestPostgresDatabase, type TestPostgresDatabase } from '../support/databases';
import { TEST_REDIS_URL, wipeRedisPrefix } from '../support/redis';
import { waitFor } from '../support/wait';
import { buildWorld, disputeBody, type World } from '../support/world';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy';
import { randomBytes } from 'node:crypto';

const CASES = Number(process.env.SCALE_CASES ?? 90);
const CONCURRENCY = 8;

interface Ack {
  caseId: string;
  type: string;
  version: number;
}

/**
 * The compose topology with processes: 2 APIs and 2 workers on one PostgreSQL and one Redis,
 * behind a round-robin proxy. Mixed load; one API and one worker SIGKILLed half-way.
 */
describe('scale-out: 2 API + 2 worker processes, one of each killed mid-load', () => {
  let db: TestPostgresDatabase;
  let apis: ApiProcess[] = [];
  let workers: WorkerProcess[] = [];
  let proxy: RoundRobinProxy;
  let world: World;
  let ds: DataSource;
  // Hash-tagged, as in production (one Redis Cluster slot for the queue).
  const prefix = `{tricolor-scale-${randomBytes(4).toString('hex')}}`;

  const env = () => ({
    DATA_DIR: '/tmp',
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    DB_POOL_SIZE: '6',
    DEADLINE_BLUE_MEDIATION: 'PT6S',
    DEADLINE_YELLOW_ACCEPTANCE: 'PT6S',
    RECONCILE_INTERVAL: 'PT2S',
    WORKER_LOCK_DURATION: 'PT2S',
  });

  beforeAll(async () => {
    db = await createTestPostgresDatabase();
    // Started together on the empty database: the migration lock sorts them out.
    apis = await Promise.all([0, 1].map(() => startApiProcess({ ...env(), RUN_WORKER: 'false' })));
    await Promise.all(apis.map((a) => a.listening(60_000)));
    workers = [0, 1].map(() => startWorkerProcess({ ...env(), LOG_FORMAT: 'json' }));
    await Promise.all(workers.map((w) => w.ready(60_000)));
    proxy = await startRoundRobinProxy(apis.map((a) => a.url));
    const http = () => request(proxy.url);
    world = await buildWorld({
      http,
      login: async (username: string, password = 'password-123') =>
        (
          (await http().post('/auth/login').send({ username, password })).body as {
            accessToken: string;
          }
        ).accessToken,
    } as unknown as TestApi);
    ds = await createDataSource({ databaseUrl: db.url, dataDir: '/tmp', poolSize: 2 }).initialize();
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((p) => p.kill()));
    await proxy?.close();
    await ds?.destroy();
    await db?.drop();
    await wipeRedisPrefix(prefix);
  });

  it('keeps every acknowledged transition, fires every due timer once, and every chain verifies', async () => {
    const acks: Ack[] = [];
    const started = Date.now();
    const post = (path: string, body: object, key?: string) => {
      let r = request(proxy.url).post(path).set('Authorization', `Bearer ${world.token.gw1}`);
      if (key) r = r.set('Idempotency-Key', key);
      return r.send(body);
    };

    // One task a case: open it, then agree (no timer left), escalate (yellow deadline) or leave
    // it to its blue deadline. Transitions carry an Idempotency-Key so a retry is safe.
    async function task(i: number): Promise<void> {
      const opened = await post('/disputes', disputeBody()).catch(() => undefined);
      if (opened?.status !== 201) return; // not acknowledged: no claim on it
      const c = opened.body as { id: string; version: number };
      acks.push({ caseId: c.id, type: 'OPEN', version: c.version });
      const event =
        i % 3 === 0
          ? { type: 'REACH_AGREEMENT', terms: 'Fix the pipe', signedByPartyIds: ['p1', 'p2'] }
          : i % 3 === 1
            ? { type: 'ESCALATE', reason: 'needs a lawyer' }
            : undefined;
      if (!event) return;
      const key = `scale-${c.id}`;
      for (let attempt = 0; attempt < 3; attempt++) {
        const res = await post(`/disputes/${c.id}/events`, event, key).catch(() => undefined);
        if (res?.status === 200) {
          const v = res.body as { version: number };
          acks.push({ caseId: c.id, type: event.type, version: v.version });
          return;
        }
        if (res && res.status < 500) return; // refused (e.g. the deadline won): not acknowledged
      }
    }

    let nextCase = 0;
    let done = 0;
    let killedAt: { served: number[]; workerOutput: number } | undefined;
    async function lane(): Promise<void> {
      while (nextCase < CASES) {
        const i = nextCase++;
        await task(i);
        done += 1;
        if (!killedAt && done >= CASES / 2) {
          killedAt = { served: [...proxy.served], workerOutput: workers[1]?.output().length ?? 0 };
          await Promise.all([apis[0]?.kill(), workers[0]?.kill()]);
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, () => lane()));
    const loadSeconds = (Date.now() - started) / 1000;
    expect(killedAt).toBeDefined();
    expect(acks.filter((a) => a.type === 'OPEN').length).toBeGreaterThan(CASES * 0.8);

    // Every timer of the run (seconds long; the rest are days away) falls due and is handled by
    // the surviving worker, the killed one's jobs after their lock lapses.
    await waitFor(
      'every timer due within the run to be fired or cancelled',
      async () => {
        const [row] = await ds.query<{ n: number }[]>(
          `SELECT COUNT(*)::int AS n FROM timers WHERE status = 'scheduled' AND due_at <= now() + interval '60 seconds'`,
        );
        return row?.n === 0;
      },
      120_000,
      500,
    );

    // Every acknowledged transition is in the log, at the version the API answered with.
    const events = await ds.getRepository(DisputeEventEntity).find({
      select: { disputeId: true, seq: true, type: true },
    });
    const recorded = new Set(events.map((e) => `${e.disputeId}/${e.seq}/${e.type}`));
    expect(acks.filter((a) => !recorded.has(`${a.caseId}/${a.version}/${a.type}`))).toEqual([]);

    // Exactly once: per case, one DEADLINE_EXPIRED per fired deadline row, and none twice.
    const timers = await ds.getRepository(TimerEntity).find();
    const firedDeadlines = new Map<string, number>();
    for (const t of timers) {
      if (t.kind === 'deadline' && t.status === 'fired') {
        firedDeadlines.set(t.disputeId, (firedDeadlines.get(t.disputeId) ?? 0) + 1);
      }
    }
    const expiredEvents = new Map<string, number>();
    for (const e of events) {
      if (e.type === 'DEADLINE_EXPIRED') {
        expiredEvents.set(e.disputeId, (expiredEvents.get(e.disputeId) ?? 0) + 1);
      }
    }
    expect([...expiredEvents.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(CASES / 3);
    expect(Object.fromEntries(expiredEvents)).toEqual(Object.fromEntries(firedDeadlines));

    const chains = await verifyAllChains(ds);
    expect(chains.broken).toEqual([]);
    expect(chains.cases).toBeGreaterThanOrEqual(acks.filter((a) => a.type === 'OPEN').length);

    // The survivors took the load: the second API answered after the kill, the second worker fired.
    expect(proxy.served[1] ?? 0).toBeGreaterThan(killedAt?.served[1] ?? 0);
    expect(workers[1]?.output().slice(killedAt?.workerOutput ?? 0)).toContain('timer fired');

    console.log(
      `scale-out: ${CASES} cases, ${acks.length} acknowledged writes in ${loadSeconds.toFixed(1)} s; ` +
        `${chains.records} audit records; proxy served ${proxy.served.join('/')}`,
    );
  });
});
