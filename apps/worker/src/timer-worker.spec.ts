import { ConsoleLogger, Logger } from '@nestjs/common';
import { loadConfig } from '@tricolor/config';
import {
  JOB_NAMES,
  type BatchFiring,
  type BatchReport,
  type JobName,
  type TimerFiring,
  type TimerQueue,
  type TimerReconciler,
} from '@tricolor/core';
import type { JobProcessor } from './jobs/job-processor';
import { TimerWorker, indexProcessors } from './timer-worker';

const processor = (name: JobName): JobProcessor => ({ name, process: () => Promise.resolve(null) });

describe('the worker boot check', () => {
  it('accepts exactly one processor per job name', () => {
    const index = indexProcessors(JOB_NAMES.map(processor));
    expect([...index.keys()].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses to boot when a job has no processor, naming it', () => {
    const some = JOB_NAMES.filter((n) => n !== 'reminder').map(processor);
    expect(() => indexProcessors(some)).toThrow('no processor for job(s): reminder');
  });

  it('refuses to boot when a job has two processors', () => {
    expect(() => indexProcessors([...JOB_NAMES.map(processor), processor('deadline')])).toThrow(
      'job "deadline" has two processors',
    );
  });
});

describe('the worker boot check, for what a processor does', () => {
  it('refuses a processor that neither reacts to timers nor processes jobs', () => {
    const named = JOB_NAMES.map((name): JobProcessor => ({
      name,
      process: () => Promise.resolve(null),
    }));
    const idle = named.map((p) => (p.name === 'reminder' ? { name: p.name } : p));
    expect(() => indexProcessors(idle)).toThrow('processor(s) that do nothing: reminder');
  });
});

describe('the drain (batches at once, with a stand-in for TimerFiring)', () => {
  const POSTGRES = 'postgres://postgres@127.0.0.1:5432/unused';
  // Every firing logs a line; these tests read the report instead.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  const LIMIT = 3;

  /** Hands out `total` due timers, LIMIT per batch, each batch taking a few turns of the loop. */
  class Due {
    inFlight = 0;
    mostAtOnce = 0;
    calls = 0;
    private next = 0;
    failures: Error[] = [];

    constructor(private total: number) {}

    add(n: number): void {
      this.total += n;
    }

    async fireDue(): Promise<BatchReport> {
      this.calls += 1;
      this.inFlight += 1;
      this.mostAtOnce = Math.max(this.mostAtOnce, this.inFlight);
      try {
        // A batch takes time (its statements); the others may run meanwhile.
        for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
        const failure = this.failures.shift();
        if (failure !== undefined) throw failure;
        const firings: BatchFiring[] = [];
        while (firings.length < LIMIT && this.next < this.total) {
          this.next += 1;
          firings.push({
            rowId: `c${this.next}-t1`,
            disputeId: `c${this.next}`,
            kind: 'deadline',
            outcome: { result: 'fired', latenessMs: 0 },
          });
        }
        return { firings, limit: LIMIT };
      } finally {
        this.inFlight -= 1;
      }
    }
  }

  const workerOn = (env: Record<string, string>, due: Due) =>
    new TimerWorker(
      loadConfig({ LOG_LEVEL: 'silent', ...env }),
      {} as TimerQueue,
      {} as TimerReconciler,
      due as unknown as TimerFiring,
      JOB_NAMES.map((name) => ({ name, react: () => Promise.resolve(null) })),
    );

  it('on PostgreSQL runs up to TIMER_DRAINS batches at once while full batches come back', async () => {
    for (const drains of [2, 3]) {
      const due = new Due(40);
      const report = await workerOn(
        { DATABASE_URL: POSTGRES, TIMER_DRAINS: String(drains) },
        due,
      ).drain();
      expect(report.fired).toBe(40);
      expect(due.mostAtOnce).toBe(drains);
    }
  });

  it('runs one batch at a time on SQLite, whatever TIMER_DRAINS says', async () => {
    const due = new Due(40);
    const report = await workerOn({ TIMER_DRAINS: '4' }, due).drain();
    expect(report.fired).toBe(40);
    expect(due.mostAtOnce).toBe(1);
  });

  it('runs one batch when the first comes back short (a quiet instant costs no extra claim)', async () => {
    const due = new Due(2);
    const report = await workerOn({ DATABASE_URL: POSTGRES, TIMER_DRAINS: '4' }, due).drain();
    expect(report).toEqual({ result: 'drained', batches: 2, fired: 2 });
    expect(due.calls).toBe(2);
  });

  it('a wake-up during the last claim joins the drain and makes it look once more', async () => {
    const due = new Due(0);
    const worker = workerOn({ DATABASE_URL: POSTGRES }, due);
    const first = worker.drain();
    // The first claim is in flight and will find nothing; these become due meanwhile.
    due.add(2);
    const joined = worker.drain();
    expect(joined).toBe(first);
    expect((await first).fired).toBe(2);
    // Once ended, the next wake-up starts a drain of its own.
    due.add(1);
    await expect(worker.drain()).resolves.toMatchObject({ fired: 1 });
  });

  it('runs a batch that lost a deadlock again, and fails the drain on any other error', async () => {
    const due = new Due(5);
    // As TypeORM's QueryFailedError carries PostgreSQL's SQLSTATE.
    const deadlock = Object.assign(new Error('deadlock detected'), {
      code: '40P01',
      driverError: { code: '40P01' },
    });
    due.failures.push(deadlock);
    const worker = workerOn({ DATABASE_URL: POSTGRES }, due);
    await expect(worker.drain()).resolves.toMatchObject({ fired: 5 });

    const broken = new Due(5);
    broken.failures.push(new Error('connection terminated'));
    await expect(workerOn({ DATABASE_URL: POSTGRES }, broken).drain()).rejects.toThrow(
      'connection terminated',
    );
  });
});
