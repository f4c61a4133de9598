import request from 'supertest';
import { startApiProcess, freePort, type ApiProcess } from '../support/api-process';
import type { TestApi } from '../support/api';
import { createTestPostgresDatabase, type TestPostgresDatabase } from '../support/databases';
import { TEST_REDIS_URL, testRedisPrefix, wipeRedisPrefix } from '../support/redis';
import { waitFor } from '../support/wait';
import { buildWorld, disputeBody, type World } from '../support/world';
import { startWorkerProcess, type WorkerProcess } from '../support/worker-process';

const TOKEN = 'metrics-token-for-tests';

/** One sample's value from the text exposition, or undefined. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = match[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`)))
      return Number(match[3]);
  }
  return undefined;
}

// An API (no worker) and a worker process with its own ops port, on PostgreSQL.
describe('/metrics and the worker process probes', () => {
  let db: TestPostgresDatabase;
  let api: ApiProcess;
  let worker: WorkerProcess;
  let opsPort: number;
  let world: World;
  const prefix = testRedisPrefix();

  beforeAll(async () => {
    db = await createTestPostgresDatabase();
    const env = {
      DATA_DIR: '/tmp',
      DATABASE_URL: db.url,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      METRICS_TOKEN: TOKEN,
      DEADLINE_BLUE_MEDIATION: 'PT2S',
      RECONCILE_INTERVAL: 'PT1S',
    };
    api = await startApiProcess({ ...env, RUN_WORKER: 'false', EXPECT_WORKER: 'true' });
    await api.listening();
    opsPort = await freePort();
    worker = startWorkerProcess({ ...env, OPS_PORT: String(opsPort), NODE_ENV: 'test' });
    await worker.ready();
    const http = () => request(api.url);
    world = await buildWorld({
      http,
      login: async (username: string, password = 'password-123') =>
        (
          (await http().post('/auth/login').send({ username, password })).body as {
            accessToken: string;
          }
        ).accessToken,
    } as unknown as TestApi);
  }, 90_000);
  afterAll(async () => {
    await worker?.kill();
    await api?.kill();
    await db?.drop();
    await wipeRedisPrefix(prefix);
  });

  it('answers 401 without the token and counts transitions, HTTP latency, pool use and queue depth', async () => {
    expect((await request(api.url).get('/metrics')).status).toBe(401);
    expect(
      (await request(api.url).get('/metrics').set('Authorization', 'Bearer wrong')).status,
    ).toBe(401);

    const gw1 = (r: request.Test) => r.set('Authorization', `Bearer ${world.token.gw1}`);
    const c = await gw1(request(api.url).post('/disputes').send(disputeBody()));
    const id = (c.body as { id: string }).id;
    await gw1(
      request(api.url)
        .post(`/disputes/${id}/events`)
        .send({ type: 'RECORD_FOLLOW_UP', performed: 'full' }),
    ).expect(422);
    await gw1(
      request(api.url)
        .post(`/disputes/${id}/events`)
        .send({ type: 'ESCALATE', reason: 'hard case' }),
    ).expect(200);

    const res = await request(api.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    expect(
      sample(text, 'tricolor_transitions_total', { event: 'ESCALATE', result: 'applied' }),
    ).toBe(1);
    expect(
      sample(text, 'tricolor_transitions_total', { event: 'RECORD_FOLLOW_UP', result: 'refused' }),
    ).toBe(1);
    expect(sample(text, 'tricolor_transitions_total', { event: 'OPEN', result: 'applied' })).toBe(
      1,
    );
    expect(sample(text, 'tricolor_transition_duration_seconds_count', { event: 'ESCALATE' })).toBe(
      1,
    );
    expect(
      sample(text, 'tricolor_http_request_duration_seconds_count', {
        route: '/disputes/:id/events',
        status: '2xx',
      }),
    ).toBe(1);
    expect(sample(text, 'tricolor_db_pool_connections', { state: 'total' })).toBeGreaterThan(0);
    expect(sample(text, 'tricolor_queue_jobs', { state: 'delayed' })).toEqual(expect.any(Number));
    expect(sample(text, 'tricolor_workers_alive')).toBe(1);
  });

  it('the worker serves ready and its timer metrics on OPS_PORT', async () => {
    const ops = `http://127.0.0.1:${opsPort}`;
    expect((await request(ops).get('/health/live')).status).toBe(200);
    const ready = await request(ops).get('/health/ready');
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { database: 'up', redis: 'up', migrations: 'up' },
    });
    // The API expects a worker (EXPECT_WORKER=true) and finds its heartbeat.
    expect((await request(api.url).get('/health/ready')).body).toMatchObject({
      checks: { worker: 'up' },
    });

    const gw1 = (r: request.Test) => r.set('Authorization', `Bearer ${world.token.gw1}`);
    await gw1(request(api.url).post('/disputes').send(disputeBody())).expect(201);
    expect((await request(ops).get('/metrics')).status).toBe(401);
    const text = await waitFor(
      'a deadline to fire',
      async () => {
        const res = await request(ops).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
        return (sample(res.text, 'tricolor_timer_firings_total', {
          kind: 'deadline',
          result: 'fired',
        }) ?? 0) >= 1
          ? res.text
          : undefined;
      },
      20_000,
      250,
    );
    expect(
      sample(text, 'tricolor_timer_lateness_seconds_count', { kind: 'deadline' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'tricolor_reconcile_repairs_total', { action: 'queued' })).toEqual(
      expect.any(Number),
    );
  }, 40_000);
});
