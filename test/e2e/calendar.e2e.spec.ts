/**
 * Deadlines in working time on the business calendar, end to end: a blue case opened on the
 * last working afternoon before National Day escalates on the right working day after it, and
 * a calendar edit re-times exactly the timers it moves, each recorded on its case.
 */
import {
  CalendarEdits,
  JurisdictionService,
  OpenDisputeService,
  SendEventService,
  TimerFiring,
  TimerQueue,
  timerRowId,
  type DisputeView,
  type OpenDisputeCommand,
} from '@tricolor/core';
import { CHINA_OFFICIAL_YEARS } from '@tricolor/workflow';
import { CalendarRetimeJob } from '../../apps/worker/src/jobs/calendar-retime.job';
import { sendSystemEvent } from '../../apps/worker/src/jobs/system-event';
import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { USERS, buildWorld, disputeBody, type World } from '../support/world';

const bj = (local: string): Date => new Date(Date.parse(`${local}+08:00`));

interface TimerRow {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
}

describe.each(DRIVERS)('the business calendar on %s', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    // No in-process worker: these cases live in other months, fired with their own clock.
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const get = (path: string, user: keyof World['token'] = 'super1') =>
    api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`);
  const openAt = async (at: Date): Promise<DisputeView> => {
    const actor = await api.app
      .get(JurisdictionService)
      .actorFor({ id: world.id.gw1, ...USERS.gw1 });
    return api.app.get(OpenDisputeService).open(actor, disputeBody() as OpenDisputeCommand, at);
  };
  const deadlineOf = (c: DisputeView) => c.deadlines.find((d) => d.kind === 'deadline');
  const fireAt = (c: DisputeView, timerId: string, now: Date) =>
    api.app
      .get(TimerFiring)
      .fire(
        timerRowId(c.id, timerId),
        async (ctx) =>
          (await sendSystemEvent(api.app.get(SendEventService), ctx, 'DEADLINE_EXPIRED')).changes,
        now,
      );

  it('a blue case opened on the last working afternoon before National Day escalates on the make-up Saturday after it', async () => {
    const c = await openAt(bj('2026-09-30T16:00:00'));
    const deadline = deadlineOf(c);
    // 3 working days: 30 Sep → 8 Oct → 9 Oct → Saturday 10 Oct (a make-up working day), 16:00.
    expect(deadline).toMatchObject({
      dueAt: bj('2026-10-10T16:00:00').toISOString(),
      countedIn: 'working_time',
    });
    const rows = (await get(`/disputes/${c.id}/timers`)).body as TimerRow[];
    expect(rows.find((r) => r.kind === 'deadline')?.dueAt).toBe(
      bj('2026-10-10T16:00:00').toISOString(),
    );

    // What happens next, in plain words, by Accept-Language or lang=.
    const zh = await get(`/disputes/${c.id}/next`).set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(zh.status).toBe(200);
    expect((zh.body as { steps: { text: string }[] }).steps[0]?.text).toBe(
      '若在 10月10日（周六）16:00 前未达成协议，案件将自动升级为黄色，由司法所会同律师会诊',
    );
    const en = await get(`/disputes/${c.id}/next?lang=en`).set('Accept-Language', 'zh-CN');
    expect((en.body as { steps: { text: string }[] }).steps[0]?.text).toMatch(
      /^If no agreement is reached by Sat 10 Oct 16:00/,
    );
    expect((await get(`/disputes/${c.id}/next?lang=fr`)).status).toBe(400);
    expect((await get(`/disputes/${c.id}/next`, 'gw3')).status).toBe(404);

    // In the holiday and on the Friday after it, the deadline is not yet due.
    expect(await fireAt(c, deadline!.timerId, bj('2026-10-09T16:00:00'))).toMatchObject({
      result: 'early',
    });
    const fired = await fireAt(c, deadline!.timerId, bj('2026-10-10T16:00:05'));
    expect(fired).toMatchObject({ result: 'fired' });
    const after = (await get(`/disputes/${c.id}`)).body as DisputeView;
    expect(after).toMatchObject({ tier: 'yellow', status: 'yellow.awaitingAcceptance' });
    // Acceptance: 1 working day; Sunday 11 Oct is off, so Monday 12 Oct 16:00:05.
    expect(deadlineOf(after)?.dueAt).toBe(bj('2026-10-12T16:00:05').toISOString());
  });

  it('shows the calendar with the years it covers', async () => {
    const res = await get('/admin/calendar');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      timeZone: 'Asia/Shanghai',
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    });
    expect((res.body as { coveredYears: number[] }).coveredYears).toEqual(
      expect.arrayContaining([2025, 2026]),
    );
    expect((await get('/admin/calendar', 'gw1')).status).toBe(403);
  });

  it('a calendar edit re-times exactly the timers it moves, each recorded on its case', async () => {
    const affected = await openAt(bj('2026-11-30T10:00:00')); // due Thursday 3 Dec 10:00
    const untouched = await openAt(bj('2026-12-02T09:00:00')); // counts from after 1 Dec
    expect(deadlineOf(affected)?.dueAt).toBe(bj('2026-12-03T10:00:00').toISOString());
    const untouchedDue = deadlineOf(untouched)?.dueAt;

    const official = CHINA_OFFICIAL_YEARS.find((y) => y.year === 2026)!;
    const res = await api
      .http()
      .put('/admin/calendar/years/2026')
      .set('Authorization', `Bearer ${world.token.admin}`)
      .send({
        holidays: [...official.holidays, '2026-12-01'],
        makeUpDays: official.makeUpDays,
        source: 'test: 1 December off',
      });
    expect(res.status).toBe(200);
    const body = res.body as {
      year: { origin: string };
      retiming: { jobId: string; queued: boolean };
    };
    expect(body.year.origin).toBe('edited');
    expect(body.retiming.queued).toBe(true);
    // The request only queued the work: nothing has moved yet.
    expect(deadlineOf((await get(`/disputes/${affected.id}`)).body as DisputeView)?.dueAt).toBe(
      bj('2026-12-03T10:00:00').toISOString(),
    );
    const queue = api.app.get(TimerQueue).queue;
    const job = await queue.getJob(body.retiming.jobId);
    expect(job?.name).toBe('calendar_retime');
    expect(job?.data).toMatchObject({ year: 2026 });
    // The worker's processor, as the worker runs it (this suite has no in-process worker).
    const done = (await new CalendarRetimeJob(api.app.get(CalendarEdits)).process(job!)) as {
      retimed: number;
    };
    expect(done).toEqual({ year: 2026, retimed: 2 });
    await job!.remove();
    // Done for this edit: the reconcile loop has nothing to queue again.
    expect(await api.app.get(CalendarEdits).queuePending()).toEqual([]);

    const now = (await get(`/disputes/${affected.id}`)).body as DisputeView;
    expect(deadlineOf(now)?.dueAt).toBe(bj('2026-12-04T10:00:00').toISOString());
    expect(now.version).toBe(affected.version + 2);
    const rows = (await get(`/disputes/${affected.id}/timers`)).body as TimerRow[];
    expect(rows.find((r) => r.kind === 'deadline')?.dueAt).toBe(
      bj('2026-12-04T10:00:00').toISOString(),
    );
    const events = (await get(`/disputes/${affected.id}/events`)).body as {
      type: string;
      actorId: string;
      payload: { from: string; to: string };
    }[];
    const retimed = events.filter((e) => e.type === 'DEADLINE_RETIMED');
    expect(retimed).toHaveLength(2);
    expect(retimed.every((e) => e.actorId === 'system')).toBe(true);
    expect((await get(`/disputes/${affected.id}/audit/verify`)).body).toMatchObject({
      intact: true,
    });

    expect(deadlineOf((await get(`/disputes/${untouched.id}`)).body as DisputeView)?.dueAt).toBe(
      untouchedDue,
    );
  });

  it('a re-timing job lost before it ran is queued again by the worker’s reconcile loop', async () => {
    const official = CHINA_OFFICIAL_YEARS.find((y) => y.year === 2025)!;
    const res = await api
      .http()
      .put('/admin/calendar/years/2025')
      .set('Authorization', `Bearer ${world.token.admin}`)
      .send({ holidays: official.holidays, makeUpDays: official.makeUpDays });
    expect(res.status).toBe(200);
    const { jobId } = (res.body as { retiming: { jobId: string } }).retiming;
    const queue = api.app.get(TimerQueue).queue;
    await (await queue.getJob(jobId))!.remove(); // a FLUSHALL, or a crash before the job ran
    const edits = api.app.get(CalendarEdits);
    expect(await edits.queuePending()).toEqual([2025]);
    const again = await queue.getJob(jobId);
    expect(again?.name).toBe('calendar_retime');
    // Queuing it twice is one job.
    expect(await edits.queuePending()).toEqual([2025]);
    expect((await queue.getJobs(['delayed', 'wait'])).filter((j) => j.id === jobId)).toHaveLength(
      1,
    );
    await new CalendarRetimeJob(edits).process(again!);
    await again!.remove();
    expect(await edits.queuePending()).toEqual([]);
  });

  it('imports a year from an ICS file (test data, not the official 2027 schedule)', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//test//EN',
      'BEGIN:VEVENT',
      'UID:a',
      'SUMMARY:元旦 休',
      'DTSTART;VALUE=DATE:20270101',
      'DTEND;VALUE=DATE:20270104',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'SUMMARY:补班',
      'DTSTART;VALUE=DATE:20270110',
      'DTEND;VALUE=DATE:20270111',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const res = await api
      .http()
      .post('/admin/calendar/import')
      .set('Authorization', `Bearer ${world.token.admin}`)
      .send({ ics, source: 'test.ics' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        year: expect.objectContaining({
          year: 2027,
          holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
          makeUpDays: ['2027-01-10'],
          origin: 'edited',
        }),
      }),
    ]);
    const calendar = (await get('/admin/calendar')).body as { coveredYears: number[] };
    expect(calendar.coveredYears).toContain(2027);
    const bad = await api
      .http()
      .post('/admin/calendar/import')
      .set('Authorization', `Bearer ${world.token.admin}`)
      .send({ ics: 'not a calendar' });
    expect(bad.status).toBe(400);
  });

  it('refuses a make-up day on a weekday, naming the field', async () => {
    const res = await api
      .http()
      .put('/admin/calendar/years/2027')
      .set('Authorization', `Bearer ${world.token.admin}`)
      .send({ holidays: [], makeUpDays: ['2027-03-03'] });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('makeUpDays');
  });
});
