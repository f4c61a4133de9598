/**
 * A calendar edit re-times open deadlines in the worker, not in the admin's request: the PUT
 * answers with the job, and the in-process worker moves the deadline and records why.
 */
import type { DisputeView } from '@tricolor/core';
import { CHINA_OFFICIAL_YEARS } from '@tricolor/workflow';
import { startApi, type TestApi } from '../support/api';
import { waitFor } from '../support/wait';
import { buildWorld, disputeBody, type World } from '../support/world';

/** The Beijing date of an instant. */
const beijingDay = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

describe('calendar re-timing as a background job (SQLite, in-process worker)', () => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await startApi('sqlite');
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const as = (user: keyof World['token']) => ({
    get: (path: string) => api.http().get(path).set('Authorization', `Bearer ${world.token[user]}`),
  });

  it('moves a deadline whose day becomes a holiday, after the request has answered', async () => {
    const opened = await api
      .http()
      .post('/disputes')
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send(disputeBody());
    expect(opened.status).toBe(201);
    const view = opened.body as DisputeView;
    const due = view.deadlines.find((d) => d.kind === 'deadline')?.dueAt;
    expect(due).toBeDefined();
    // The deadline's own day becomes a holiday: the deadline must move past it.
    const day = beijingDay(due!);
    const year = Number(day.slice(0, 4));
    const official = CHINA_OFFICIAL_YEARS.find((y) => y.year === year);
    const res = await api
      .http()
      .put(`/admin/calendar/years/${year}`)
      .set('Authorization', `Bearer ${world.token.admin}`)
      .send({
        holidays: [...(official?.holidays ?? []), day],
        makeUpDays: official?.makeUpDays ?? [],
        source: 'test: the deadline day off',
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ retiming: { queued: true } });

    const moved = await waitFor(
      'the worker to re-time the deadline',
      async () => {
        const now = (await as('super1').get(`/disputes/${view.id}`)).body as DisputeView;
        const next = now.deadlines.find((d) => d.kind === 'deadline')?.dueAt;
        return next && next !== due ? next : undefined;
      },
      30_000,
    );
    expect(beijingDay(moved) > day).toBe(true);
    const trail = (await as('super1').get(`/disputes/${view.id}/events`)).body as {
      type: string;
      actorId: string;
      payload: { kind: string; from: string; to: string };
    }[];
    const record = trail.find(
      (e) => e.type === 'DEADLINE_RETIMED' && e.payload.kind === 'deadline',
    );
    expect(record).toMatchObject({ actorId: 'system', payload: { from: due, to: moved } });
    const timers = (await as('super1').get(`/disputes/${view.id}/timers`)).body as {
      kind: string;
      status: string;
      dueAt: string;
    }[];
    expect(timers.find((t) => t.kind === 'deadline' && t.status === 'scheduled')?.dueAt).toBe(
      moved,
    );
    expect((await as('super1').get(`/disputes/${view.id}/audit/verify`)).body).toMatchObject({
      intact: true,
    });
  });
});
