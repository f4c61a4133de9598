import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

// Findings 6 (heavy reads) and 7 (NUL cursor, expectedVersion null) of issue 9.
describe.each(DRIVERS)('bounded reads on %s', (driver) => {
  let api: TestApi;
  let world: World;
  let caseId: string;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false', THROTTLE_AGENDA_BUILD_LIMIT: '2' });
    world = await buildWorld(api);
    const opened = await as('gw1').post('/disputes').send(disputeBody());
    caseId = (opened.body as { id: string }).id;
    for (let i = 0; i < 4; i++) {
      const event = i % 2 === 0 ? { type: 'SUSPEND', reason: 'away' } : { type: 'RESUME' };
      expect((await as('gw1').post(`/disputes/${caseId}/events`).send(event)).status).toBe(200);
    }
  }, 120_000);
  afterAll(() => api?.close());

  function as(user: Username | 'admin') {
    const auth = { Authorization: `Bearer ${world.token[user]}` };
    return {
      get: (path: string) => api.http().get(path).set(auth),
      post: (path: string) => api.http().post(path).set(auth),
    };
  }

  it('builds an agenda only for a supervisor, rate-limited; others read the stored one', async () => {
    expect((await as('police1').get('/agenda?unit=C1&fresh=true')).status).toBe(403);
    expect((await as('police1').post('/agenda/build').send({ unit: 'C1' })).status).toBe(403);
    const built = await as('super1').post('/agenda/build').send({ unit: 'C1' });
    expect(built.status).toBe(200);
    expect((await as('police1').get('/agenda?unit=C1')).body.id).toBe(built.body.id);
    expect((await as('super1').get('/agenda?unit=C1&fresh=true')).status).toBe(200);
    const third = await as('super1').post('/agenda/build').send({ unit: 'C1' });
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('pages the audit trail and the timers, answering arrays', async () => {
    const first = await as('gw1').get(`/disputes/${caseId}/events?limit=2`);
    expect(first.status).toBe(200);
    expect((first.body as { seq: number }[]).map((e) => e.seq)).toEqual([1, 2]);
    const rest = await as('gw1').get(`/disputes/${caseId}/events?afterSeq=2&limit=1000`);
    expect((rest.body as { seq: number }[]).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect((await as('gw1').get(`/disputes/${caseId}/events?limit=1001`)).status).toBe(400);
    const timers = await as('gw1').get(`/disputes/${caseId}/timers?limit=1`);
    expect(timers.status).toBe(200);
    expect(Array.isArray(timers.body)).toBe(true);
    expect((timers.body as unknown[]).length).toBeLessThanOrEqual(1);
  });

  it.each(['_', '%%', '__________', 'a', ' a ', '_a%'])(
    'refuses the text search %j (fewer than 2 letters or digits)',
    async (text) => {
      const res = await as('admin').get(`/disputes?text=${encodeURIComponent(text)}`);
      expect(res.status).toBe(400);
      expect(String(res.body.message)).toMatch(/text/);
    },
  );

  it('searches underscores literally once the text has 2 letters', async () => {
    const res = await as('admin').get(`/disputes?text=${encodeURIComponent('_water_')}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });

  it('answers a cursor that decodes to a NUL byte with 400', async () => {
    const cursor = Buffer.from('c1:\u0000', 'utf8').toString('base64url');
    const res = await as('admin').get(`/disputes?after=${cursor}`);
    expect(res.status).toBe(400);
  });

  it('answers expectedVersion: null with 400, not 409', async () => {
    const res = await as('gw1')
      .post(`/disputes/${caseId}/events`)
      .send({ type: 'SUSPEND', reason: 'x', expectedVersion: null });
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toMatch(/expectedVersion/);
  });
});
