import { sleep, waitFor } from '../support/wait';
import { casesOffTrack, drained } from './support/cases';
import { startFaultEnv, type FaultEnv } from './support/fault-env';
import { Tally } from './support/http';
import { expectInvariants } from './support/invariants';
import { startLoad } from './support/load';
import { agendaScheduled, queuedJobs } from './support/queue';
import { countLines, isAlive, report } from './support/report';
import { service } from './support/services';

const FLUSHES = 4;

// Redis loses everything (FLUSHALL on the suite's own Redis) several times while timers are
// pending and firing: the rows are the record, and the worker's periodic reconcile re-queues.
describe('fault: Redis loses its data (FLUSHALL)', () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await startFaultEnv();
  }, 120_000);
  afterAll(() => env?.close());

  it('loses no timer, fires none twice, and restores the weekly agenda', async () => {
    const worker = env.startWorker();
    // The fault is injected into a running worker, not into its boot.
    await worker.ready();
    await waitFor(
      'the worker to schedule the weekly agenda',
      () => agendaScheduled(env.redisPrefix),
      30_000,
      200,
    );
    const opened = new Tally();
    const load = startLoad(async () => opened.add(await env.open()), { everyMs: 250 });
    const jobsLost: number[] = [];
    for (let i = 0; i < FLUSHES; i++) {
      await sleep(1500);
      jobsLost.push(await queuedJobs(env.redisPrefix));
      await service('redis-flushall');
    }
    await load.stop();
    expect(load.errors).toEqual([]);
    expect(opened.unexpected([201])).toEqual({});

    const drainMs = await drained(env);
    const invariants = await expectInvariants(env);
    expect(await casesOffTrack(env)).toEqual([]);
    const agendaBackMs = Date.now();
    await waitFor(
      'the weekly agenda to be scheduled again',
      () => agendaScheduled(env.redisPrefix),
      10_000,
      200,
    );
    expect(isAlive(worker)).toBe(true);
    expect(env.api.alive()).toBe(true);

    report('Redis FLUSHALL', {
      flushes: FLUSHES,
      jobsWipedPerFlush: jobsLost,
      casesOpened: opened.total,
      drainAfterLastFlushMs: drainMs,
      agendaRestoredWithinMs: Date.now() - agendaBackMs,
      reconcilesThatQueued: countLines(worker.output(), /reconciled: [1-9]/),
      ...invariants,
    });
  }, 180_000);
});
