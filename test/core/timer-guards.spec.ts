import {
  EventRefusedError,
  Notifier,
  SendEventService,
  TimerFiring,
  TimerQueue,
  WAKE_UP_GRANULARITY_MS,
  timerRowId,
  wakeUpAt,
  wakeUpJobId,
  type BatchFiring,
  type FiringContext,
  type TimerReaction,
} from '@tricolor/core';
import { Logger } from '@nestjs/common';
import { DeadlineJob } from '../../apps/worker/src/jobs/deadline.job';
import { DisputeEntity, TimerEntity, TransactionRunner } from '@tricolor/persistence';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type World } from '../support/world';

/**
 * A timer changes a case at most once, and only while the case is still in the state visit that
 * armed it. Four guards overlap to make that so: the claim (`scheduled → fired` in one
 * statement), the stale-visit check (the snapshot still has the timer armed), the workflow's
 * armed-timer rule (a timer event naming a timer that is not armed is refused), and the job id
 * (one BullMQ wake-up per due instant). The worker fires in batches (`fireDue`); `fire` takes
 * the same path for one row, so each guard is shown on one row and again in batches. Because they overlap, an end-to-end test stays green when any
 * one of them is gone; each test here takes the others out of the way and shows that guard
 * holding on its own. No production switch does that: the tests put rows into the state the
 * other guards would have prevented, or call the lower-level piece directly.
 */

interface CaseBody {
  id: string;
  status: string;
  version: number;
  deadlines: { timerId: string; kind: string; dueAt: string }[];
}

