import { waitFor } from '../support/wait';
import { casesOffTrack, drained } from './support/cases';
import { startFaultEnv, type FaultEnv } from './support/fault-env';
import { Tally } from './support/http';
import { expectInvariants, firedCount } from './support/invariants';
import { startLoad } from './support/load';
import { queuedJobs } from './support/queue';
import { countLines, isAlive, report } from './support/report';

const KILLS = 20;

// A worker process is killed with SIGKILL in the middle of its jobs, again and again, while
// cases keep being opened and their timers keep falling due. Each claim runs in the firing's
// transaction, so a killed firing rolls back and is fired by a later worker, exactly once.
describe('fault: the timer worker is SIGKILLed while timers fire', () => {
  let env: FaultEnv;

  beforeAll(async () => {
    env = await startFaultEnv();
  }, 120_000);
  afterAll(() => env?.close());

  it(`loses no timer and fires none twice across ${KILLS} kills`, async () => {
    const opened = new Tally();
    const load = startLoad(async () => opened.add(await env.open()), { everyMs: 800 });
    const bootToFireMs: number[] = [];
    const firedPerLife: number[] = [];
    const inHandAtKill: number[] = [];
    const started = Date.now();
    for (let i = 1; i <= KILLS; i++) {
      const before = await firedCount(env);
      const worker = env.startWorker();
      const bornAt = Date.now();
      // Kill it once it has fired a few timers: the backlog that built up while no worker ran
      // keeps it busy, so it has jobs in hand.
      const target = before + 1 + Math.floor(Math.random() * 4);
      await waitFor(
        `worker ${i} to fire timers`,
        async () => !isAlive(worker) || (await firedCount(env)) >= target,
        45_000,
        20,
      );
      expect({ worker: i, alive: isAlive(worker) }).toEqual({ worker: i, alive: true });
      bootToFireMs.push(Date.now() - bornAt);
      // What the worker holds in the moments before the kill, looked at until it dies: one look
      // alone can fall between two jobs.
      const killAt = Date.now() + Math.random() * 200;
      let inHand = 0;
      do {
        inHand = Math.max(inHand, await queuedJobs(env.redisPrefix, ['active']));
      } while (Date.now() < killAt);
      inHandAtKill.push(inHand);
      await worker.kill();
      firedPerLife.push((await firedCount(env)) - before);
    }
    const killPhaseMs = Date.now() - started;
    await load.stop();
    expect(load.errors).toEqual([]);
    expect(opened.unexpected([201])).toEqual({});
    // The kills did land in the middle of jobs.
    expect(inHandAtKill.some((n) => n > 0)).toBe(true);

    const survivor = env.startWorker();
    const drainMs = await drained(env);
    const invariants = await expectInvariants(env);
    // Every case escalated to yellow, then was flagged overdue: two deadlines, each once.
    expect(await casesOffTrack(env)).toEqual([]);
    expect(isAlive(survivor)).toBe(true);
    expect(env.api.alive()).toBe(true);

    const outputs = env.workers.map((w) => w.output()).join('\n');
    report('worker SIGKILL', {
      kills: KILLS,
      casesOpened: opened.total,
      killPhaseMs,
      bootToFireMs: { min: Math.min(...bootToFireMs), max: Math.max(...bootToFireMs) },
      timersFiredPerWorkerLife: firedPerLife,
      jobsInHandAtKill: inHandAtKill,
      drainAfterLastKillMs: drainMs,
      jobFailuresLogged: countLines(outputs, /failed:/),
      reconcilesThatQueued: countLines(outputs, /reconciled: [1-9]/),
      ...invariants,
    });
  }, 300_000);
});
