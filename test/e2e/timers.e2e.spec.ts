import {
  AGENDA_SCHEDULER_ID,
  TimerQueue,
  TimerReconciler,
  timerRowId,
  wakeUpAt,
  wakeUpJobId,
} from '@tricolor/core';
import { TimerWorker } from '../../apps/worker/src/timer-worker';
import { AgendaEntity } from '@tricolor/persistence';
import { DataSource } from 'typeorm';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { wipeRedisPrefix } from '../support/redis';
import { waitFor } from '../support/wait';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

interface CaseBody {
  id: string;
  status: string;
  tier: string;
  version: number;
  overdue: boolean;
  deadlines: { timerId: string; kind: string; dueAt: string }[];
}
interface EventBody {
  type: string;
  actorId: string;
  at: string;
}
interface TimerRow {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  firedAt: string | null;
  latenessMs: number | null;
}

describe.each(DRIVERS)('durable timers on %s with the in-process worker', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi(driver, {
      DEADLINE_BLUE_MEDIATION: 'PT2S',
      DEADLINE_YELLOW_ACCEPTANCE: 'PT1H',
      DEADLINE_YELLOW_REVIEW: 'PT2S',
      DEADLINE_RED_CONVENING: 'PT2S',
      FOLLOW_UP_DELAY: 'PT2S',
      // Only the explicit reconcile below should repair the queue.
      RECONCILE_INTERVAL: 'PT1H',
    });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const as = (user: Username) => ({
    get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`),
    post: (path: string, body: object) =>
      api.http().post(path).set('Authorization', `Bearer ${world.token[user]}`).send(body),
  });
  const getCase = async (id: string) =>
    (await as('super1').get(`/disputes/${id}`)).body as CaseBody;
  const timersOf = async (id: string) =>
    (await as('super1').get(`/disputes/${id}/timers`)).body as TimerRow[];
  const open = async (overrides: object = {}) => {
    const res = await as('gw1').post('/disputes', disputeBody(overrides));
    expect(res.status).toBe(201);
    return res.body as CaseBody;
  };
  const send = async (user: Username, id: string, event: object) => {
    const res = await as(user).post(`/disputes/${id}/events`, event);
    expect(res.status).toBe(200);
    return res.body as CaseBody;
  };
  const eventsOf = async (id: string) =>
    (await as('super1').get(`/disputes/${id}/events`)).body as EventBody[];
  /**
   * Wakes the worker for a timer row at its due time, as a one-row job left behind (queued
   * before wake-ups were per instant) would, and waits
   * until the worker has handled it (a job is removed when it completes): no guessing how long
   * the worker needs.
   */
  const wakeAndWait = async (rowId: string, dueAt: string) => {
    const queue = api.app.get(TimerQueue).queue;
    const delay = Math.max(0, Date.parse(dueAt) - Date.now());
    await queue.add(
      'deadline',
      { timerId: rowId },
      { jobId: rowId, delay, removeOnComplete: true },
    );
    await waitFor(`the worker to handle ${rowId}`, async () => !(await queue.getJob(rowId)));
  };
  const statusBecomes = (id: string, status: string) =>
    waitFor(`case ${id} to reach ${status}`, async () => {
      const c = await getCase(id);
      return c.status === status ? c : undefined;
    });

  it('escalates a blue case to yellow by itself, and an accepted yellow case to red', async () => {
    const c = await open();
    const yellow = await statusBecomes(c.id, 'yellow.awaitingAcceptance');
    expect(yellow).toMatchObject({ tier: 'yellow' });
    await send('officer1', c.id, {
      type: 'ACCEPT',
      officerId: world.id.officer1,
      lawyerId: world.id.lawyer1,
    });
    const red = await statusBecomes(c.id, 'red.convening');
    expect(red).toMatchObject({ tier: 'red', overdue: false });

    const events = (await as('super1').get(`/disputes/${c.id}/events`)).body as {
      type: string;
      actorId: string;
    }[];
    const expired = events.filter((e) => e.type === 'DEADLINE_EXPIRED');
    expect(expired).toHaveLength(2);
    expect(expired.every((e) => e.actorId === 'system')).toBe(true);
    const fired = (await timersOf(c.id)).filter(
      (t) => t.kind === 'deadline' && t.status === 'fired',
    );
    expect(fired).toHaveLength(2);
    for (const t of fired) expect(t.latenessMs).toBeGreaterThanOrEqual(0);

    // The supervisors learnt of both escalations.
    const inbox = await as('super1').get('/me/notifications');
    expect(JSON.stringify(inbox.body)).toMatch(/escalat/i);
  });

  it('flags a red case overdue when its convening deadline passes, and tells the supervisors', async () => {
    const c = await open({ requestedTier: 'red' });
    const overdue = await waitFor('the red case to be overdue', async () => {
      const now = await getCase(c.id);
      return now.overdue ? now : undefined;
    });
    expect(overdue).toMatchObject({ status: 'red.convening', tier: 'red' });
    const inbox = (await as('super1').get('/me/notifications?pageSize=100')).body as {
      items: { kind: string; disputeId: string }[];
    };
    expect(inbox.items.some((n) => n.kind === 'overdue' && n.disputeId === c.id)).toBe(true);
  });

  it('never moves a case by a timer of a state it has already left', async () => {
    const c = await open();
    const rowId = timerRowId(c.id, c.deadlines[0].timerId);
    await send('gw1', c.id, { type: 'ESCALATE', reason: 'needs a lawyer' });
    const blueDeadline = (await timersOf(c.id)).find((t) => t.id === rowId);
    expect(blueDeadline?.status).toBe('cancelled');
    // A wake-up for the old deadline still reaches the worker at its time (a job left
    // behind): it is handled and changes nothing.
    await wakeAndWait(rowId, c.deadlines[0].dueAt);
    expect(await getCase(c.id)).toMatchObject({ status: 'yellow.awaitingAcceptance', version: 2 });
    expect((await eventsOf(c.id)).map((e) => e.type)).not.toContain('DEADLINE_EXPIRED');
    expect((await timersOf(c.id)).find((t) => t.id === rowId)?.status).toBe('cancelled');
  });

  it('pauses the clock while suspended and resumes it with the time that was left', async () => {
    const c = await open();
    const dueAt = Date.parse(c.deadlines[0].dueAt);
    const rowId = timerRowId(c.id, c.deadlines[0].timerId);
    await send('gw1', c.id, { type: 'SUSPEND', reason: 'a party is in hospital' });
    // The original deadline's wake-up comes and goes (held until its time): nothing moves.
    await wakeAndWait(rowId, c.deadlines[0].dueAt);
    expect(await getCase(c.id)).toMatchObject({ status: 'suspended', tier: 'blue' });
    const resumed = await send('gw1', c.id, { type: 'RESUME' });
    expect(resumed.status).toBe('blue.mediating');
    // Measured on the times the server recorded, not on this test's clock.
    const events = await eventsOf(c.id);
    const recorded = (type: string) => Date.parse(events.find((e) => e.type === type)!.at);
    const remaining = dueAt - recorded('SUSPEND');
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThan(2000); // some of the PT2S had run
    expect(Date.parse(resumed.deadlines[0].dueAt) - recorded('RESUME')).toBe(remaining);
    await statusBecomes(c.id, 'yellow.awaitingAcceptance');
  });

  it('loses no deadline when Redis loses its data: the reconciler re-queues from the rows', async () => {
    const cases = await Promise.all(Array.from({ length: 5 }, () => open()));
    await wipeRedisPrefix(api.config.redisPrefix); // this suite's own FLUSHALL
    // Nothing is left to wake the worker: no job for any of the deadlines.
    const queue = api.app.get(TimerQueue).queue;
    const wakeUpOf = (c: CaseBody) => wakeUpJobId(wakeUpAt(Date.parse(c.deadlines[0].dueAt)));
    for (const c of cases) {
      expect(await queue.getJob(wakeUpOf(c))).toBeUndefined();
      expect((await getCase(c.id)).status).toBe('blue.mediating');
    }
    const report = await api.app.get(TimerReconciler).reconcile(60_000);
    await api.app.get(TimerWorker).reconcile();
    // One wake-up per due instant: cases opened together may share one.
    const instants = new Set(cases.map(wakeUpOf));
    expect(report.queued).toBeGreaterThanOrEqual(instants.size);
    for (const c of cases) await statusBecomes(c.id, 'yellow.awaitingAcceptance');
  });

  it('removes a one-row job whose row is done, and no wake-up, live row or agenda job', async () => {
    const queue = api.app.get(TimerQueue).queue;
    const c = await open();
    const [row] = await api.app
      .get(DataSource)
      .query<{ id: string }[]>(
        `SELECT id FROM timers WHERE dispute_id = ${driver === 'postgres' ? '$1' : '?'} AND status = 'scheduled' AND kind = 'deadline'`,
        [c.id],
      );
    const hour = 3_600_000;
    // Jobs as queued before batching named one timer row (job id = row id).
    await queue.add('deadline', { timerId: row.id }, { jobId: row.id, delay: hour });
    const gone = timerRowId(c.id, 'no-such-timer');
    await queue.add('deadline', { timerId: gone }, { jobId: gone, delay: hour });
    const wakeUp = wakeUpJobId(wakeUpAt(Date.now() + hour));
    await queue.add(
      'due',
      { timerId: wakeUp, dueAt: Date.now() + hour },
      { jobId: wakeUp, delay: hour },
    );
    await queue.add(
      'agenda',
      { timerId: 'agenda-by-hand' },
      { jobId: 'agenda-by-hand', delay: hour },
    );

    const report = await api.app.get(TimerReconciler).reconcile(60_000);
    expect(report.removed).toBe(1);
    expect(await queue.getJob(gone)).toBeUndefined();
    for (const kept of [row.id, wakeUp, 'agenda-by-hand']) {
      expect((await queue.getJob(kept))?.id).toBe(kept);
    }
    await Promise.all([row.id, wakeUp, 'agenda-by-hand'].map((id) => queue.remove(id)));
  });

  it('makes the follow-up visit due after an agreement, and reminds the handler', async () => {
    const c = await open();
    await send('gw1', c.id, {
      type: 'REACH_AGREEMENT',
      terms: 'Repair the pipe',
      signedByPartyIds: ['p1', 'p2'],
    });
    await statusBecomes(c.id, 'followUp');
    const inbox = (await as('gw1').get('/me/notifications?pageSize=100')).body as {
      items: { disputeId: string; message: string }[];
    };
    expect(inbox.items.some((n) => n.disputeId === c.id && /follow-up/i.test(n.message))).toBe(
      true,
    );
    const closed = await send('gw1', c.id, { type: 'RECORD_FOLLOW_UP', performed: 'full' });
    expect(closed).toMatchObject({ status: 'closed' });
  });

  it('keeps the weekly agenda scheduled and builds every agenda when the job runs', async () => {
    const queue = api.app.get(TimerQueue).queue;
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((j) => j.key === AGENDA_SCHEDULER_ID)).toMatchObject({
      pattern: '0 8 * * 3',
      tz: 'Asia/Shanghai',
    });
    const agendas = api.app.get(DataSource).getRepository(AgendaEntity);
    const before = await agendas.count();
    await queue.add('agenda', { timerId: 'agenda-now' }, { jobId: 'agenda-now' });
    // Streets S1 and S2 and communities C1 and C2 each get one.
    await waitFor('the agendas to be built', async () => (await agendas.count()) >= before + 4);
  });
});