describe.each(DRIVERS)('timer guards, each on its own, on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let firing: TimerFiring;

  beforeAll(async () => {
    // No worker: these tests fire timers themselves, at the times they choose.
    api = await startApi(driver, { RUN_WORKER: 'false' });
    // Only the users these tests act as: the whole world's 41 scrypt computations were most
    // of what starting this file cost (once per mutant under Stryker).
    world = await buildWorld(api, ['gw1', 'super1']);
    firing = api.app.get(TimerFiring);
  }, 120_000);
  afterAll(() => api?.close());

  const timers = () => api.app.get(DataSource).getRepository(TimerEntity);
  const disputes = () => api.app.get(DataSource).getRepository(DisputeEntity);

  async function open(): Promise<CaseBody> {
    const res = await api
      .http()
      .post('/disputes')
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send(disputeBody());
    expect(res.status).toBe(201);
    return res.body as CaseBody;
  }
  async function escalate(id: string): Promise<void> {
    const res = await api
      .http()
      .post(`/disputes/${id}/events`)
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send({ type: 'ESCALATE', reason: 'needs a lawyer' });
    expect(res.status).toBe(200);
  }
  /** The case's blue deadline: its workflow id, its row id and when it is due. */
  function blueDeadline(c: CaseBody) {
    const d = c.deadlines.find((x) => x.kind === 'deadline')!;
    return { timerId: d.timerId, rowId: timerRowId(c.id, d.timerId), dueAt: new Date(d.dueAt) };
  }
  /** A reaction that records what it was given and changes nothing. */
  function recorder() {
    const calls: FiringContext[] = [];
    const react: TimerReaction = (ctx) => {
      calls.push(ctx);
      return Promise.resolve(null);
    };
    return { calls, react };
  }
  const after = (d: Date, ms: number) => new Date(d.getTime() + ms);

  describe('TimerFiring outcomes', () => {
    it('fires a due, scheduled, armed timer once, recording its lateness', async () => {
      const c = await open();
      const { timerId, rowId, dueAt } = blueDeadline(c);
      const { calls, react } = recorder();
      const outcome = await firing.fire(rowId, react, after(dueAt, 1234));
      expect(outcome).toEqual({ result: 'fired', latenessMs: 1234 });
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ timerId, row: { id: rowId, status: 'fired' } });
      expect(calls[0].dispute.id).toBe(c.id);
      expect(calls[0].head?.seq).toBe(1);
      expect(calls[0].now).toEqual(after(dueAt, 1234));
      expect(await timers().findOneByOrFail({ id: rowId })).toMatchObject({
        status: 'fired',
        latenessMs: 1234,
        firedAt: after(dueAt, 1234),
      });
    });

    it('fires a timer exactly at its due time (lateness 0)', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      expect(await firing.fire(rowId, recorder().react, dueAt)).toEqual({
        result: 'fired',
        latenessMs: 0,
      });
    });

    it('does not fire a timer before it is due, and says when it is', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      const { calls, react } = recorder();
      expect(await firing.fire(rowId, react, after(dueAt, -1))).toEqual({ result: 'early', dueAt });
      expect(calls).toHaveLength(0);
      expect(await timers().findOneByOrFail({ id: rowId })).toMatchObject({
        status: 'scheduled',
        firedAt: null,
        latenessMs: null,
      });
    });

    it('answers already_fired for a second firing, without reacting again', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      const { calls, react } = recorder();
      await firing.fire(rowId, react, after(dueAt, 10));
      expect(await firing.fire(rowId, react, after(dueAt, 20))).toEqual({
        result: 'already_fired',
      });
      expect(calls).toHaveLength(1);
      expect(await timers().findOneByOrFail({ id: rowId })).toMatchObject({ latenessMs: 10 });
    });

    it('answers cancelled for a timer whose state was left', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      await escalate(c.id);
      const { calls, react } = recorder();
      expect(await firing.fire(rowId, react, after(dueAt, 10))).toEqual({ result: 'cancelled' });
      expect(calls).toHaveLength(0);
    });

    it('answers unknown for a row that does not exist', async () => {
      expect(await firing.fire('no-such-timer', recorder().react)).toEqual({ result: 'unknown' });
    });

    it('rolls the claim back when the reaction fails, so the timer can fire again', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      await expect(
        firing.fire(rowId, () => Promise.reject(new Error('crash mid-job')), after(dueAt, 5)),
      ).rejects.toThrow('crash mid-job');
      expect(await timers().findOneByOrFail({ id: rowId })).toMatchObject({ status: 'scheduled' });
      expect(await firing.fire(rowId, recorder().react, after(dueAt, 6))).toEqual({
        result: 'fired',
        latenessMs: 6,
      });
    });
  });

  describe('each guard on its own', () => {
    it('stale visit: a claimable row whose timer the case no longer has armed changes nothing', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      await escalate(c.id);
      // Take the claim guard out of the way: the row is scheduled again, as if the
      // cancellation had been lost. Only the snapshot still says the visit is over.
      await timers().update({ id: rowId }, { status: 'scheduled', cancelReason: null });
      const { calls, react } = recorder();
      expect(await firing.fire(rowId, react, after(dueAt, 10))).toEqual({ result: 'stale' });
      expect(calls).toHaveLength(0);
      expect(await disputes().findOneByOrFail({ id: c.id })).toMatchObject({
        status: 'yellow.awaitingAcceptance',
        version: 2,
      });
    });

    it.each(['fired', 'cancelled'] as const)(
      'claim: a %s row is not claimed again although its timer is still armed',
      async (status) => {
        const c = await open();
        const { rowId, dueAt } = blueDeadline(c);
        // The snapshot still has the timer armed (stale check passes) and the reaction is ours
        // (no armed-timer rule): only `status = 'scheduled'` in the claim stops it.
        await timers().update({ id: rowId }, { status });
        const { calls, react } = recorder();
        const outcome = await firing.fire(rowId, react, after(dueAt, 10));
        expect(outcome).toEqual({ result: status === 'fired' ? 'already_fired' : 'cancelled' });
        expect(calls).toHaveLength(0);
      },
    );

    it('claim: a reminder, which stays armed after it fires, reminds once', async () => {
      const c = await open();
      const snapshot = (await disputes().findOneByOrFail({ id: c.id })).snapshot;
      const reminder = snapshot.context.timers.find((t) => t.kind === 'reminder')!;
      const rowId = timerRowId(c.id, reminder.id);
      const due = new Date(reminder.dueAt);
      const { calls, react } = recorder();
      expect(await firing.fire(rowId, react, after(due, 1))).toMatchObject({ result: 'fired' });
      // A retried job, a second worker: the snapshot still has the reminder armed.
      expect(await firing.fire(rowId, react, after(due, 2))).toEqual({ result: 'already_fired' });
      expect(calls).toHaveLength(1);
    });

    it('armed-timer rule: the transition path refuses a timer event for a timer no longer armed', async () => {
      const c = await open();
      const { timerId, dueAt } = blueDeadline(c);
      await escalate(c.id);
      // Straight to the transition path: no claim and no stale-visit check in front of it.
      const events = api.app.get(SendEventService);
      const attempt = api.app.get(TransactionRunner).run((m) =>
        events.applyWithin(m, {
          actor: { id: 'system', role: 'system' },
          disputeId: c.id,
          event: { type: 'DEADLINE_EXPIRED', timerId },
          at: after(dueAt, 10),
        }),
      );
      await expect(attempt).rejects.toBeInstanceOf(EventRefusedError);
      await expect(attempt).rejects.toThrow(/no longer armed/);
      expect(await disputes().findOneByOrFail({ id: c.id })).toMatchObject({
        status: 'yellow.awaitingAcceptance',
        version: 2,
      });
    });

    it('armed-timer rule: the same event for the armed timer is accepted (control)', async () => {
      const c = await open();
      const { timerId, dueAt } = blueDeadline(c);
      const events = api.app.get(SendEventService);
      const applied = await api.app.get(TransactionRunner).run((m) =>
        events.applyWithin(m, {
          actor: { id: 'system', role: 'system' },
          disputeId: c.id,
          event: { type: 'DEADLINE_EXPIRED', timerId },
          at: after(dueAt, 10),
        }),
      );
      expect(applied.after).toMatchObject({ status: 'yellow.awaitingAcceptance', version: 2 });
    });

    it('job id: one wake-up per due instant, however often and from wherever it is scheduled', async () => {
      const queue = api.app.get(TimerQueue);
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      const wakeUp = { id: rowId, kind: 'deadline' as const, dueAt };
      const jobId = wakeUpJobId(wakeUpAt(dueAt.getTime()));
      // The case's own wake-up may or may not be queued yet (it is days away): start clean.
      await queue.unschedule([jobId]);
      await Promise.all([queue.schedule([wakeUp]), queue.schedule([wakeUp])]);
      await queue.schedule([wakeUp]);
      // Another timer due at the same instant shares the job.
      await queue.schedule([{ id: `${rowId}x`, kind: 'reminder', dueAt }]);
      expect(await queue.scheduleMissing([wakeUp])).toBe(0);
      const delayed = await queue.queue.getDelayed();
      expect(delayed.filter((j) => j.id === jobId).map((j) => j.data)).toEqual([
        { timerId: jobId, dueAt: wakeUpAt(dueAt.getTime()) },
      ]);
      // Never before the timer is due, and at most one slot after it.
      expect(wakeUpAt(dueAt.getTime())).toBeGreaterThanOrEqual(dueAt.getTime());
      expect(wakeUpAt(dueAt.getTime()) - dueAt.getTime()).toBeLessThan(WAKE_UP_GRANULARITY_MS);
      await queue.unschedule([jobId]);
      expect(await queue.queue.getJob(jobId)).toBeUndefined();
      expect(await queue.scheduleMissing([wakeUp])).toBe(1);
      await queue.unschedule([jobId]);
    });
  });

  describe('batches (the worker fires what is due in batches)', () => {
    /** Fires every due timer at `at` with the recorder, in batches, until none is left. */
    async function fireAllDue(react: TimerReaction, at: Date, limit?: number) {
      const firings: BatchFiring[] = [];
      const failed: string[] = [];
      for (;;) {
        const { firings: batch } = await firing.fireDue(() => react, {
          now: at,
          limit,
          skip: failed,
        });
        if (batch.length === 0) return firings;
        firings.push(...batch);
        failed.push(...batch.filter((f) => f.outcome.result === 'error').map((f) => f.rowId));
      }
    }
    const ofCase = (calls: FiringContext[], id: string) => calls.filter((x) => x.dispute.id === id);

    it('claim: a fired row is not claimed again by a batch, although still armed', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      await timers().update({ id: rowId }, { status: 'fired' });
      const { calls, react } = recorder();
      const firings = await fireAllDue(react, after(dueAt, 10));
      expect(firings.map((f) => f.rowId)).not.toContain(rowId);
      expect(ofCase(calls, c.id).filter((x) => x.row.id === rowId)).toHaveLength(0);
    });

    it('claim: two batches at once fire each due timer once', async () => {
      const cases = await Promise.all([open(), open(), open(), open()]);
      const latest = Math.max(...cases.map((c) => blueDeadline(c).dueAt.getTime()));
      const { calls, react } = recorder();
      const at = after(new Date(latest), 10);
      await Promise.all([fireAllDue(react, at, 2), fireAllDue(react, at, 2)]);
      for (const c of cases) {
        const { rowId } = blueDeadline(c);
        expect(ofCase(calls, c.id).filter((x) => x.row.id === rowId)).toHaveLength(1);
        expect(await timers().findOneByOrFail({ id: rowId })).toMatchObject({ status: 'fired' });
      }
    });

    it('stale visit: a batch claims a row its case no longer arms and changes nothing', async () => {
      const c = await open();
      const { rowId, dueAt } = blueDeadline(c);
      await escalate(c.id);
      await timers().update({ id: rowId }, { status: 'scheduled', cancelReason: null });
      const { calls, react } = recorder();
      const firings = await fireAllDue(react, after(dueAt, 10));
      expect(firings.find((f) => f.rowId === rowId)?.outcome).toEqual({ result: 'stale' });
      // (The yellow timers the escalation armed may be due by then too: they are not stale.)
      expect(ofCase(calls, c.id).filter((x) => x.row.id === rowId)).toHaveLength(0);
      expect(await disputes().findOneByOrFail({ id: c.id })).toMatchObject({
        status: 'yellow.awaitingAcceptance',
        version: 2,
      });
    });

    it('one timer per case per batch: the next sees the case as the first left it', async () => {
      const c = await open();
      const snapshot = (await disputes().findOneByOrFail({ id: c.id })).snapshot;
      const { dueAt } = blueDeadline(c);
      const reminder = snapshot.context.timers.find((t) => t.kind === 'reminder')!;
      const { calls, react } = recorder();
      // Both of the case's timers are due; each batch may take one of them only.
      const at = after(dueAt, 10);
      const mine = (firings: BatchFiring[]) =>
        firings.filter((f) => f.rowId.startsWith(`${c.id}-`)).map((f) => f.rowId);
      const first = await firing.fireDue(() => react, { now: at, limit: 1_000 });
      const second = await firing.fireDue(() => react, { now: at, limit: 1_000 });
      expect(mine(first.firings)).toEqual([timerRowId(c.id, reminder.id)]);
      expect(mine(second.firings)).toEqual([blueDeadline(c).rowId]);
      expect(ofCase(calls, c.id)).toHaveLength(2);
    });

    it('a batch reacts to its timers in due order, and reports them so', async () => {
      const cases: CaseBody[] = [];
      for (let i = 0; i < 4; i += 1) cases.push(await open());
      const { calls, react } = recorder();
      const at = new Date(Math.max(...cases.map((c) => blueDeadline(c).dueAt.getTime())) + 10);
      const { firings } = await firing.fireDue(() => react, { now: at, limit: 1_000 });
      const ours = new Set(cases.map((c) => c.id));
      const mine = firings.filter((f) => ours.has(f.disputeId));
      // One timer per case per batch: each case's reminder, due before its deadline. Deadlines
      // in working days can fall due at the same instant for cases opened together: the row id
      // breaks the tie, as the claim does.
      const firstDue = (c: CaseBody) =>
        c.deadlines
          .map((d) => ({ at: Date.parse(d.dueAt), rowId: timerRowId(c.id, d.timerId) }))
          .sort((a, b) => a.at - b.at || (a.rowId < b.rowId ? -1 : 1))[0];
      const inDueOrder = [...cases]
        .sort((a, b) => {
          const [x, y] = [firstDue(a), firstDue(b)];
          return x.at - y.at || (x.rowId < y.rowId ? -1 : 1);
        })
        .map((c) => c.id);
      expect(mine.map((f) => f.disputeId)).toEqual(inDueOrder);
      expect(calls.filter((x) => ours.has(x.dispute.id)).map((x) => x.dispute.id)).toEqual(
        inDueOrder,
      );
      // And the whole report is in due order, whoever else's timers were due.
      const due = await Promise.all(
        firings.map(async (f) => (await timers().findOneByOrFail({ id: f.rowId })).dueAt.getTime()),
      );
      expect(due).toEqual([...due].sort((a, b) => a - b));
    });

    it('a reaction that throws puts back its own timer only, each of several in one batch', async () => {
      const [good, ...bad] = await Promise.all([open(), open(), open()]);
      const badIds = new Set(bad.map((c) => c.id));
      const at = after(
        new Date(Math.max(...[good, ...bad].map((c) => blueDeadline(c).dueAt.getTime()))),
        10,
      );
      const react: TimerReaction = (ctx) =>
        badIds.has(ctx.dispute.id)
          ? Promise.reject(new Error('crash in one case'))
          : Promise.resolve(null);
      // A batch takes one timer per case (the reminders come first): batch until none is due.
      const firings = await fireAllDue(react, at, 1_000);
      const outcome = (id: string) => firings.find((f) => f.rowId === id)?.outcome.result;
      expect(outcome(blueDeadline(good).rowId)).toBe('fired');
      expect(await timers().findOneByOrFail({ id: blueDeadline(good).rowId })).toMatchObject({
        status: 'fired',
      });
      // Both failed in the same batch: both are put back, as they were.
      for (const c of bad) {
        expect(outcome(blueDeadline(c).rowId)).toBe('error');
        expect(await timers().findOneByOrFail({ id: blueDeadline(c).rowId })).toMatchObject({
          status: 'scheduled',
          firedAt: null,
          latenessMs: null,
        });
      }
    });

    it('a batch with failed timers says so in the log; firing one timer leaves it to the caller', async () => {
      const log = (firing as unknown as { log: Logger }).log;
      const warn = jest.spyOn(log, 'warn').mockImplementation(() => undefined);
      try {
        const [one, two] = await Promise.all([open(), open()]);
        const at = after(
          new Date(Math.max(blueDeadline(one).dueAt.getTime(), blueDeadline(two).dueAt.getTime())),
          10,
        );
        const crash: TimerReaction = () => Promise.reject(new Error('crash'));
        // One timer by fire(): its caller gets the error, nothing is logged.
        await expect(firing.fire(blueDeadline(one).rowId, crash, at)).rejects.toThrow('crash');
        expect(warn).not.toHaveBeenCalled();
        // A batch (only the two cases' timers fail; any other due timer fires quietly).
        const mine = new Set([one.id, two.id]);
        const { firings } = await firing.fireDue(
          () => (ctx) => (mine.has(ctx.dispute.id) ? crash(ctx) : Promise.resolve(null)),
          { now: at, limit: 1_000 },
        );
        const failed = firings.filter((f) => f.outcome.result === 'error').length;
        expect(failed).toBe(2);
        expect(warn).toHaveBeenCalledTimes(1);
        expect(warn).toHaveBeenCalledWith('2 timer(s) of a batch failed and were put back');
        // A batch where nothing fails says nothing.
        await firing.fireDue(() => () => Promise.resolve(null), {
          now: at,
          skip: [...firings.map((f) => f.rowId)],
        });
        expect(warn).toHaveBeenCalledTimes(1);
      } finally {
        warn.mockRestore();
      }
    });

    (driver === 'postgres' ? it : it.skip)(
      'a timer whose case another transaction holds is deferred, left scheduled for the next batch',
      async () => {
        const c = await open();
        const { rowId, dueAt } = blueDeadline(c);
        const at = after(dueAt, 10);
        const holder = api.app.get(DataSource).createQueryRunner();
        await holder.connect();
        const { calls, react } = recorder();
        try {
          await holder.startTransaction();
          // As a user's transition in flight holds it: its versioned UPDATE of the case row.
          await holder.query('UPDATE disputes SET updated_at = updated_at WHERE id = $1', [c.id]);
          const { firings } = await firing.fireDue(() => react, { now: at, limit: 1_000 });
          // The case's first due timer (its reminder) was claimed, found held, and put back.
          const mine = firings.filter((f) => f.disputeId === c.id);
          expect(mine).toHaveLength(1);
          expect(mine[0].outcome).toEqual({ result: 'deferred' });
          expect(ofCase(calls, c.id)).toHaveLength(0);
          expect(await timers().findOneByOrFail({ id: mine[0].rowId })).toMatchObject({
            status: 'scheduled',
            firedAt: null,
            latenessMs: null,
          });
        } finally {
          await holder.rollbackTransaction();
          await holder.release();
        }
        // Once the case is free, the same timers fire.
        expect(await firing.fire(rowId, react, at)).toEqual({ result: 'fired', latenessMs: 10 });
      },
    );

    it('a batch of deadlines escalates each case once, its writes sent together', async () => {
      const cases = await Promise.all([open(), open(), open()]);
      const at = after(
        new Date(Math.max(...cases.map((c) => blueDeadline(c).dueAt.getTime()))),
        10,
      );
      const job = new DeadlineJob(api.app.get(SendEventService), api.app.get(Notifier));
      // Other cases' timers may be due by then too: their deadlines escalate alike, their
      // reminders do nothing here, and a timer an earlier test left odd is skipped once failed.
      const nothing: TimerReaction = () => Promise.resolve(null);
      const firings: BatchFiring[] = [];
      const failed: string[] = [];
      for (;;) {
        const { firings: batch } = await firing.fireDue(
          (row) => (row.kind === 'deadline' ? job.react : nothing),
          { now: at, skip: failed },
        );
        if (batch.length === 0) break;
        firings.push(...batch);
        failed.push(...batch.filter((f) => f.outcome.result === 'error').map((f) => f.rowId));
      }
      for (const c of cases) {
        expect(firings.find((f) => f.rowId === blueDeadline(c).rowId)?.outcome).toMatchObject({
          result: 'fired',
        });
        expect(await disputes().findOneByOrFail({ id: c.id })).toMatchObject({
          status: 'yellow.awaitingAcceptance',
          version: 2,
        });
        const trail = await api
          .http()
          .get(`/disputes/${c.id}/audit/verify`)
          .set('Authorization', `Bearer ${world.token.super1}`);
        expect(trail.body).toMatchObject({ intact: true });
      }
    });
  });
});
