import { startApi, type TestApi } from '../support/api';
import { DRIVERS } from '../support/databases';
import { buildWorld, disputeBody, type Username, type World } from '../support/world';

// The smaller items of finding 7 of issue 9.
describe.each(DRIVERS)('finding 7 on %s', (driver) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await startApi(driver, { RUN_WORKER: 'false' });
    world = await buildWorld(api);
  }, 300_000);
  afterAll(() => api?.close());

  function as(user: Username | 'admin') {
    const auth = { Authorization: `Bearer ${world.token[user]}` };
    return {
      get: (path: string) => api.http().get(path).set(auth),
      post: (path: string, key?: string) => {
        const req = api.http().post(path).set(auth);
        return key ? req.set('Idempotency-Key', key) : req;
      },
    };
  }
  const open = async (overrides: object = {}) => {
    const res = await as('gw1').post('/disputes').send(disputeBody(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; amount: number | null };
  };

  it('marks answers with personal data Cache-Control: no-store', async () => {
    const c = await open();
    const res = await as('gw1').get(`/disputes/${c.id}`);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['title', { title: 'Leak \u202Egnp.exe' }],
    ['title', { title: 'Leak\u0007bell' }],
    [
      'parties',
      {
        parties: [
          { name: '张\u2066三', role: 'applicant' },
          { name: '李四', role: 'respondent' },
        ],
      },
    ],
  ])('refuses control and bidi characters in %s', async (field, overrides) => {
    const res = await as('gw1').post('/disputes').send(disputeBody(overrides));
    expect(res.status).toBe(400);
    expect(String(res.body.message)).toMatch(
      new RegExp(`${field === 'parties' ? 'name' : field}.*bidirectional`),
    );
  });

  it('keeps amounts to cents alike on both databases', async () => {
    const bad = await as('gw1')
      .post('/disputes')
      .send(disputeBody({ amount: 12.345 }));
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/amount.*2 decimal/);
    const c = await open({ amount: 12.34 });
    expect((await as('gw1').get(`/disputes/${c.id}`)).body.amount).toBe(12.34);
  });

  it('refuses an Idempotency-Key reused with a different body', async () => {
    const c = await open();
    const first = await as('gw1')
      .post(`/disputes/${c.id}/events`, 'k-body')
      .send({ type: 'SUSPEND', reason: 'a' });
    expect(first.status).toBe(200);
    const other = await as('gw1')
      .post(`/disputes/${c.id}/events`, 'k-body')
      .send({ type: 'SUSPEND', reason: 'b' });
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      params: { key: 'k-body' },
      event: 'SUSPEND',
      allowedEvents: expect.arrayContaining(['RESUME']),
    });
    expect(String(other.body.message)).toMatch(/k-body.*different request/);
    expect(String(other.body.reason)).toMatch(/different request/);
    // Another event type under the same key is another request too, and nothing was written.
    const otherType = await as('gw1')
      .post(`/disputes/${c.id}/events`, 'k-body')
      .send({ type: 'RESUME' });
    expect(otherType.status).toBe(422);
    expect(otherType.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const same = await as('gw1')
      .post(`/disputes/${c.id}/events`, 'k-body')
      .send({ type: 'SUSPEND', reason: 'a' });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(first.body);
    expect((await as('gw1').get(`/disputes/${c.id}/events`)).body).toHaveLength(2);
  });

  it('words a reused Idempotency-Key in Chinese for Accept-Language zh', async () => {
    const c = await open();
    const send = (reason: string) =>
      as('gw1')
        .post(`/disputes/${c.id}/events`, 'k-zh')
        .set('Accept-Language', 'zh-CN')
        .send({ type: 'SUSPEND', reason });
    expect((await send('a')).status).toBe(200);
    const other = await send('b');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(String(other.body.reason)).toMatch(/已在本案用于另一个请求/);
  });

  it('masks a replayed answer for a caller who no longer handles the case', async () => {
    const c = await open();
    const suspend = { type: 'SUSPEND', reason: 'away' };
    const first = await as('gw1').post(`/disputes/${c.id}/events`, 'k-mask').send(suspend);
    expect(first.body.parties[0].phone).toBe('13800138000');
    expect((await as('gw1').post(`/disputes/${c.id}/events`).send({ type: 'RESUME' })).status).toBe(
      200,
    );
    const escalated = await as('gw1')
      .post(`/disputes/${c.id}/events`)
      .send({ type: 'ESCALATE', reason: 'needs a lawyer' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.parties[0].phone).toBe('*******8000');
    const replay = await as('gw1').post(`/disputes/${c.id}/events`, 'k-mask').send(suspend);
    expect(replay.status).toBe(200);
    expect(replay.body.version).toBe(2);
    expect(replay.body.parties[0].phone).toBe('*******8000');
    expect(replay.body.parties[0].idNumber).toBe('**************1234');
  });

  it('refuses naming an unfit officer or lawyer alike, never saying what they are', async () => {
    const c = await open();
    const escalate = { type: 'ESCALATE', reason: 'needs legal advice' };
    expect((await as('gw1').post(`/disputes/${c.id}/events`).send(escalate)).status).toBe(200);
    const accept = async (officerId: string, lawyerId: string) => {
      const res = await as('officer1')
        .post(`/disputes/${c.id}/events`)
        .send({ type: 'ACCEPT', officerId, lawyerId });
      expect(res.status).toBe(422);
      return String(res.body.reason);
    };
    const nobody = '00000000-0000-4000-8000-000000000000';
    // Another street's officer, a supervisor of this street, nobody: one answer.
    const officers = [world.id.officer2, world.id.super1, nobody];
    const refusals = await Promise.all(
      officers.map(async (id) => (await accept(id, world.id.lawyer1)).replace(id, '<id>')),
    );
    expect(new Set(refusals).size).toBe(1);
    expect(refusals[0]).not.toMatch(/S2|supervisor|street two/i);
    const lawyers = [world.id.officer1, nobody];
    const lawyerRefusals = await Promise.all(
      lawyers.map(async (id) => (await accept(world.id.officer1, id)).replace(id, '<id>')),
    );
    expect(new Set(lawyerRefusals).size).toBe(1);
    expect(lawyerRefusals[0]).not.toMatch(/judicial|S1/);
  });
});
