import { sleep, waitFor } from '../support/wait';
import { casesOffTrack, drained } from './support/cases';
import { startFaultEnv, type FaultEnv } from './support/fault-env';
import { Tally, type Answer } from './support/http';
import { expectInvariants } from './support/invariants';
import { startLoad } from './support/load';
import { isAlive, report } from './support/report';
import { service } from './support/services';

const HOLD_DOWN_MS = 5000;

interface Probe {
  at: number;
  status: number;
  database?: string;
}

const SERVICE_UNAVAILABLE = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: expect.any(String),
};

// PostgreSQL restarts (once with `pg_ctlcluster restart`, once stopped for 5 s) while the API
// takes transitions and the worker fires timers. Meanwhile the API answers 503 (never 500) and
// /health says the database is down; afterwards both recover by themselves (the pg pool
// reconnects), and nothing was lost or half-written.
describe('fault: PostgreSQL restarts', () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await startFaultEnv();
  }, 120_000);
  afterAll(async () => {
    await service('pg-start');
    await env?.close();
  });

  it('answers 503 while it is down and recovers by itself', async () => {
    const worker = env.startWorker();
    // The fault is injected into a running worker, not into its boot.
    await worker.ready();
    for (let i = 0; i < 10; i++) expect((await env.open()).status).toBe(201);

    // Traffic: open a case and escalate it by hand; /health probed every 100 ms.
    const answers = new Tally();
    const malformed503: unknown[] = [];
    const successes: number[] = [];
    const record = (answer: Answer) => {
      answers.add(answer);
      if (answer.status === 503 && !matches503(answer.body)) malformed503.push(answer.body);
      if (answer.status >= 200 && answer.status < 300) successes.push(Date.now());
    };
    const load = startLoad(
      async () => {
        const opened = await env.open();
        record(opened);
        if (opened.status === 201) {
          record(
            await env.send('gw1', opened.body.id, { type: 'ESCALATE', reason: 'needs a lawyer' }),
          );
        }
      },
      { everyMs: 100, maxInFlight: 4 },
    );
    const probes: Probe[] = [];
    const probing = startLoad(
      async () => {
        const res = await env.http.request<{ database?: string }>('GET', '/health');
        probes.push({ at: Date.now(), status: res.status, database: res.body?.database });
      },
      { everyMs: 100, maxInFlight: 1 },
    );
    await sleep(1000);

    // 1. The literal restart.
    const restartMs = await service('pg-restart');
    await sleep(1500);
    const afterRestart503 = answers.count((s) => s === 503);

    // 2. Down for a while, then started again.
    const stopIssuedAt = Date.now();
    await service('pg-stop');
    const stoppedAt = Date.now();
    await sleep(HOLD_DOWN_MS);
    const down503 = answers.count((s) => s === 503) - afterRestart503;
    // Probes answered while it was surely down (200 ms for an answer already on its way).
    const downHealth = probes.filter((p) => p.at > stoppedAt + 200);
    await service('pg-start');
    const startedAt = Date.now();
    await waitFor(
      'a transition to succeed again',
      () => Promise.resolve(successes.some((t) => t > startedAt)),
      30_000,
      50,
    );
    const firstSuccessMs = Math.min(...successes.filter((t) => t > startedAt)) - startedAt;
    await waitFor(
      '/health to say the database is up',
      () => Promise.resolve(probes.some((p) => p.at > startedAt && p.status === 200)),
      30_000,
      50,
    );
    const healthyMs =
      Math.min(...probes.filter((p) => p.at > startedAt && p.status === 200).map((p) => p.at)) -
      startedAt;
    await sleep(1000);
    await load.stop();
    await probing.stop();

    expect(load.errors).toEqual([]);
    expect(answers.unexpected([200, 201, 503])).toEqual({});
    expect(malformed503).toEqual([]);
    expect(down503).toBeGreaterThan(0);
    expect(downHealth.length).toBeGreaterThan(0);
    expect(downHealth.filter((p) => p.status !== 503 || p.database !== 'down')).toEqual([]);
    expect(firstSuccessMs).toBeLessThan(10_000);
    expect(healthyMs).toBeLessThan(10_000);

    const drainMs = await drained(env);
    const invariants = await expectInvariants(env);
    expect(await casesOffTrack(env, { expired: null })).toEqual([]);
    expect(isAlive(worker)).toBe(true);
    expect(env.api.alive()).toBe(true);

    report('PostgreSQL restart', {
      restartCommandMs: restartMs,
      stopCommandMs: stoppedAt - stopIssuedAt,
      heldDownMs: startedAt - stoppedAt,
      answers: answers.summary(),
      answered503DuringRestart: afterRestart503,
      answered503WhileDown: down503,
      healthProbesWhileDown: downHealth.length,
      firstTransitionAfterStartMs: firstSuccessMs,
      healthOkAfterStartMs: healthyMs,
      drainMs,
      ...invariants,
    });
  }, 180_000);
});

function matches503(body: unknown): boolean {
  try {
    expect(body).toEqual(SERVICE_UNAVAILABLE);
    return true;
  } catch {
    return false;
  }
}
