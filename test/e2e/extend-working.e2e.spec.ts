/** EXTEND_DEADLINE in working time over HTTP: `by: '3WD'`, and the input it refuses. */
import type { DisputeView } from '@tricolor/core';
import { startApi, type TestApi } from '../support/api';
import { buildWorld, disputeBody, type World } from '../support/world';

describe('EXTEND_DEADLINE by working time over HTTP (SQLite)', () => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await startApi('sqlite', { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 120_000);
  afterAll(() => api?.close());

  const open = async (): Promise<DisputeView> => {
    const res = await api
      .http()
      .post('/disputes')
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send(disputeBody());
    expect(res.status).toBe(201);
    return res.body as DisputeView;
  };
  const extend = (id: string, body: object) =>
    api
      .http()
      .post(`/disputes/${id}/events`)
      .set('Authorization', `Bearer ${world.token.gw1}`)
      .send({
        type: 'EXTEND_DEADLINE',
        reason: 'both parties asked for time',
        consentingPartyIds: ['p1', 'p2'],
        ...body,
      });
  const deadline = (v: DisputeView) => v.deadlines.find((d) => d.kind === 'deadline')?.dueAt;

  it('moves the deadline 3 working days later, on a working day, inside working hours', async () => {
    const c = await open();
    const before = deadline(c)!;
    const res = await extend(c.id, { by: '3WD' });
    expect(res.status).toBe(200);
    const after = deadline(res.body as DisputeView)!;
    // At least three calendar days later (more across a weekend or holiday), never earlier.
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThanOrEqual(3 * 86_400_000);
    const local = new Date(Date.parse(after) + 8 * 3600_000);
    const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
    expect(
      (minutes > 8 * 60 + 30 && minutes <= 12 * 60) ||
        (minutes > 13 * 60 + 30 && minutes <= 17 * 60 + 30),
    ).toBe(true);
    const trail = (
      await api
        .http()
        .get(`/disputes/${c.id}/events`)
        .set('Authorization', `Bearer ${world.token.gw1}`)
    ).body as { type: string; payload: { by?: string } }[];
    expect(trail.at(-1)).toMatchObject({ type: 'EXTEND_DEADLINE', payload: { by: '3WD' } });
  });

  it('refuses both a date and working time, unreadable working time, and more than the maximum', async () => {
    const c = await open();
    const both = await extend(c.id, {
      by: '3WD',
      until: new Date(Date.now() + 10 * 86_400_000).toISOString(),
    });
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('not both');
    const bad = await extend(c.id, { by: '3 days' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('by must be working time');
    const long = await extend(c.id, { by: '40WD' });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('EXTEND_DEADLINE_MAX');
    const neither = await extend(c.id, {});
    expect(neither.status).toBe(400);
  });
});
