import { sleep, waitFor } from '../support/wait';
import { casesOffTrack, drained } from './support/cases';
import { startFaultEnv, type FaultEnv } from './support/fault-env';
import { Tally } from './support/http';
import { expectInvariants } from './support/invariants';
import { startLoad } from './support/load';
import { agendaScheduled } from './support/queue';
import { countLines, isAlive, report } from './support/report';
import { service } from './support/services';

const OUTAGE_MS = 30_000;

// Redis stops for 30 s. The database is the record: the API keeps taking transitions (the
// queue's producer fails fast and only logs), and once Redis is back, empty, the worker's
// periodic reconcile queues every timer that fell due meanwhile, which then fire.
describe('fault: Redis is down for 30 s', () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await startFaultEnv();
  }, 120_000);
  afterAll(async () => {
    await service('redis-start');
    await env?.close();
  });

  it('keeps taking transitions, and fires their timers once Redis is back', async () => {
    const worker = env.startWorker();
    // The fault is injected into a running worker, not into its boot.
    await worker.ready();
    await waitFor('the worker to start', () => agendaScheduled(env.redisPrefix), 30_000, 200);
    // Cases whose timers fall due during the outage.
    const before: string[] = [];
    for (let i = 0; i < 10; i++) before.push((await env.open()).body.id);

    await service('redis-stop');
    const stoppedAt = Date.now();
    const health = await env.http.request<{ redis: string; database: string }>('GET', '/health');
    expect({ status: health.status, body: health.body }).toEqual({
      status: 200,
      body: { status: 'degraded', database: 'up', redis: 'down' },
    });

    // Each step: open a case, suspend it, resume it, escalate it by hand (yellow: a new timer).
    const answers = new Tally();
    const during: string[] = [];
    const load = startLoad(
      async () => {
        const opened = await env.open();
        answers.add(opened);
        if (opened.status !== 201) return;
        during.push(opened.body.id);
        for (const event of [
          { type: 'SUSPEND', reason: 'a party is in hospital' },
          { type: 'RESUME' },
          { type: 'ESCALATE', reason: 'needs the judicial office' },
        ]) {
          answers.add(await env.send('gw1', opened.body.id, event));
        }
      },
      { everyMs: 400, maxInFlight: 2 },
    );
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    await load.stop();
    const outageMs = Date.now() - stoppedAt;
    expect(load.errors).toEqual([]);
    expect(answers.unexpected([200, 201])).toEqual({});
    const [{ pending }] = await env.ds.query<{ pending: number }[]>(
      `SELECT count(*)::int AS pending FROM timers WHERE status = 'scheduled' AND due_at <= now()`,
    );

    await service('redis-start');
    const backAt = Date.now();
    const invariants = await expectInvariants(env, 45_000);
    const recoveryMs = Date.now() - backAt;
    await drained(env);
    await expectInvariants(env);
    expect(await casesOffTrack(env, { ids: before })).toEqual([]);
    // Escalated by hand, so only the acceptance deadline expired.
    expect(await casesOffTrack(env, { ids: during, expired: 1 })).toEqual([]);
    await waitFor(
      'the weekly agenda to be scheduled again',
      () => agendaScheduled(env.redisPrefix),
      10_000,
      200,
    );
    expect(isAlive(worker)).toBe(true);
    expect(env.api.alive()).toBe(true);

    report('Redis down 30 s', {
      outageMs,
      transitionsDuringOutage: answers.summary(),
      casesOpenedDuringOutage: during.length,
      timersDueWhenRedisCameBack: pending,
      allDueTimersFiredWithinMsOfRedisBack: recoveryMs,
      apiQueueWarnings: countLines(env.api.output.toString(), /queue not updated/),
      ...invariants,
    });
  }, 180_000);
});
